import { updateLegalActionRequest, type LegalAction, type LegalActionStatus, type UpdateLegalActionRequest } from '@habeas/contracts';
import { Button, Modal, SimpleGrid, Stack, Switch, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { showServerErrors, useContractForm } from '../../shared/form';
import { ActionCard } from './ActionCard';
import { DraftEditorModal } from './DraftEditorModal';
import { useLegalActions, useUpdateLegalAction } from './hooks';
import { FormError } from '../../shared/FormError';

const columns: LegalActionStatus[] = ['proposed', 'drafting', 'filed', 'decided'];

/** The Actions board across the user's cases: proposed → drafting → filed → decided. */
export function ActionsBoardPage() {
  const { t } = useTranslation();
  const [showDismissed, setShowDismissed] = useState(false);
  const [editing, setEditing] = useState<LegalAction | null>(null);
  const [deciding, setDeciding] = useState<LegalAction | null>(null);
  const actions = useLegalActions();
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

const toDecision = (values: { outcome: string }): UpdateLegalActionRequest => ({ status: 'decided', outcome: values.outcome.trim() });

function DecideModal({ action, onClose }: { action: LegalAction; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm({ initialValues: { outcome: '' }, schema: updateLegalActionRequest, toRequest: toDecision });
  const update = useUpdateLegalAction();
  const errors = form.errors as Record<string, string | undefined>;
  return (
    <Modal opened onClose={onClose} title={t('detention.actions.decide')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          update.mutate({ id: action.id, body: toDecision(values) }, { onSuccess: onClose, onError: (error) => showServerErrors(form, error) }),
        )}
      >
        <Stack>
          <Textarea label={t('detention.fields.outcome')} {...form.getInputProps('outcome')} autosize minRows={3} />
          <FormError message={errors._} />
          <Button type="submit" disabled={!form.values.outcome.trim()} loading={update.isPending}>
            {t('detention.actions.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
