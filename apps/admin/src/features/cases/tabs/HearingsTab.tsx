import { FormActions } from '../../../shared/FormActions';
import { Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealableDecisions, createHearingRequest, hearingKinds, updateHearingRequest } from '@habeas/contracts';
import type { CreateHearingRequest, Hearing, UpdateHearingRequest } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { LoadMore } from '../../../shared/LoadMore';
import { QueryState } from '../../../shared/QueryState';
import { DataTable } from '../../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../../shared/form';
import { notifications } from '@mantine/notifications';
import { zonedLocalToIso } from '@habeas/contracts';
import { useFormat, zoneLabel } from '../../../shared/format';
import { useHearingMutations, useHearings } from '../hooks';
import { FormError } from '../../../shared/FormError';

/** Russian courts sit in Moscow time unless the case says otherwise; the form takes times as the court states them. */
const COURT_ZONE = 'Europe/Moscow';

interface HearingValues {
  scheduledAt: string;
  kind: string;
  court: string;
  courtroom: string;
  notes: string;
}

const hearingRequest = (v: HearingValues) => ({
  scheduledAt: v.scheduledAt ? zonedLocalToIso(v.scheduledAt, COURT_ZONE) : undefined,
  timeZone: COURT_ZONE,
  kind: v.kind,
  ...(v.court ? { court: v.court } : {}),
  ...(v.courtroom ? { courtroom: v.courtroom } : {}),
  ...(v.notes ? { notes: v.notes } : {}),
});

function NewHearingForm(props: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { create } = useHearingMutations(props.caseId);
  const form = useContractForm({
    initialValues: { scheduledAt: '', kind: 'trial_session', court: '', courtroom: '', notes: '' } as HearingValues,
    schema: createHearingRequest,
    toRequest: hearingRequest,
  });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    create.mutate(hearingRequest(values) as CreateHearingRequest, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('courtTime.hearingSaved') });
        props.onDone();
      },
      onError: (error) => showServerErrors(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <TextInput
          type="datetime-local"
          label={t('courtTime.enterInCourtTime', { zone: zoneLabel(COURT_ZONE, i18n.language) })}
          description={t('courtTime.enterHint')}
          required
          {...form.getInputProps('scheduledAt')}
        />
        <Select
          label={t('cases.hearings.kind')}
          data={hearingKinds.map((value) => ({ value, label: t(`cases.hearings.kinds.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('cases.court')} {...form.getInputProps('court')} />
        <TextInput label={t('cases.hearings.courtroom')} {...form.getInputProps('courtroom')} />
        <Textarea label={t('cases.hearings.notes')} {...form.getInputProps('notes')} />
        <FormActions onCancel={props.onDone} pending={create.isPending} submitLabel="common.create" />
      </Stack>
    </form>
  );
}

interface OutcomeValues {
  outcome: string;
  decision: string | null;
}

const outcomeRequest = (v: OutcomeValues) => ({ outcome: v.outcome.trim() || null, decision: v.decision });

function OutcomeForm(props: { caseId: string; hearing: Hearing; onDone: () => void }) {
  const { t } = useTranslation();
  const { update } = useHearingMutations(props.caseId);
  const form = useContractForm({
    initialValues: { outcome: props.hearing.outcome ?? '', decision: props.hearing.decision } as OutcomeValues,
    schema: updateHearingRequest,
    toRequest: outcomeRequest,
  });
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    update.mutate(
      { id: props.hearing.id, body: outcomeRequest(values) as UpdateHearingRequest },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('courtTime.outcomeSaved') });
          props.onDone();
        },
        onError: (error) => showServerErrors(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <Textarea label={t('cases.hearings.outcome')} {...form.getInputProps('outcome')} />
        <Select
          label={t('cases.hearings.decision')}
          description={t('cases.hearings.decisionHint')}
          clearable
          data={appealableDecisions.map((value) => ({ value, label: t(`cases.hearings.decisions.${value}`) }))}
          {...form.getInputProps('decision')}
        />
        <FormActions onCancel={props.onDone} pending={update.isPending} />
      </Stack>
    </form>
  );
}

function CourtTime({ hearing }: { hearing: Hearing }) {
  const format = useFormat();
  const shown = format.courtTime(hearing.scheduledAt, hearing.timeZone);
  return (
    <>
      <Text size="sm" data-testid="court-time">
        {shown.court}
      </Text>
      {shown.viewer && (
        <Text size="xs" c="dimmed" data-testid="viewer-time">
          {shown.viewer}
        </Text>
      )}
    </>
  );
}

export function HearingsTab(props: { caseId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = can(user, 'cases:write');
  const [creating, { open, close }] = useDisclosure(false);
  const [recording, setRecording] = useState<Hearing | null>(null);
  const hearings = useHearings(props.caseId);
  return (
    <>
      {canWrite && (
        <Group justify="flex-end" mb="md">
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t('cases.hearings.add')}
          </Button>
        </Group>
      )}
      <QueryState isLoading={hearings.isLoading} error={hearings.error} isEmpty={hearings.items.length === 0} empty={t('cases.hearings.empty')}>
        <DataTable
          striped
          rows={hearings.items}
          rowKey={(hearing) => hearing.id}
          columns={[
            { key: 'scheduledAt', header: t('cases.hearings.scheduledAt'), cell: (hearing) => <CourtTime hearing={hearing} /> },
            {
              key: 'kind',
              header: t('cases.hearings.kind'),
              cell: (hearing) => (
                <>
                  {t(`cases.hearings.kinds.${hearing.kind}`)}
                  {hearing.notes && (
                    <Text size="xs" c="dimmed" data-testid="hearing-notes">
                      {hearing.notes}
                    </Text>
                  )}
                </>
              ),
            },
            { key: 'court', header: t('cases.court'), cell: (hearing) => [hearing.court, hearing.courtroom].filter(Boolean).join(', ') },
            {
              key: 'outcome',
              header: t('cases.hearings.outcome'),
              cell: (hearing) => (
                <>
                  {hearing.outcome ?? '—'} {hearing.decision && <Badge variant="light">{t(`cases.hearings.decisions.${hearing.decision}`)}</Badge>}
                </>
              ),
            },
            {
              key: 'actions',
              header: null,
              cell: (hearing) =>
                canWrite &&
                hearing.outcome === null && (
                  <Button size="xs" variant="subtle" onClick={() => setRecording(hearing)}>
                    {t('cases.hearings.recordOutcome')}
                  </Button>
                ),
            },
          ]}
        />
        <LoadMore {...hearings} />
      </QueryState>
      <Modal opened={creating} onClose={close} title={t('cases.hearings.add')}>
        <NewHearingForm caseId={props.caseId} onDone={close} />
      </Modal>
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={t('cases.hearings.recordOutcome')}>
        {recording && <OutcomeForm caseId={props.caseId} hearing={recording} onDone={() => setRecording(null)} />}
      </Modal>
    </>
  );
}
