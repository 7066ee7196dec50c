import { Anchor, Button, Card, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AlertStatus, MedicalAlert } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fieldErrors } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { SeverityBadge } from './SeverityBadge';
import { alertsKey, useAlertAction } from './useMedicalAlerts';

type Filter = AlertStatus | 'all';

/** The alert inbox: updates live (AlertsLive invalidates the query on every stream event). */
export function MedicalAlertsPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [resolving, setResolving] = useState<MedicalAlert | null>(null);
  const alerts = usePaged<MedicalAlert>(alertsKey, '/api/medical-alerts', { status: filter === 'all' ? undefined : filter });
  const action = useAlertAction();
  const canNotify = 'Notification' in window && Notification.permission === 'default';

  const run = (input: Parameters<typeof action.mutate>[0], done?: () => void) =>
    action.mutate(input, {
      onSuccess: () => done?.(),
      onError: (error) => notifications.show({ color: 'red', title: t('common.error'), message: error.message }),
    });

  return (
    <>
      <PageHeader title={t('medical.alerts.title')}>
        {canNotify && (
          <Button variant="subtle" size="xs" onClick={() => void Notification.requestPermission()}>
            {t('medical.alerts.enableNotifications')}
          </Button>
        )}
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={(['open', 'acknowledged', 'resolved', 'all'] as const).map((value) => ({ value, label: t(`medical.alerts.status.${value}`) }))}
        />
      </PageHeader>
      <QueryState isLoading={alerts.isLoading} error={alerts.error} isEmpty={alerts.items.length === 0} empty={t('medical.alerts.empty')}>
        <Stack gap="sm">
          {alerts.items.map((alert) => (
            <Card key={alert.id} withBorder data-testid="alert-card" data-alert-id={alert.id}>
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Group gap="xs">
                    <SeverityBadge severity={alert.severity} />
                    <Text fw={600}>
                      {alert.kind === 'incident' ? t(`medical.type.${alert.reason}`, { defaultValue: alert.reason }) : t(`medical.alerts.kind.${alert.kind}`)}
                    </Text>
                    <Text c="dimmed" size="sm">
                      · {t(`medical.alerts.status.${alert.status}`)}
                    </Text>
                    {alert.escalatedAt && (
                      <Text c="red" size="sm">
                        · {t('medical.alerts.escalated')}
                      </Text>
                    )}
                  </Group>
                  <Anchor component={Link} to={`/cases/${alert.caseId}/medical`} size="sm">
                    {alert.caseTitle}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('medical.alerts.openedAt', { at: new Date(alert.openedAt).toLocaleString(i18n.language) })}
                  </Text>
                  {alert.note && <Text size="sm">{t('medical.alerts.noteShown', { note: alert.note })}</Text>}
                </Stack>
                <Group gap="xs">
                  {alert.status === 'open' && (
                    <Button
                      size="xs"
                      loading={action.isPending && action.variables?.id === alert.id}
                      onClick={() => run({ id: alert.id, action: 'acknowledge' })}
                    >
                      {t('medical.alerts.acknowledge')}
                    </Button>
                  )}
                  {alert.status !== 'resolved' && (
                    <Button size="xs" variant="light" onClick={() => setResolving(alert)}>
                      {t('medical.alerts.resolve')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
        <LoadMore {...alerts} />
      </QueryState>
      <ResolveModal
        alert={resolving}
        onClose={() => setResolving(null)}
        onResolve={(alert, note, done) => run({ id: alert.id, action: 'resolve', note }, done)}
        error={action.error}
      />
    </>
  );
}

function ResolveModal(props: {
  alert: MedicalAlert | null;
  error: unknown;
  onClose: () => void;
  onResolve: (alert: MedicalAlert, note: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const errors = fieldErrors(props.error);
  return (
    <Modal opened={!!props.alert} onClose={props.onClose} title={t('medical.alerts.resolveTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (props.alert)
            props.onResolve(props.alert, note, () => {
              setNote('');
              props.onClose();
            });
        }}
      >
        <Stack>
          <Textarea label={t('medical.alerts.note')} required minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('medical.alerts.resolve')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
