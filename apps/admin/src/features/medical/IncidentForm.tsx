import { FormActions } from '../../shared/FormActions';
import { ActionIcon, Alert, Button, Checkbox, Group, List, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { assessVitals, createIncidentRequest, graver, incidentSources, incidentTypes, severities, type CreateIncidentRequest } from '@habeas/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useMedicalSettings, useRecordIncident } from './hooks';
import { FormError } from '../../shared/FormError';

interface ReadingDraft {
  at: string;
  systolic?: number;
  diastolic?: number;
  pulse?: number;
  temperatureC?: number;
  glucoseMmolL?: number;
}

interface Values {
  occurredAt: string;
  type: CreateIncidentRequest['type'];
  severity: CreateIncidentRequest['severity'];
  source: CreateIncidentRequest['source'];
  facility: string;
  description: string;
  outcome: string;
  followUpNeeded: boolean;
  vitals: ReadingDraft[];
}

const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
/** A local date-time input as an ISO instant; what is not a date stays as typed, for the schema to name. */
const toIso = (local: string) => {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
};
const num = (value: string | number) => (typeof value === 'number' ? value : undefined);

const toRequest = (v: Values): CreateIncidentRequest => ({
  occurredAt: toIso(v.occurredAt),
  type: v.type,
  severity: v.severity,
  source: v.source,
  facility: v.facility || undefined,
  description: v.description,
  outcome: v.outcome || undefined,
  followUpNeeded: v.followUpNeeded,
  vitals: v.vitals.map((r) => ({ ...r, at: toIso(r.at) })),
});

/** Every issue of a reading shows under the readings. */
const fieldOf = { vitals: 'vitals' } as const;

/** Records an incident with its dated vital readings; the server opens an alert when the rules say so. */
export function IncidentForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm<Values, CreateIncidentRequest>({
    initialValues: {
      occurredAt: localNow(),
      type: 'ambulance_call',
      severity: 'moderate',
      source: 'lawyer_visit',
      facility: '',
      description: '',
      outcome: '',
      followUpNeeded: false,
      vitals: [],
    },
    schema: createIncidentRequest,
    toRequest,
    fieldOf,
  });
  const { vitals, severity } = form.values;
  const conditions = useMedicalSettings(props.caseId).data?.knownConditions;
  // The same rules the server applies: the readings raise the severity (never lower it) and the form says why.
  const assessment = useMemo(() => assessVitals(vitals, conditions ?? []), [vitals, conditions]);
  const [raised, setRaised] = useState(false);
  useEffect(() => {
    if (assessment.severity && graver(severity, assessment.severity) !== severity) {
      form.setFieldValue('severity', assessment.severity);
      setRaised(true);
    }
  }, [assessment.severity, severity]);
  const save = useRecordIncident(props.caseId);
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values), { onSuccess: props.onDone, onError: (error) => showServerErrors(form, error, fieldOf) }),
  );
  const setVitals = (next: (all: ReadingDraft[]) => ReadingDraft[]) => form.setFieldValue('vitals', next(form.values.vitals));
  const setReading = (index: number, patch: Partial<ReadingDraft>) => setVitals((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={errors._} />
        <TextInput type="datetime-local" label={t('medical.incident.occurredAt')} required {...form.getInputProps('occurredAt')} />
        <Group grow>
          <Select label={t('medical.incident.type')} data={options(incidentTypes, 'medical.type')} {...form.getInputProps('type')} allowDeselect={false} />
          <Select
            label={t('medical.incident.severity')}
            data={options(severities, 'medical.severity')}
            {...form.getInputProps('severity')}
            allowDeselect={false}
          />
        </Group>
        <Group grow>
          <Select
            label={t('medical.incident.source')}
            data={options(incidentSources, 'medical.source')}
            {...form.getInputProps('source')}
            allowDeselect={false}
          />
          <TextInput label={t('medical.incident.facility')} {...form.getInputProps('facility')} />
        </Group>
        <Textarea label={t('medical.incident.description')} required minRows={3} {...form.getInputProps('description')} />
        <Textarea label={t('medical.incident.outcome')} minRows={2} {...form.getInputProps('outcome')} />
        <Text fw={600} size="sm">
          {t('medical.vitals.title')}
        </Text>
        {vitals.map((reading, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              type="datetime-local"
              label={t('medical.vitals.at')}
              value={reading.at}
              onChange={(e) => setReading(index, { at: e.currentTarget.value })}
              required
            />
            <NumberInput label={t('medical.vitals.systolic')} w={90} value={reading.systolic ?? ''} onChange={(v) => setReading(index, { systolic: num(v) })} />
            <NumberInput
              label={t('medical.vitals.diastolic')}
              w={90}
              value={reading.diastolic ?? ''}
              onChange={(v) => setReading(index, { diastolic: num(v) })}
            />
            <NumberInput label={t('medical.vitals.pulse')} w={80} value={reading.pulse ?? ''} onChange={(v) => setReading(index, { pulse: num(v) })} />
            <NumberInput
              label={t('medical.vitals.temperatureC')}
              w={80}
              decimalScale={1}
              value={reading.temperatureC ?? ''}
              onChange={(v) => setReading(index, { temperatureC: num(v) })}
            />
            <NumberInput
              label={t('medical.vitals.glucoseMmolL')}
              w={90}
              decimalScale={1}
              value={reading.glucoseMmolL ?? ''}
              onChange={(v) => setReading(index, { glucoseMmolL: num(v) })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('medical.vitals.remove')}
              onClick={() => setVitals((all) => all.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setVitals((all) => [...all, { at: form.values.occurredAt }])}
          w="fit-content"
        >
          {t('medical.vitals.add')}
        </Button>
        {errors['vitals'] && (
          <Text c="red" size="sm">
            {errors['vitals']}
          </Text>
        )}
        {assessment.severity && (
          <Alert color={assessment.severity === 'critical' ? 'red' : 'orange'} data-testid="vitals-findings" role="status">
            <Text size="sm" fw={600}>
              {t(raised ? 'medical.vitals.raised' : 'medical.vitals.suggested', { severity: t(`medical.severity.${assessment.severity}`) })}
            </Text>
            <List size="sm">
              {assessment.findings.map((finding, index) => (
                <List.Item key={index}>{t(`medical.vitals.findings.${finding.code}`, { value: finding.value })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Checkbox label={t('medical.incident.followUpNeeded')} {...form.getInputProps('followUpNeeded', { type: 'checkbox' })} />
        <FormActions onCancel={props.onDone} pending={save.isPending} />
      </Stack>
    </form>
  );
}
