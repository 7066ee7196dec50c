import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { onCallOverrideRequest, onCallPolicyRequest, type OnCallOverrideRequest, type OnCallPolicy, type OnCallShift } from '@habeas/contracts';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { formatDateTime, localToIso } from '../../shared/format';
import { showServerErrors, useContractForm } from '../../shared/form';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { ConfirmButton } from '../banking/ConfirmButton';
import { useAddOverride, useCaseChoices, useOnCallPolicy, useRemoveOverride, useSaveOnCallPolicy } from './hooks';
import { FormError } from '../../shared/FormError';

const TEAM = 'team';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Admins set who is on call when (a weekly rota with overrides) and how fast an alert moves to the next person. */
export function OnCallPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<string>(TEAM);
  const cases = useCaseChoices();
  const caseId = scope === TEAM ? null : scope;
  const policy = useOnCallPolicy(caseId);
  return (
    <>
      <PageHeader title={t('alerting.onCall.title')}>
        <Select
          aria-label={t('alerting.onCall.scope')}
          w={260}
          allowDeselect={false}
          value={scope}
          onChange={(value) => value && setScope(value)}
          data={[{ value: TEAM, label: t('alerting.onCall.team') }, ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]}
          data-testid="on-call-scope"
        />
      </PageHeader>
      <Text size="sm" mb="md" maw={820}>
        {t('alerting.onCall.explain')}
      </Text>
      <QueryState isLoading={policy.isLoading} error={policy.error}>
        {policy.data && <PolicyEditor key={scope} policy={policy.data} />}
      </QueryState>
    </>
  );
}

interface PolicyValues {
  escalateAfterMinutes: number | string;
  shifts: OnCallShift[];
}

function PolicyEditor(props: { policy: OnCallPolicy }) {
  const { t } = useTranslation();
  const { policy } = props;
  const save = useSaveOnCallPolicy();
  const toRequest = (values: PolicyValues) => ({ caseId: policy.caseId, escalateAfterMinutes: Number(values.escalateAfterMinutes), shifts: values.shifts });
  const form = useContractForm({
    initialValues: { escalateAfterMinutes: policy.escalateAfterMinutes, shifts: policy.own ? policy.shifts : [] } as PolicyValues,
    schema: onCallPolicyRequest,
    toRequest,
  });
  // A policy read again (after saving, or changed elsewhere) brings its escalation time.
  useEffect(() => form.setFieldValue('escalateAfterMinutes', policy.escalateAfterMinutes), [policy.escalateAfterMinutes]);
  const errors = form.errors as Record<string, string | undefined>;
  const people = policy.candidates.map((c) => ({ value: c.id, label: `${c.name} (${t(`users.roles.${c.role}`, { defaultValue: c.role })})` }));
  const nameOf = (id: string | null) => policy.candidates.find((c) => c.id === id)?.name ?? t('alerting.onCall.nobody');
  const rows = form.values.shifts.map((shift, index) => ({ shift, index }));
  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('alerting.onCall.saved') }),
      onError: (error) => showServerErrors(form, error),
    }),
  );
  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Card withBorder>
            <Group justify="space-between" align="flex-end">
              <Stack gap={2}>
                <Text size="sm" data-testid="on-duty-now">
                  {t('alerting.onCall.onDutyNow', { name: nameOf(policy.onDutyNow) })}
                </Text>
                {policy.caseId && !policy.own && (
                  <Text size="sm" c="dimmed">
                    {t('alerting.onCall.teamApplies')}
                  </Text>
                )}
              </Stack>
              <NumberInput hideControls label={t('alerting.onCall.minutes')} min={1} max={1440} w={240} {...form.getInputProps('escalateAfterMinutes')} />
            </Group>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('alerting.onCall.rota')}
            </Title>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed" mb="sm">
                {t('alerting.onCall.noShifts')}
              </Text>
            ) : (
              <DataTable
                testId="rota"
                minWidth={640}
                label={t('alerting.onCall.rota')}
                rows={rows}
                rowKey={(row) => String(row.index)}
                columns={[
                  {
                    key: 'person',
                    header: t('alerting.onCall.person'),
                    cell: ({ index }) => (
                      <Select aria-label={t('alerting.onCall.person')} data={people} allowDeselect={false} {...form.getInputProps(`shifts.${index}.userId`)} />
                    ),
                  },
                  {
                    key: 'weekday',
                    header: t('alerting.onCall.weekday'),
                    cell: ({ shift, index }) => (
                      <Select
                        aria-label={t('alerting.onCall.weekday')}
                        data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`alerting.weekdays.${d}`) }))}
                        allowDeselect={false}
                        value={String(shift.weekday)}
                        onChange={(v) => v && form.setFieldValue(`shifts.${index}.weekday`, Number(v))}
                        error={errors[`shifts.${index}.weekday`]}
                      />
                    ),
                  },
                  {
                    key: 'from',
                    header: t('alerting.onCall.from'),
                    cell: ({ index }) => <TextInput type="time" aria-label={t('alerting.onCall.from')} {...form.getInputProps(`shifts.${index}.start`)} />,
                  },
                  {
                    key: 'to',
                    header: t('alerting.onCall.to'),
                    cell: ({ index }) => <TextInput type="time" aria-label={t('alerting.onCall.to')} {...form.getInputProps(`shifts.${index}.end`)} />,
                  },
                  {
                    key: 'remove',
                    header: null,
                    cell: ({ index }) => (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('alerting.onCall.removeShift')}
                        onClick={() => form.removeListItem('shifts', index)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    ),
                  },
                ]}
              />
            )}
            <FormError message={errors._} mt="sm" />
            <Group mt="sm">
              <Button
                variant="light"
                disabled={people.length === 0}
                onClick={() => form.insertListItem('shifts', { userId: people[0].value, weekday: 1, start: '09:00', end: '21:00' })}
                data-testid="add-shift"
              >
                {t('alerting.onCall.addShift')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="save-rota">
                {t('alerting.onCall.save')}
              </Button>
            </Group>
          </Card>
        </Stack>
      </form>
      {policy.own && <Overrides policy={policy} people={people} />}
    </Stack>
  );
}

