import { FormActions } from '../../shared/FormActions';
import { Alert, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { createCustodyEventRequest, custodyEventKinds } from '@habeas/contracts';
import type { CustodyEvent, Facility, Page } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { can } from '@habeas/contracts';
import { api } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { apiErrors, localToIso, schemaErrors } from './form-errors';
import { useInvalidateCase } from './hooks';
import { HorizontalScroll } from '../../shared/HorizontalScroll';

function NewCustodyEventForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateCase(props.caseId);
  const facilities = useQuery({ queryKey: ['facilities'], queryFn: () => api<Page<Facility>>('/api/facilities') });
  const [values, setValues] = useState({ kind: 'transferred', occurredAt: '', facilityId: null as string | null, detainedUntil: '', notes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: unknown) => api<CustodyEvent>(`/api/cases/${props.caseId}/custody-events`, { method: 'POST', body }),
    onSuccess: async () => {
      await invalidate();
      props.onDone();
    },
    onError: (error) => setErrors(apiErrors(error)),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      kind: values.kind,
      occurredAt: localToIso(values.occurredAt),
      facilityId: values.facilityId,
      detainedUntil: values.detainedUntil || null,
      notes: values.notes,
    };
    const found = schemaErrors(createCustodyEventRequest.safeParse(body));
    if (!values.occurredAt) found.occurredAt = t('cases.required');
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors._ && <Alert color="red">{errors._}</Alert>}
        <Select
          label={t('cases.custody.kind')}
          data={custodyEventKinds.map((value) => ({ value, label: t(`cases.custody.kinds.${value}`) }))}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind ?? 'transferred' })}
        />
        <TextInput
          type="datetime-local"
          label={t('cases.custody.occurredAt')}
          required
          value={values.occurredAt}
          onChange={(e) => setValues({ ...values, occurredAt: e.currentTarget.value })}
          error={errors.occurredAt}
        />
        <Select
          label={t('cases.custody.facility')}
          clearable
          searchable
          data={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={values.facilityId}
          onChange={(facilityId) => setValues({ ...values, facilityId })}
          error={errors.facilityId}
        />
        <TextInput
          type="date"
          label={t('cases.detainedUntil')}
          value={values.detainedUntil}
          onChange={(e) => setValues({ ...values, detainedUntil: e.currentTarget.value })}
          error={errors.detainedUntil}
        />
        <Textarea label={t('cases.hearings.notes')} value={values.notes} onChange={(e) => setValues({ ...values, notes: e.currentTarget.value })} />
        <FormActions onCancel={props.onDone} pending={create.isPending} submitLabel="common.create" />
      </Stack>
    </form>
  );
}

/** Where the defendant has been held and how the custody measure changed. */
export function CustodyCard(props: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const [adding, { open, close }] = useDisclosure(false);
  const events = usePaged<CustodyEvent>(['custody', props.caseId], `/api/cases/${props.caseId}/custody-events`);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={500}>{t('cases.custody.title')}</Text>
        {can(user, 'cases:write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
            {t('cases.custody.add')}
          </Button>
        )}
      </Group>
      <QueryState isLoading={events.isLoading} error={events.error} isEmpty={events.items.length === 0} empty={t('cases.custody.empty')}>
        <HorizontalScroll label={t('cases.custody.title')} minWidth={560}>
          <Table>
            <Table.Tbody>
              {events.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{format.date(event.occurredAt)}</Table.Td>
                  <Table.Td>{t(`cases.custody.kinds.${event.kind}`)}</Table.Td>
                  <Table.Td>{event.facilityName ?? ''}</Table.Td>
                  <Table.Td>{event.detainedUntil ? `${t('cases.detainedUntil')}: ${format.day(event.detainedUntil)}` : ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {event.notes}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
        <LoadMore {...events} />
      </QueryState>
      <Modal opened={adding} onClose={close} title={t('cases.custody.add')}>
        <NewCustodyEventForm caseId={props.caseId} onDone={close} />
      </Modal>
    </Card>
  );
}
