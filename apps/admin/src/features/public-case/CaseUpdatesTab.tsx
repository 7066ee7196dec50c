import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, type CaseUpdate } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { fieldErrors } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { useCaseUpdateMutations, useCaseUpdates } from './hooks';

const statusColour: Record<CaseUpdate['status'], string> = { draft: 'orange', published: 'green', unpublished: 'gray' };

function formatDateTime(language: string, at: string): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** Updates for the public page: any member drafts; a lawyer other than the author publishes after legal review. */
export function CaseUpdatesTab(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const updates = useCaseUpdates(props.caseId);
  const { draft, approve, unpublish } = useCaseUpdateMutations(props.caseId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<'ru' | 'en'>(i18n.language === 'en' ? 'en' : 'ru');
  const [withdrawing, setWithdrawing] = useState<CaseUpdate | null>(null);
  const errors = fieldErrors(draft.error);
  const mayReview = can(user, 'updates:approve');

  const submit = () =>
    draft.mutate(
      { title, body, language },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          notifications.show({ color: 'green', message: t('publicCase.drafted') });
        },
      },
    );

  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={720}>
        {t('publicCase.hint')}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('publicCase.newUpdate')}
        </Title>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('publicCase.language')}
            value={language}
            onChange={(value) => setLanguage(value as 'ru' | 'en')}
            data={[
              { value: 'ru', label: t('common.languageNames.ru') },
              { value: 'en', label: t('common.languageNames.en') },
            ]}
            w="fit-content"
          />
          <TextInput
            label={t('publicCase.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
            required
          />
          <Textarea
            label={t('publicCase.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={4}
            required
          />
          {draft.error && Object.keys(errors).length === 0 && <Alert color="red">{draft.error.message}</Alert>}
          <Group>
            <Button onClick={submit} loading={draft.isPending} disabled={!title.trim() || !body.trim()}>
              {t('publicCase.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <QueryState isLoading={updates.isLoading} error={updates.error} isEmpty={updates.items.length === 0} empty={t('publicCase.empty')}>
        <Stack gap="sm">
          {updates.items.map((update) => {
            const own = update.author?.id === user.id;
            return (
              <Paper key={update.id} withBorder p="md" data-testid="update-card">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <div>
                    <Group gap="xs">
                      <Badge variant="light" color={statusColour[update.status]}>
                        {t(`publicCase.statuses.${update.status}`)}
                      </Badge>
                      <Badge variant="outline">{update.language === 'ru' ? 'RU' : 'EN'}</Badge>
                    </Group>
                    <Title order={3} size="h5" mt={6} lang={update.language}>
                      {update.title}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {t('publicCase.by', { name: update.author?.name ?? '—', at: formatDateTime(i18n.language, update.createdAt) })}
                      {update.approvedBy &&
                        update.publishedAt &&
                        ` · ${t('publicCase.approvedBy', { name: update.approvedBy.name, at: formatDateTime(i18n.language, update.publishedAt) })}`}
                    </Text>
                  </div>
                  <Group gap="xs">
                    {update.status !== 'published' && mayReview && !own && (
                      <Button
                        size="xs"
                        onClick={() =>
                          approve.mutate(update.id, { onSuccess: () => notifications.show({ color: 'green', message: t('publicCase.published') }) })
                        }
                        loading={approve.isPending && approve.variables === update.id}
                      >
                        {t('publicCase.approve')}
                      </Button>
                    )}
                    {update.status !== 'published' && own && (
                      <Text size="xs" c="dimmed">
                        {t('publicCase.needsSecondLawyer')}
                      </Text>
                    )}
                    {update.status === 'published' && mayReview && (
                      <Button size="xs" variant="light" color="red" onClick={() => setWithdrawing(update)}>
                        {t('publicCase.unpublish')}
                      </Button>
                    )}
                  </Group>
                </Group>
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} lang={update.language}>
                  {update.body}
                </Text>
              </Paper>
            );
          })}
          <LoadMore hasNextPage={updates.hasNextPage} isFetchingNextPage={updates.isFetchingNextPage} fetchNextPage={updates.fetchNextPage} />
        </Stack>
      </QueryState>
      {(approve.error || unpublish.error) && <Alert color="red">{(approve.error ?? unpublish.error)?.message}</Alert>}
      <Modal opened={!!withdrawing} onClose={() => setWithdrawing(null)} title={t('publicCase.unpublishTitle')}>
        <Text size="sm">{t('publicCase.unpublishText', { title: withdrawing?.title })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setWithdrawing(null)}>
            {t('publicCase.cancel')}
          </Button>
          <Button
            color="red"
            loading={unpublish.isPending}
            onClick={() =>
              withdrawing &&
              unpublish.mutate(withdrawing.id, {
                onSuccess: () => {
                  setWithdrawing(null);
                  notifications.show({ message: t('publicCase.unpublished') });
                },
              })
            }
          >
            {t('publicCase.unpublish')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