function Overrides(props: { policy: OnCallPolicy; people: Array<{ value: string; label: string }> }) {
  const { t, i18n } = useTranslation();
  const { policy, people } = props;
  const add = useAddOverride();
  const remove = useRemoveOverride(policy.caseId);
  const toRequest = (values: { userId: string; from: string; to: string }) => ({
    caseId: policy.caseId,
    userId: values.userId,
    startsAt: values.from ? localToIso(values.from) : undefined,
    endsAt: values.to ? localToIso(values.to) : undefined,
  });
  const fieldOf = { startsAt: 'from', endsAt: 'to' } as const;
  const form = useContractForm({ initialValues: { userId: people[0]?.value ?? '', from: '', to: '' }, schema: onCallOverrideRequest, toRequest, fieldOf });
  const errors = form.errors as Record<string, string | undefined>;
  const { userId, from, to } = form.values;
  const submit = form.onSubmit((values) =>
    add.mutate(toRequest(values) as OnCallOverrideRequest, {
      onSuccess: () => notifications.show({ color: 'green', message: t('alerting.onCall.overrideAdded') }),
      onError: (error) => showServerErrors(form, error, fieldOf),
    }),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('alerting.onCall.overrides')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('alerting.onCall.overridesHint')}
      </Text>
      {policy.overrides.length > 0 && (
        <Stack gap={4} mb="sm" data-testid="overrides">
          {policy.overrides.map((o) => (
            <Group key={o.id} gap="xs">
              <Text size="sm">
                {t('alerting.onCall.overrideLine', {
                  name: o.userName ?? '—',
                  from: formatDateTime(o.startsAt, i18n.language),
                  to: formatDateTime(o.endsAt, i18n.language),
                })}
              </Text>
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                label={t('alerting.onCall.removeOverride')}
                question={t('alerting.onCall.removeOverrideQuestion')}
                loading={remove.isPending && remove.variables === o.id}
                onConfirm={() => remove.mutate(o.id)}
              />
            </Group>
          ))}
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <Select label={t('alerting.onCall.person')} data={people} allowDeselect={false} w={260} {...form.getInputProps('userId')} />
          <TextInput type="datetime-local" label={t('alerting.onCall.from')} {...form.getInputProps('from')} />
          <TextInput type="datetime-local" label={t('alerting.onCall.to')} {...form.getInputProps('to')} />
          <Button type="submit" variant="light" loading={add.isPending} disabled={!userId || !from || !to}>
            {t('alerting.onCall.addOverride')}
          </Button>
        </Group>
        <FormError message={errors._} mt="sm" />
      </form>
    </Card>
  );
}
