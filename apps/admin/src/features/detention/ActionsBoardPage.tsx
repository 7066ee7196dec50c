import type { LegalAction, LegalActionStatus } from '@habeas/contracts';
import { Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { useUpdateLegalAction } from './hooks';

const columns: LegalActionStatus[] = ['proposed', 'drafting', 'filed', 'decided'];

/** The Actions board across the user's cases: proposed → drafting → filed → decided. */
export function ActionsBoardPage() {
  const { t } = useTranslation();
  const [showDismissed, setShowDismissed] = useState(false);
  const [editing, setEditing] = useState<LegalAction | null>(null);
  const [deciding, setDeciding] = useState<LegalAction | null>(null);
  const actions = usePaged<LegalAction>(['legal-actions'], '/api/legal-actions', { limit: 100 });
  const shown = showDismissed ? [...columns, 'dismissed' as const] : columns;
  return (
    <>
      <PageHeader title={t('detention.board.title')}>
        <Switch label={t('detention.board.showDismissed')} checked={showDismissed} onChange={(e) => setShowDismissed(e.currentTarget.checked)} />
      </PageHeader>
      <QueryState isLoading={actions.isLoading} error={actions.error} isEmpty={actions.items.length === 0} empty={t('detention.board.empty')}>
        <SimpleGrid cols={{ base: 1, md: shown.length }}>
          {shown.map((status) => {
            const items = actions.items.filter((action) => action.status === status);
            return (
              <Stack key={status} gap="xs" data-testid={`column-${status}`}>
                <Title order={4}>
                  {t(`detention.actionStatus.${status}`)} ({items.length})
                </Title>
                {items.map((action) => (
                  <ActionCard key={action.id} action={action} onEdit={() => setEditing(action)} onDecide={() => setDeciding(action)} />
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
        <LoadMore {...actions} />
      </QueryState>
      {editing && <EditDraftModal action={editing} onClose={() => setEditing(null)} />}
      {deciding && <DecideModal action={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function ActionCard({ action, onEdit, onDecide }: { action: LegalAction; onEdit: () => void; onDecide: () => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateLegalAction();
  const move = (status: LegalActionStatus) => update.mutate({ id: action.id, body: { status } });
  const overdue = action.deadlineAt && !action.filedAt && new Date(action.deadlineAt) < new Date() && action.status !== 'dismissed';
  return (
    <Card withBorder padding="sm" data-testid="action-card">
      <Text fw={600}>{action.title}</Text>
      <Text size="xs" c="dimmed">
        {t(`detention.step.${action.step}`)}
      </Text>
      <Text size="sm">
        <Anchor component={Link} to={`/cases/${action.caseSlug}/contact`}>
          {action.caseTitle}
        </Anchor>
      </Text>
      {action.triggerSummary && (
        <Text size="xs" c="dimmed">
          {t('detention.board.after')}: {action.triggerSummary}
        </Text>
      )}
      <Group gap="xs" mt={4}>
        {action.deadlineAt && (
          <Badge color={overdue ? 'red' : 'blue'} variant="light">
            {t('detention.fields.deadline')}: {new Date(action.deadlineAt).toLocaleDateString(i18n.language)}
          </Badge>
        )}
        {action.ownerName && <Badge variant="outline">{action.ownerName}</Badge>}
        {action.missingFields.length > 0 && action.status !== 'filed' && action.status !== 'decided' && (
          <Badge color="orange" variant="light">
            {t('detention.board.missing', { count: action.missingFields.length })}
          </Badge>
        )}
      </Group>
      {action.documentUrl && (
        <Anchor href={action.documentUrl} size="sm">
          {t('detention.board.document')}
        </Anchor>
      )}
      {action.outcome && (
        <Text size="sm">
          {t('detention.fields.outcome')}: {action.outcome}
        </Text>
      )}
      {update.error && (
        <Text size="xs" c="red">
          {update.error.message}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {action.status === 'proposed' && (
          <Button size="xs" onClick={() => move('drafting')} loading={update.isPending}>
            {t('detention.actions.accept')}
          </Button>
        )}
        {(action.status === 'proposed' || action.status === 'drafting') && (
          <Button size="xs" variant="default" onClick={onEdit}>
            {t('detention.actions.edit')}
          </Button>
        )}
        {action.status === 'drafting' && (
          <Button size="xs" color="green" onClick={() => move('filed')} loading={update.isPending}>
            {t('detention.actions.file')}
          </Button>
        )}
        {action.status === 'filed' && (
          <Button size="xs" onClick={onDecide}>
            {t('detention.actions.decide')}
          </Button>
        )}
        {(action.status === 'proposed' || action.status === 'drafting') && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => move('dismissed')}>
            {t('detention.actions.dismiss')}
          </Button>
        )}
        {action.status === 'dismissed' && (
          <Button size="xs" variant="subtle" onClick={() => move('proposed')}>
            {t('detention.actions.reopen')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function EditDraftModal({ action, onClose }: { action: LegalAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(action.title);
  const [draftText, setDraftText] = useState(action.draftText);
  const [deadline, setDeadline] = useState(action.deadlineAt ? action.deadlineAt.slice(0, 10) : '');
  const update = useUpdateLegalAction();
  const save = () =>
    update.mutate(
      { id: action.id, body: { title, draftText, deadlineAt: deadline ? new Date(`${deadline}T23:59:00Z`).toISOString() : null } },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('detention.board.editTitle')} size="xl">
      <Stack>
        <TextInput label={t('detention.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput type="date" label={t('detention.fields.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
        <Textarea
          label={t('detention.fields.draft')}
          value={draftText}
          onChange={(e) => setDraftText(e.currentTarget.value)}
          autosize
          minRows={12}
          data-testid="draft-text"
        />
        {update.error && <Text c="red">{update.error.message}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('detention.actions.close')}
          </Button>
          <Button onClick={save} loading={update.isPending}>
            {t('detention.actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DecideModal({ action, onClose }: { action: LegalAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const update = useUpdateLegalAction();
  return (
    <Modal opened onClose={onClose} title={t('detention.actions.decide')}>
      <Stack>
        <Textarea label={t('detention.fields.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={3} />
        {update.error && <Text c="red">{update.error.message}</Text>}
        <Button
          disabled={!outcome.trim()}
          loading={update.isPending}
          onClick={() => update.mutate({ id: action.id, body: { status: 'decided', outcome: outcome.trim() } }, { onSuccess: onClose })}
        >
          {t('detention.actions.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
