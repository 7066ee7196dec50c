import type { ContactEvent, LegalAction } from '@habeas/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { ContactEventForm, type QuickAdd } from './ContactEventForm';
import { useContactSettings, useContactTrend, useLogContact, useUpdateContactSettings, useUpdateLegalAction } from './hooks';
import { TrendChart } from './TrendChart';

const quickAdds: QuickAdd[] = [
  { kind: 'visit', status: 'held' },
  { kind: 'visit', status: 'refused' },
  { kind: 'call', status: 'held' },
  { kind: 'letter', status: 'sent' },
  { kind: 'parcel', status: 'sent' },
  { kind: 'money_transfer', status: 'sent' },
];

const badColor: Partial<Record<ContactEvent['status'], string>> = {
  refused: 'red',
  not_delivered: 'orange',
  returned: 'grape',
  held: 'green',
  delivered: 'green',
  accepted: 'green',
};

function formatMoney(amount: NonNullable<ContactEvent['amount']>, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency }).format(amount.amountMinor / 100);
}

/** The Contact tab of a case: log, quick-add buttons, refusal trend, the "no contact" setting. */
export function CaseContactTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState<QuickAdd | null>(null);
  const [proposed, setProposed] = useState<LegalAction[] | null>(null);
  const [bucket, setBucket] = useState<'week' | 'month'>('week');
  const log = usePaged<ContactEvent>(['contacts', caseId], `/api/cases/${caseId}/contacts`);
  const trend = useContactTrend(caseId, bucket);
  const settings = useContactSettings(caseId);
  const logContact = useLogContact(caseId);
  const updateAction = useUpdateLegalAction();
  const close = () => {
    setAdding(null);
    setProposed(null);
    logContact.reset();
  };

  return (
    <Stack>
      {settings.data?.noContactAlertOpenedAt && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="no-contact-alert">
          {t('detention.noContactAlert', { days: settings.data.noContactDays })}
        </Alert>
      )}
      <Group>
        {quickAdds.map((quick) => (
          <Button
            key={`${quick.kind}-${quick.status}`}
            variant={quick.status === 'refused' ? 'light' : 'default'}
            color={quick.status === 'refused' ? 'red' : undefined}
            onClick={() => setAdding(quick)}
          >
            {t(`detention.quick.${quick.kind}_${quick.status}`)}
          </Button>
        ))}
      </Group>

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('detention.trend.title')}</Title>
          <SegmentedControl
            size="xs"
            value={bucket}
            onChange={(value) => setBucket(value as 'week' | 'month')}
            data={[
              { value: 'week', label: t('detention.trend.week') },
              { value: 'month', label: t('detention.trend.month') },
            ]}
          />
        </Group>
        <QueryState isLoading={trend.isLoading} error={trend.error} isEmpty={(trend.data?.items.length ?? 0) === 0} empty={t('detention.trend.empty')}>
          {trend.data && <TrendChart trend={trend.data} />}
        </QueryState>
      </Card>

      {settings.data && <NoContactSetting caseId={caseId} days={settings.data.noContactDays} lastContactAt={settings.data.lastContactAt} />}

      <QueryState isLoading={log.isLoading} error={log.error} isEmpty={log.items.length === 0} empty={t('detention.logEmpty')}>
        <Table striped data-testid="contact-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detention.fields.occurredAt')}</Table.Th>
              <Table.Th>{t('detention.fields.kind')}</Table.Th>
              <Table.Th>{t('detention.fields.status')}</Table.Th>
              <Table.Th>{t('detention.fields.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.items.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{new Date(event.occurredAt).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{t(`detention.kind.${event.kind}`)}</Table.Td>
                <Table.Td>
                  <Badge color={badColor[event.status] ?? 'gray'}>{t(`detention.status.${event.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {[
                    event.facility,
                    event.visitor,
                    event.refusalReason && `${t('detention.fields.refusalReason')}: ${event.refusalReason}`,
                    event.refusedBy && `${t('detention.fields.refusedBy')}: ${event.refusedBy}`,
                    event.channel && t(`detention.channel.${event.channel}`),
                    event.deliveredAt && `${t('detention.fields.deliveredAt')}: ${new Date(event.deliveredAt).toLocaleDateString(i18n.language)}`,
                    event.contents,
                    event.amount && formatMoney(event.amount, i18n.language),
                    event.notes,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...log} />
      </QueryState>

      <Modal opened={adding !== null} onClose={close} title={adding ? t(`detention.quick.${adding.kind}_${adding.status}`) : ''} size="lg">
        {adding && proposed === null && (
          <ContactEventForm
            initial={adding}
            pending={logContact.isPending}
            error={logContact.error}
            onSubmit={(body) =>
              logContact.mutate(body, { onSuccess: (result) => (result.proposedActions.length ? setProposed(result.proposedActions) : close()) })
            }
          />
        )}
        {proposed && (
          <Stack data-testid="proposed-actions">
            <Text>{t('detention.proposedIntro')}</Text>
            {proposed.map((action) => (
              <Card key={action.id} withBorder>
                <Group justify="space-between">
                  <div>
                    <Text fw={600}>{action.title}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`detention.step.${action.step}`)} · {t('detention.fields.deadline')}:{' '}
                      {action.deadlineAt ? new Date(action.deadlineAt).toLocaleDateString(i18n.language) : '—'}
                    </Text>
                  </div>
                  {action.status === 'proposed' ? (
                    <Button
                      size="xs"
                      loading={updateAction.isPending}
                      onClick={() =>
                        updateAction.mutate(
                          { id: action.id, body: { status: 'drafting' } },
                          { onSuccess: (updated) => setProposed((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? null) },
                        )
                      }
                    >
                      {t('detention.actions.accept')}
                    </Button>
                  ) : (
                    <Badge>{t(`detention.actionStatus.${action.status}`)}</Badge>
                  )}
                </Group>
              </Card>
            ))}
            <Group justify="space-between">
              <Anchor component={Link} to="/actions">
                {t('detention.openBoard')}
              </Anchor>
              <Button variant="default" onClick={close}>
                {t('detention.actions.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function NoContactSetting(props: { caseId: string; days: number; lastContactAt: string | null }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number | string>(props.days);
  const update = useUpdateContactSettings(props.caseId);
  return (
    <Group align="flex-end">
      <NumberInput
        label={t('detention.noContactDays')}
        value={days}
        onChange={setDays}
        min={1}
        max={365}
        w={220}
        error={update.error ? t('detention.noContactDaysInvalid') : undefined}
      />
      <Button variant="default" onClick={() => update.mutate(Number(days))} loading={update.isPending} disabled={Number(days) === props.days}>
        {t('detention.actions.save')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('detention.lastContact')}: {props.lastContactAt ? new Date(props.lastContactAt).toLocaleDateString(i18n.language) : '—'}
      </Text>
    </Group>
  );
}
