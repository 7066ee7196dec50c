import { Badge } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MedicalAlert } from '@habeas/contracts';
import { useCaseTitle } from '../../shared/case-titles';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertStream, useOpenAlertCount } from './hooks';

/** Mounted once in the layout for medical staff and admins: live updates, the nav badge, notifications. */
export function OpenAlertsBadge(props: { enabled: boolean }) {
  const { t } = useTranslation();
  // The newest titles, read when an alert arrives: the stream stays connected while the case list loads.
  const titles = useCaseTitle();
  const caseTitle = useRef(titles);
  caseTitle.current = titles;
  const count = useOpenAlertCount(props.enabled);
  const notify = useCallback(
    (alert: MedicalAlert) => {
      const title = t('medical.alerts.newAlert', { case: caseTitle.current(alert.caseId, alert.caseTitle) });
      const message = t(`medical.severity.${alert.severity}`);
      notifications.show({ title, message, color: alert.severity === 'critical' ? 'red' : 'orange' });
      if ('Notification' in window && Notification.permission === 'granted' && document.hidden) new Notification(title, { body: message });
    },
    [t],
  );
  useAlertStream(props.enabled, notify);
  const unresolved = (count.data?.open ?? 0) + (count.data?.inProgress ?? 0);
  if (!props.enabled || !count.data || unresolved === 0) return null;
  // Red while someone still has to take an alert; orange when all are taken but not yet resolved.
  return (
    <Badge
      color={count.data.open > 0 ? 'red' : 'orange'}
      size="sm"
      circle={unresolved < 10}
      data-testid="open-alerts-badge"
      aria-label={t('medical.alerts.counts', { open: count.data.open, inProgress: count.data.inProgress })}
      title={t('medical.alerts.counts', { open: count.data.open, inProgress: count.data.inProgress })}
    >
      {unresolved}
    </Badge>
  );
}
