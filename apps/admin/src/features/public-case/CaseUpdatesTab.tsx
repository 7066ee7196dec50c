import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, createCaseUpdateRequest, type CaseUpdate, type CreateCaseUpdateRequest } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { showServerErrors, useContractForm } from '../../shared/form';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { useCaseUpdateMutations, useCaseUpdates } from './hooks';
import { FormError } from '../../shared/FormError';

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
  const form = useContractForm<CreateCaseUpdateRequest>({
    initialValues: { title: '', body: '', language: i18n.language === 'en' ? 'en' : 'ru' },
    schema: createCaseUpdateRequest,
  });
  const { title, body } = form.values;
  const [withdrawing, setWithdrawing] = useState<CaseUpdate | null>(null);
  const errors = form.errors as Record<string, string | undefined>;
  const mayReview = can(user, 'updates:approve');

  const submit = form.onSubmit((values) =>
    draft.mutate(values, {
      onSuccess: () => {
        form.setValues({ title: '', body: '' });
        notifications.show({ color: 'green', message: t('publicCase.drafted') });
      },
      onError: (error) => showServerErrors(form, error),
    }),
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
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('publicCase.language')}
              {...form.getInputProps('language')}
              data={[
                { value: 'ru', label: t('common.languageNames.ru') },
                { value: 'en', label: t('common.languageNames.en') },
              ]}
              w="fit-content"
            />
            <TextInput label={t('publicCase.title')} {...form.getInputProps('title')} maxLength={200} required />
            <Textarea label={t('publicCase.body')} {...form.getInputProps('body')} autosize minRows={4} required />
            <FormError message={errors._} />
            <Group>
              <Button type="submit" loading={draft.isPending} disabled={!title.trim() || !body.trim()}>
                {t('publicCase.saveDraft')}
              </Button>
            </Group>
          </Stack>
        </form>
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
