import { FormActions } from '../../../shared/FormActions';
import { Alert, Badge, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useFormat } from '../../../shared/format';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDeadlineRequest, deadlineTitleIn } from '@habeas/contracts';
import type { Deadline } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { LoadMore } from '../../../shared/LoadMore';
import { QueryState } from '../../../shared/QueryState';
import { usePaged } from '../../../shared/usePaged';
import { DocumentPicker } from '../../documents/DocumentPicker';
import { Countdown } from '../Countdown';
import { TermRuleNote } from '../TermRuleNote';
import { apiErrors, localToIso, schemaErrors } from '../form-errors';
import { useDeadlineMutations } from '../hooks';

function NewDeadlineForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { create } = useDeadlineMutations(props.caseId);
  const [dueAt, setDueAt] = useState('');
  const [title, setTitle] = useState('');
  const [sourceDocumentId, setSourceDocumentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = { dueAt: localToIso(dueAt), title, ...(sourceDocumentId ? { sourceDocumentId } : {}) };
    const found = schemaErrors(createDeadlineRequest.safeParse(body));
    if (!dueAt) found.dueAt = t('cases.required');
    if (!title.trim()) found.title = t('cases.required');
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(body, { onSuccess: props.onDone, onError: (error) => setErrors(apiErrors(error)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors._ && <Alert color="red">{errors._}</Alert>}
        <TextInput label={t('cases.deadlines.titleField')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <TextInput
          type="datetime-local"
          label={t('cases.deadlines.dueAt')}
          required
          value={dueAt}
          onChange={(e) => setDueAt(e.currentTarget.value)}
          error={errors.dueAt}
        />
        <DocumentPicker
          caseId={props.caseId}
          value={sourceDocumentId}
          onChange={setSourceDocumentId}
          label={t('documentEdit.picker.sourceDocument')}
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
  const deadlines = usePaged<Deadline>(['deadlines', props.caseId], `/api/cases/${encodeURIComponent(props.caseId)}/deadlines`, { status });
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
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('cases.deadlines.titleField')}</Table.Th>
              <Table.Th>{t('cases.deadlines.dueAt')}</Table.Th>
              <Table.Th>{t('cases.deadlines.left')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deadlines.items.map((deadline) => (
              <Table.Tr key={deadline.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('cases.deadlines.markDone')}
                    disabled={!canWrite}
                    checked={deadline.done}
                    onChange={(e) => {
                      const done = e.currentTarget.checked;
                      update.mutate(
                        { id: deadline.id, body: { done } },
                        {
                          onSuccess: () => {
                            const id = notifications.show({
                              color: 'green',
                              autoClose: 8000,
                              message: (
                                <Group gap="xs">
                                  <Text size="sm">
                                    {t(done ? 'terms.markedDone' : 'terms.markedOpen', { title: deadlineTitleIn(deadline, i18n.language) })}
                                  </Text>
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
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  {deadlineTitleIn(deadline, i18n.language)}{' '}
                  {deadline.suggested && (
                    <Badge size="sm" variant="outline" style={{ minWidth: 'max-content' }}>
                      {t('cases.deadlines.suggested')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {format.courtTime(deadline.dueAt, deadline.termRule?.timeZone ?? 'Europe/Moscow').court}
                  {deadline.termRule && <TermRuleNote rule={deadline.termRule} />}
                </Table.Td>
                <Table.Td>
                  <Countdown dueAt={deadline.dueAt} done={deadline.done} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...deadlines} />
      </QueryState>
      <Modal opened={creating} onClose={close} title={t('cases.deadlines.add')}>
        <NewDeadlineForm caseId={props.caseId} onDone={close} />
      </Modal>
    </>
  );
}
