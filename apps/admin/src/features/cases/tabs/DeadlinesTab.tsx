import { FormActions } from '../../../shared/FormActions';
import { Badge, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localToIso, useFormat } from '../../../shared/format';
import { showServerErrors, useContractForm } from '../../../shared/form';
import { DataTable } from '../../../shared/DataTable';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDeadlineRequest, deadlineTitleIn } from '@habeas/contracts';
import type { CreateDeadlineRequest, Deadline } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { LoadMore } from '../../../shared/LoadMore';
import { QueryState } from '../../../shared/QueryState';
import { DocumentPicker } from '../../documents/DocumentPicker';
import { Countdown } from '../Countdown';
import { TermRuleNote } from '../TermRuleNote';
import { useDeadlineMutations, useDeadlines } from '../hooks';
import { FormError } from '../../../shared/FormError';

interface DeadlineValues {
  title: string;
  dueAt: string;
  sourceDocumentId: string | null;
}

const deadlineRequest = (v: DeadlineValues) => ({
  dueAt: v.dueAt ? localToIso(v.dueAt) : undefined,
  title: v.title,
  ...(v.sourceDocumentId ? { sourceDocumentId: v.sourceDocumentId } : {}),
});

function NewDeadlineForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { create } = useDeadlineMutations(props.caseId);
  const form = useContractForm({
    initialValues: { title: '', dueAt: '', sourceDocumentId: null } as DeadlineValues,
    schema: createDeadlineRequest,
    toRequest: deadlineRequest,
  });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    create.mutate(deadlineRequest(values) as CreateDeadlineRequest, { onSuccess: props.onDone, onError: (error) => showServerErrors(form, error) }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <TextInput label={t('cases.deadlines.titleField')} required {...form.getInputProps('title')} />
        <TextInput type="datetime-local" label={t('cases.deadlines.dueAt')} required {...form.getInputProps('dueAt')} />
        <DocumentPicker
          caseId={props.caseId}
          label={t('documentEdit.picker.sourceDocument')}
          value={form.values.sourceDocumentId}
          onChange={(value) => form.setFieldValue('sourceDocumentId', value)}
          error={errors.sourceDocumentId}
        />
        <FormActions onCancel={props.onDone} pending={create.isPending} submitLabel="common.create" />
      </Stack>
    </form>
  );
}

export function DeadlinesTab(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const canWrite = can(user, 'cases:write');
  const [status, setStatus] = useState('open');
  const [creating, { open, close }] = useDisclosure(false);
  const { update } = useDeadlineMutations(props.caseId);
  const deadlines = useDeadlines(props.caseId, status);
  /** Ticks a deadline off (or back on) and offers to undo it for a few seconds. */
  const markDone = (deadline: Deadline, done: boolean) =>
    update.mutate(
      { id: deadline.id, body: { done } },
      {
        onSuccess: () => {
          const id = notifications.show({
            color: 'green',
            autoClose: 8000,
            message: (
              <Group gap="xs">
                <Text size="sm">{t(done ? 'terms.markedDone' : 'terms.markedOpen', { title: deadlineTitleIn(deadline, i18n.language) })}</Text>
                {done && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => {
                      notifications.hide(id);
                      update.mutate({ id: deadline.id, body: { done: false } });
                    }}
                  >
                    {t('terms.undo')}
                  </Button>
                )}
              </Group>
            ),
          });
        },
      },
    );
  return (
    <>
      <Group justify="space-between" mb="md">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={['open', 'done', 'all'].map((value) => ({ value, label: t(`cases.deadlines.filter.${value}`) }))}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t('cases.deadlines.add')}
          </Button>
        )}
      </Group>
      <QueryState isLoading={deadlines.isLoading} error={deadlines.error} isEmpty={deadlines.items.length === 0} empty={t('cases.deadlines.empty')}>
        <DataTable
          striped
          rows={deadlines.items}
          rowKey={(deadline) => deadline.id}
          columns={[
            {
              key: 'done',
              header: null,
              cell: (deadline) => (
                <Checkbox
                  aria-label={t('cases.deadlines.markDone')}
                  disabled={!canWrite}
                  checked={deadline.done}
                  onChange={(e) => markDone(deadline, e.currentTarget.checked)}
                />
              ),
            },
            {
              key: 'title',
              header: t('cases.deadlines.titleField'),
              cell: (deadline) => (
                <>
                  {deadlineTitleIn(deadline, i18n.language)}{' '}
                  {deadline.suggested && (
                    <Badge size="sm" variant="outline" style={{ minWidth: 'max-content' }}>
                      {t('cases.deadlines.suggested')}
                    </Badge>
                  )}
                </>
              ),
            },
            {
              key: 'dueAt',
              header: t('cases.deadlines.dueAt'),
              cell: (deadline) => (
                <>
                  {format.courtTime(deadline.dueAt, deadline.termRule?.timeZone ?? 'Europe/Moscow').court}
                  {deadline.termRule && <TermRuleNote rule={deadline.termRule} />}
                </>
              ),
            },
            { key: 'left', header: t('cases.deadlines.left'), cell: (deadline) => <Countdown dueAt={deadline.dueAt} done={deadline.done} /> },
          ]}
        />
        <LoadMore {...deadlines} />
      </QueryState>
      <Modal opened={creating} onClose={close} title={t('cases.deadlines.add')}>
        <NewDeadlineForm caseId={props.caseId} onDone={close} />
      </Modal>
    </>
  );
}
