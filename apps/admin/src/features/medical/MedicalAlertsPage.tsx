import { Button, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { resolveAlertRequest, type MedicalAlert } from '@habeas/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../shared/FormActions';
import { showServerErrors, useContractForm } from '../../shared/form';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { AlertCard } from './AlertCard';
import { useAlertAction, useAlerts, type AlertFilter as Filter } from './hooks';
import { FormError } from '../../shared/FormError';

/** The alert inbox page. */
export function MedicalAlertsPage() {
  const { t } = useTranslation();
  return <AlertInbox title={t('medical.alerts.title')} order={1} />;
}

/** The alert inbox (a page, or a section of the medic's home): updates live (AlertsLive invalidates the query on every stream event). */
export function AlertInbox(props: { title: string; order: 1 | 2 }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('unresolved');
  const [resolving, setResolving] = useState<MedicalAlert | null>(null);
  const alerts = useAlerts(filter);
  const action = useAlertAction();
  const canNotify = 'Notification' in window && Notification.permission === 'default';

  const run = (input: Parameters<typeof action.mutate>[0], done?: () => void) =>
    action.mutate(input, {
      onSuccess: () => done?.(),
      onError: (error) => notifications.show({ color: 'red', title: t('common.error'), message: error.message }),
    });

  return (
    <>
      <PageHeader title={props.title} order={props.order}>
        {canNotify && (
          <Button variant="subtle" size="xs" onClick={() => void Notification.requestPermission()}>
            {t('medical.alerts.enableNotifications')}
          </Button>
        )}
        <Select
          aria-label={t('medical.alerts.filter')}
          w={200}
          value={filter}
          allowDeselect={false}
          onChange={(value) => value && setFilter(value as Filter)}
          data={(['unresolved', 'open', 'acknowledged', 'resolved', 'all'] as const).map((value) => ({ value, label: t(`medical.alerts.status.${value}`) }))}
          data-testid="alert-filter"
        />
      </PageHeader>
      <QueryState isLoading={alerts.isLoading} error={alerts.error} isEmpty={alerts.items.length === 0} empty={t('medical.alerts.empty')}>
        <Stack gap="sm">
          {alerts.items.map((alert) => (
            <AlertCard
              key={alert.id}
              alert={alert}
              headingOrder={props.order === 1 ? 2 : 3}
              busy={action.isPending && action.variables?.id === alert.id}
              onAcknowledge={() => run({ id: alert.id, action: 'acknowledge' })}
              onResolve={() => setResolving(alert)}
            />
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
  const form = useContractForm({ initialValues: { note: '' }, schema: resolveAlertRequest });
  useEffect(() => {
    if (props.error && props.alert) showServerErrors(form, props.error);
  }, [props.error]);
  const errors = form.errors as Record<string, string | undefined>;
  return (
    <Modal opened={!!props.alert} onClose={props.onClose} title={t('medical.alerts.resolveTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ note }) => {
          if (props.alert)
            props.onResolve(props.alert, note, () => {
              form.reset();
              props.onClose();
            });
        })}
      >
        <Stack>
          <FormError message={errors._} />
          <Textarea label={t('medical.alerts.note')} required minRows={3} {...form.getInputProps('note')} />
          <FormActions onCancel={props.onClose} pending={false} submitLabel="medical.alerts.resolve" />
        </Stack>
      </form>
    </Modal>
  );
}
