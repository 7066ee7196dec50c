import { can, updateContactSettingsRequest, type ContactEvent, type LegalAction } from '@habeas/contracts';
import { CorrectionActions } from '../../shared/corrections/CorrectionActions';
import { useCurrentUser } from '../../app/session';
import { ContactCorrections } from './ContactCorrections';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { daysBetween, useFormat } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { DataTable } from '../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../shared/form';
import { ContactEventForm, type QuickAdd } from './ContactEventForm';
import { useContactLog, useContactSettings, useContactTrend, useLogContact, useUpdateContactSettings, useUpdateLegalAction } from './hooks';
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

/** The Contact tab of a case: log, quick-add buttons, refusal trend, the "no contact" setting. */
export function CaseContactTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState<QuickAdd | null>(null);
  const [correcting, setCorrecting] = useState<ContactEvent | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const canWrite = can(useCurrentUser(), 'cases:write');
  const [proposed, setProposed] = useState<LegalAction[] | null>(null);
  const [bucket, setBucket] = useState<'week' | 'month'>('week');
  const log = useContactLog(caseId);
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
      {settings.data && (settings.data.noContactAlertOpenedAt || contactOverdue(settings.data)) && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="no-contact-alert">
          {t('drafts.noContactFor', {
            count: settings.data.lastContactAt ? daysBetween(settings.data.lastContactAt, new Date()) : settings.data.noContactDays,
          })}{' '}
          {t('drafts.noContactLimit', { count: settings.data.noContactDays })}
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
          <Title order={2} size="h4">
            {t('detention.trend.title')}
          </Title>
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

      {settings.data && (
        <NoContactSetting
          caseId={caseId}
          days={settings.data.noContactDays}
          lastContactAt={settings.data.lastContactAt}
          lastEntryAt={log.items[0]?.occurredAt ?? null}
        />
      )}

      <QueryState isLoading={log.isLoading} error={log.error} isEmpty={log.items.length === 0} empty={t('detention.logEmpty')}>
        <HorizontalScroll label={t('detention.logTable')} minWidth={640}>
          <DataTable
            striped
            testId="contact-log"
            rows={log.items}
            rowKey={(event) => event.id}
            columns={[
              { key: 'at', header: t('detention.fields.occurredAt'), cell: (event) => format.dateTime(event.occurredAt) },
              { key: 'kind', header: t('detention.fields.kind'), cell: (event) => t(`detention.kind.${event.kind}`) },
              {
                key: 'status',
                header: t('detention.fields.status'),
                cellProps: () => ({ style: { whiteSpace: 'nowrap' } }),
                cell: (event) => (
                  <Badge color={badColor[event.status] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                    {t(`detention.status.${event.status}`)}
                  </Badge>
                ),
              },
              {
                key: 'details',
                header: t('detention.fields.details'),
                cell: (event) =>
                  [
                    event.facility,
                    event.visitor,
                    event.refusalReason && `${t('detention.fields.refusalReason')}: ${event.refusalReason}`,
                    event.refusedBy && `${t('detention.fields.refusedBy')}: ${event.refusedBy}`,
                    event.channel && t(`detention.channel.${event.channel}`),
                    event.deliveredAt && `${t('detention.fields.deliveredAt')}: ${format.date(event.deliveredAt)}`,
                    event.contents,
                    event.amount && format.money(event.amount.amountMinor, event.amount.currency),
                    event.notes,
                  ]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                key: 'actions',
                header: t('corrections.actionsOf'),
                cell: (event) => (
                  <CorrectionActions
                    canWrite={canWrite}
                    version={event.version}
                    onCorrect={() => setCorrecting(event)}
                    onHistory={() => setHistoryOf(event.id)}
                    historyTestId="contact-history"
                  />
                ),
              },
            ]}
          />
        </HorizontalScroll>
        <LoadMore {...log} />
      </QueryState>

      <ContactCorrections
        caseId={caseId}
        correcting={correcting}
        historyOf={historyOf}
        onCloseCorrection={() => setCorrecting(null)}
        onCloseHistory={() => setHistoryOf(null)}
      />
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
                    <Text fw={600}>{t(`detention.step.${action.step}`)}</Text>
                    <Text size="sm" c="dimmed">
                      {t('detention.fields.deadline')}: {action.deadlineAt ? format.date(action.deadlineAt, 'Europe/Moscow') : '—'}
                    </Text>
                    {action.alsoBecause.length > 0 && action.triggerId !== action.alsoBecause.at(-1)?.id && (
                      <Text size="xs" c="blue">
                        {t('drafts.joined')}
                      </Text>
                    )}
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
                    <Badge style={{ minWidth: 'max-content' }}>{t(`detention.actionStatus.${action.status}`)}</Badge>
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

/** No visit, call or delivered letter for longer than the case's limit. */
export function contactOverdue(settings: { noContactDays: number; lastContactAt: string | null }): boolean {
  return settings.lastContactAt !== null && daysBetween(settings.lastContactAt, new Date()) > settings.noContactDays;
}

function NoContactSetting(props: { caseId: string; days: number; lastContactAt: string | null; lastEntryAt: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useContractForm<{ noContactDays: number | string }>({ initialValues: { noContactDays: props.days }, schema: updateContactSettingsRequest });
  const update = useUpdateContactSettings(props.caseId);
  const days = form.values.noContactDays;
  return (
    <form noValidate onSubmit={form.onSubmit((values) => update.mutate(Number(values.noContactDays), { onError: (error) => showServerErrors(form, error) }))}>
      <Group align="flex-end">
        <NumberInput
          label={t('detention.noContactDays')}
          {...form.getInputProps('noContactDays')}
          error={form.errors.noContactDays ? t('detention.noContactDaysInvalid') : undefined}
          min={1}
          max={365}
          w={220}
        />
        <Button type="submit" variant="default" loading={update.isPending} disabled={Number(days) === props.days}>
          {t('detention.actions.save')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('detention.lastContact')}: {props.lastContactAt ? format.date(props.lastContactAt) : '—'}
          {props.lastEntryAt && props.lastEntryAt !== props.lastContactAt && ` · ${t('drafts.lastEntry')}: ${format.date(props.lastEntryAt)}`}
        </Text>
      </Group>
    </form>
  );
}
