import type { LegalAction, LegalActionStatus } from '@habeas/contracts';
import { Button, Modal, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { ActionCard } from './ActionCard';
import { DraftEditorModal } from './DraftEditorModal';
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
                <Title order={2} size="h4">
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
      {editing && <DraftEditorModal action={editing} onClose={() => setEditing(null)} />}
      {deciding && <DecideModal action={deciding} onClose={() => setDeciding(null)} />}
    </>
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
