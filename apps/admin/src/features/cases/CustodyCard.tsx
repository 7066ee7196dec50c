import { Button, Card, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can, createCustodyEventRequest, custodyEventKinds, type CreateCustodyEventRequest } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { DataTable } from '../../shared/DataTable';
import { FormActions } from '../../shared/FormActions';
import { localToIso, useFormat } from '../../shared/format';
import { showServerErrors, useContractForm } from '../../shared/form';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { useCreateCustodyEvent, useCustodyEvents, useFacilities } from './hooks';
import { FormError } from '../../shared/FormError';

interface CustodyValues {
  kind: string;
  occurredAt: string;
  facilityId: string | null;
  detainedUntil: string;
  notes: string;
}

const custodyRequest = (v: CustodyValues) => ({
  kind: v.kind,
  occurredAt: v.occurredAt ? localToIso(v.occurredAt) : undefined,
  facilityId: v.facilityId,
  detainedUntil: v.detainedUntil || null,
  notes: v.notes,
});

function NewCustodyEventForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const facilities = useFacilities();
  const create = useCreateCustodyEvent(props.caseId);
  const form = useContractForm({
    initialValues: { kind: 'transferred', occurredAt: '', facilityId: null, detainedUntil: '', notes: '' } as CustodyValues,
    schema: createCustodyEventRequest,
    toRequest: custodyRequest,
  });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    create.mutate(custodyRequest(values) as CreateCustodyEventRequest, { onSuccess: props.onDone, onError: (error) => showServerErrors(form, error) }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <Select
          label={t('cases.custody.kind')}
          data={custodyEventKinds.map((value) => ({ value, label: t(`cases.custody.kinds.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <TextInput type="datetime-local" label={t('cases.custody.occurredAt')} required {...form.getInputProps('occurredAt')} />
        <Select
          label={t('cases.custody.facility')}
          clearable
          searchable
          data={(facilities.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          {...form.getInputProps('facilityId')}
        />
        <TextInput type="date" label={t('cases.detainedUntil')} {...form.getInputProps('detainedUntil')} />
        <Textarea label={t('cases.hearings.notes')} {...form.getInputProps('notes')} />
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
  const events = useCustodyEvents(props.caseId);
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
          <DataTable
            rows={events.items}
            rowKey={(event) => event.id}
            columns={[
              { key: 'date', header: t('cases.custody.occurredAt'), cell: (event) => format.date(event.occurredAt) },
              { key: 'kind', header: t('cases.custody.kind'), cell: (event) => t(`cases.custody.kinds.${event.kind}`) },
              { key: 'facility', header: t('cases.custody.facility'), cell: (event) => event.facilityName ?? '' },
              {
                key: 'detainedUntil',
                header: t('cases.detainedUntil'),
                cell: (event) => (event.detainedUntil ? format.day(event.detainedUntil) : ''),
              },
              {
                key: 'notes',
                header: t('cases.hearings.notes'),
                cell: (event) => (
                  <Text size="sm" c="dimmed">
                    {event.notes}
                  </Text>
                ),
              },
            ]}
          />
        </HorizontalScroll>
        <LoadMore {...events} />
      </QueryState>
      <Modal opened={adding} onClose={close} title={t('cases.custody.add')}>
        <NewCustodyEventForm caseId={props.caseId} onDone={close} />
      </Modal>
    </Card>
  );
}
