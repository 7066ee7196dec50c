import { FormActions } from '../../shared/FormActions';
import { ActionIcon, Alert, Button, Checkbox, Group, List, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assessVitals, graver, incidentSources, incidentTypes, severities, type CreateIncidentRequest, type MedicalIncident } from '@habeas/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../shared/api';
import { alertCountKey, alertsKey } from './useMedicalAlerts';
import { useMedicalSettings } from './hooks';

interface ReadingDraft {
  at: string;
  systolic?: number;
  diastolic?: number;
  pulse?: number;
  temperatureC?: number;
  glucoseMmolL?: number;
}

const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const toIso = (local: string) => new Date(local).toISOString();
const num = (value: string | number) => (typeof value === 'number' ? value : undefined);

/** Records an incident with its dated vital readings; the server opens an alert when the rules say so. */
export function IncidentForm(props: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [occurredAt, setOccurredAt] = useState(localNow());
  const [type, setType] = useState<CreateIncidentRequest['type']>('ambulance_call');
  const [severity, setSeverity] = useState<CreateIncidentRequest['severity']>('moderate');
  const [source, setSource] = useState<CreateIncidentRequest['source']>('lawyer_visit');
  const [facility, setFacility] = useState('');
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState('');
  const [followUpNeeded, setFollowUp] = useState(false);
  const [vitals, setVitals] = useState<ReadingDraft[]>([]);
  const conditions = useMedicalSettings(props.caseId).data?.knownConditions;
  // The same rules the server applies: the readings raise the severity (never lower it) and the form says why.
  const assessment = useMemo(() => assessVitals(vitals, conditions ?? []), [vitals, conditions]);
  const [raised, setRaised] = useState(false);
  useEffect(() => {
    if (assessment.severity && graver(severity, assessment.severity) !== severity) {
      setSeverity(assessment.severity);
      setRaised(true);
    }
  }, [assessment.severity, severity]);
  const save = useMutation({
    mutationFn: (body: CreateIncidentRequest) => api<MedicalIncident>(`/api/cases/${props.caseId}/medical-incidents`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['medical-incidents', props.caseId] });
      void client.invalidateQueries({ queryKey: alertsKey });
      void client.invalidateQueries({ queryKey: alertCountKey });
      props.onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const setReading = (index: number, patch: Partial<ReadingDraft>) => setVitals((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          occurredAt: toIso(occurredAt),
          type,
          severity,
          source,
          facility: facility || undefined,
          description,
          outcome: outcome || undefined,
          followUpNeeded,
          vitals: vitals.map((r) => ({ ...r, at: toIso(r.at) })),
        });
      }}
    >
      <Stack>
        <TextInput
          type="datetime-local"
          label={t('medical.incident.occurredAt')}
          required
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.currentTarget.value)}
        />
        <Group grow>
          <Select
            label={t('medical.incident.type')}
            data={options(incidentTypes, 'medical.type')}
            value={type}
            onChange={(v) => v && setType(v as typeof type)}
            allowDeselect={false}
          />
          <Select
            label={t('medical.incident.severity')}
            data={options(severities, 'medical.severity')}
            value={severity}
            onChange={(v) => v && setSeverity(v as typeof severity)}
            allowDeselect={false}
          />
        </Group>
        <Group grow>
          <Select
            label={t('medical.incident.source')}
            data={options(incidentSources, 'medical.source')}
            value={source}
            onChange={(v) => v && setSource(v as typeof source)}
            allowDeselect={false}
          />
          <TextInput label={t('medical.incident.facility')} value={facility} onChange={(e) => setFacility(e.currentTarget.value)} />
        </Group>
        <Textarea
          label={t('medical.incident.description')}
          required
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Textarea label={t('medical.incident.outcome')} minRows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
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
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setVitals((all) => [...all, { at: occurredAt }])} w="fit-content">
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
        <Checkbox label={t('medical.incident.followUpNeeded')} checked={followUpNeeded} onChange={(e) => setFollowUp(e.currentTarget.checked)} />
        {save.error && !Object.keys(errors).length && <Text c="red">{save.error.message}</Text>}
        <FormActions onCancel={props.onDone} pending={save.isPending} />
      </Stack>
    </form>
  );
}
