import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OnCallPolicy, OnCallShift } from '@habeas/contracts';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { ConfirmButton } from '../banking/ConfirmButton';
import { useAddOverride, useCaseChoices, useOnCallPolicy, useRemoveOverride, useSaveOnCallPolicy } from './hooks';

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

function PolicyEditor(props: { policy: OnCallPolicy }) {
  const { t } = useTranslation();
  const { policy } = props;
  const save = useSaveOnCallPolicy();
  const [minutes, setMinutes] = useState(policy.escalateAfterMinutes);
  const [shifts, setShifts] = useState<OnCallShift[]>(policy.own ? policy.shifts : []);
  useEffect(() => setMinutes(policy.escalateAfterMinutes), [policy.escalateAfterMinutes]);
  const people = policy.candidates.map((c) => ({ value: c.id, label: `${c.name} (${t(`users.roles.${c.role}`, { defaultValue: c.role })})` }));
  const nameOf = (id: string | null) => policy.candidates.find((c) => c.id === id)?.name ?? t('alerting.onCall.nobody');
  const change = (index: number, patch: Partial<OnCallShift>) => setShifts(shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const errors = fieldErrors(save.error);
  const submit = () =>
    save.mutate(
      { caseId: policy.caseId, escalateAfterMinutes: minutes, shifts },
      { onSuccess: () => notifications.show({ color: 'green', message: t('alerting.onCall.saved') }) },
    );
  return (
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
          <NumberInput
            hideControls
            label={t('alerting.onCall.minutes')}
            min={1}
            max={1440}
            w={240}
            value={minutes}
            onChange={(value) => setMinutes(Number(value) || 1)}
          />
        </Group>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('alerting.onCall.rota')}
        </Title>
        {shifts.length === 0 ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('alerting.onCall.noShifts')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="rota">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerting.onCall.person')}</Table.Th>
                  <Table.Th>{t('alerting.onCall.weekday')}</Table.Th>
                  <Table.Th>{t('alerting.onCall.from')}</Table.Th>
                  <Table.Th>{t('alerting.onCall.to')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shifts.map((shift, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Select
                        aria-label={t('alerting.onCall.person')}
                        data={people}
                        value={shift.userId}
                        allowDeselect={false}
                        onChange={(v) => v && change(index, { userId: v })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('alerting.onCall.weekday')}
                        data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`alerting.weekdays.${d}`) }))}
                        value={String(shift.weekday)}
                        allowDeselect={false}
                        onChange={(v) => v && change(index, { weekday: Number(v) })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="time"
                        aria-label={t('alerting.onCall.from')}
                        value={shift.start}
                        onChange={(e) => change(index, { start: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="time"
                        aria-label={t('alerting.onCall.to')}
                        value={shift.end}
                        onChange={(e) => change(index, { end: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('alerting.onCall.removeShift')}
                        onClick={() => setShifts(shifts.filter((_, i) => i !== index))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" mt="sm">
            {Object.values(errors).join('; ')}
          </Alert>
        )}
        {save.error && !Object.keys(errors).length && (
          <Alert color="red" mt="sm">
            {save.error.message}
          </Alert>
        )}
        <Group mt="sm">
          <Button
            variant="light"
            disabled={people.length === 0}
            onClick={() => setShifts([...shifts, { userId: people[0].value, weekday: 1, start: '09:00', end: '21:00' }])}
            data-testid="add-shift"
          >
            {t('alerting.onCall.addShift')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-rota">
            {t('alerting.onCall.save')}
          </Button>
        </Group>
      </Card>
      {policy.own && <Overrides policy={policy} people={people} />}
    </Stack>
  );
}

function Overrides(props: { policy: OnCallPolicy; people: Array<{ value: string; label: string }> }) {
  const { t, i18n } = useTranslation();
  const { policy, people } = props;
  const add = useAddOverride();
  const remove = useRemoveOverride(policy.caseId);
  const [userId, setUserId] = useState<string | null>(people[0]?.value ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = () => {
    if (!userId || !from || !to) return;
    add.mutate(
      { caseId: policy.caseId, userId, startsAt: new Date(from).toISOString(), endsAt: new Date(to).toISOString() },
      { onSuccess: () => notifications.show({ color: 'green', message: t('alerting.onCall.overrideAdded') }) },
    );
  };
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
      <Group align="flex-end">
        <Select label={t('alerting.onCall.person')} data={people} value={userId} onChange={setUserId} allowDeselect={false} w={260} />
        <TextInput type="datetime-local" label={t('alerting.onCall.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="datetime-local" label={t('alerting.onCall.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button variant="light" onClick={submit} loading={add.isPending} disabled={!userId || !from || !to}>
          {t('alerting.onCall.addOverride')}
        </Button>
      </Group>
      {add.error && (
        <Alert color="red" mt="sm">
          {add.error.message}
        </Alert>
      )}
    </Card>
  );
}
