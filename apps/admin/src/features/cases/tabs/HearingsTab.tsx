import { FormActions } from '../../../shared/FormActions';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealableDecisions, createHearingRequest, hearingKinds, updateHearingRequest } from '@habeas/contracts';
import type { Hearing } from '@habeas/contracts';
import { useCurrentUser } from '../../../app/session';
import { can } from '@habeas/contracts';
import { LoadMore } from '../../../shared/LoadMore';
import { QueryState } from '../../../shared/QueryState';
import { usePaged } from '../../../shared/usePaged';
import { notifications } from '@mantine/notifications';
import { zonedLocalToIso } from '@habeas/contracts';
import { useFormat, zoneLabel } from '../../../shared/format';
import { apiErrors, schemaErrors } from '../form-errors';
import { useHearingMutations } from '../hooks';

/** Russian courts sit in Moscow time unless the case says otherwise; the form takes times as the court states them. */
const COURT_ZONE = 'Europe/Moscow';

function NewHearingForm(props: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { create } = useHearingMutations(props.caseId);
  const [values, setValues] = useState({ scheduledAt: '', kind: 'trial_session', court: '', courtroom: '', notes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      scheduledAt: zonedLocalToIso(values.scheduledAt, COURT_ZONE),
      timeZone: COURT_ZONE,
      kind: values.kind,
      ...(values.court ? { court: values.court } : {}),
      ...(values.courtroom ? { courtroom: values.courtroom } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
    };
    const found = schemaErrors(createHearingRequest.safeParse(body));
    if (!values.scheduledAt) found.scheduledAt = t('cases.required');
    setErrors(found);
    if (Object.keys(found).length === 0) {
      create.mutate(body, {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('courtTime.hearingSaved') });
          props.onDone();
        },
        onError: (error) => setErrors(apiErrors(error)),
      });
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors._ && <Alert color="red">{errors._}</Alert>}
        <TextInput
          type="datetime-local"
          label={t('courtTime.enterInCourtTime', { zone: zoneLabel(COURT_ZONE, i18n.language) })}
          description={t('courtTime.enterHint')}
          required
          value={values.scheduledAt}
          onChange={(e) => setValues({ ...values, scheduledAt: e.currentTarget.value })}
          error={errors.scheduledAt}
        />
        <Select
          label={t('cases.hearings.kind')}
          data={hearingKinds.map((value) => ({ value, label: t(`cases.hearings.kinds.${value}`) }))}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind ?? 'trial_session' })}
          error={errors.kind}
        />
        <TextInput
          label={t('cases.court')}
          value={values.court}
          onChange={(e) => setValues({ ...values, court: e.currentTarget.value })}
          error={errors.court}
        />
        <TextInput
          label={t('cases.hearings.courtroom')}
          value={values.courtroom}
          onChange={(e) => setValues({ ...values, courtroom: e.currentTarget.value })}
        />
        <Textarea label={t('cases.hearings.notes')} value={values.notes} onChange={(e) => setValues({ ...values, notes: e.currentTarget.value })} />
        <FormActions onCancel={props.onDone} pending={create.isPending} submitLabel="common.create" />
      </Stack>
    </form>
  );
}

function OutcomeForm(props: { caseId: string; hearing: Hearing; onDone: () => void }) {
  const { t } = useTranslation();
  const { update } = useHearingMutations(props.caseId);
  const [outcome, setOutcome] = useState(props.hearing.outcome ?? '');
  const [decision, setDecision] = useState<string | null>(props.hearing.decision);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = { outcome: outcome.trim() || null, decision };
    const found = schemaErrors(updateHearingRequest.safeParse(body));
    setErrors(found);
    if (Object.keys(found).length === 0) {
      update.mutate(
        { id: props.hearing.id, body },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('courtTime.outcomeSaved') });
            props.onDone();
          },
          onError: (error) => setErrors(apiErrors(error)),
        },
      );
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors._ && <Alert color="red">{errors._}</Alert>}
        <Textarea label={t('cases.hearings.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} error={errors.outcome} />
        <Select
          label={t('cases.hearings.decision')}
          description={t('cases.hearings.decisionHint')}
          clearable
          data={appealableDecisions.map((value) => ({ value, label: t(`cases.hearings.decisions.${value}`) }))}
          value={decision}
          onChange={setDecision}
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
  const hearings = usePaged<Hearing>(['hearings', props.caseId], `/api/cases/${encodeURIComponent(props.caseId)}/hearings`);
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
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.hearings.scheduledAt')}</Table.Th>
              <Table.Th>{t('cases.hearings.kind')}</Table.Th>
              <Table.Th>{t('cases.court')}</Table.Th>
              <Table.Th>{t('cases.hearings.outcome')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hearings.items.map((hearing) => (
              <Table.Tr key={hearing.id}>
                <Table.Td>
                  <CourtTime hearing={hearing} />
                </Table.Td>
                <Table.Td>
                  {t(`cases.hearings.kinds.${hearing.kind}`)}
                  {hearing.notes && (
                    <Text size="xs" c="dimmed" data-testid="hearing-notes">
                      {hearing.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{[hearing.court, hearing.courtroom].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>
                  {hearing.outcome ?? '—'} {hearing.decision && <Badge variant="light">{t(`cases.hearings.decisions.${hearing.decision}`)}</Badge>}
                </Table.Td>
                <Table.Td>
                  {canWrite && hearing.outcome === null && (
                    <Button size="xs" variant="subtle" onClick={() => setRecording(hearing)}>
                      {t('cases.hearings.recordOutcome')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
