import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { AlertNotification } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useAlertDeliveries } from './hooks';

// Dark shades keep the status text at 4.5:1 or more on white (WCAG AA).
const statusColor: Record<AlertNotification['status'], string | undefined> = { sent: undefined, failed: 'red.9', gone: 'gray.8', quiet: undefined };

/** Who was notified about an alert, when, on which channel, and whether it got through (opened on demand). */
export function AlertDeliveries(props: { alertId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const alert = useAlertDeliveries(props.alertId, open);
  const items = alert.data?.notifications ?? [];
  return (
    <Stack gap={4} align="flex-start">
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="alert-deliveries-toggle">
        {open ? t('alerting.deliveries.hide') : t('alerting.deliveries.show')}
      </Anchor>
      {open && alert.isLoading && <Text size="sm">{t('common.loading')}</Text>}
      {open && alert.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('alerting.deliveries.none')}
        </Text>
      )}
      {open &&
        items.map((n, index) => (
          <Group key={index} gap="xs" wrap="wrap" data-testid="alert-delivery">
            <Text size="sm">{formatDateTime(n.at, i18n.language)}</Text>
            <Text size="sm" fw={500}>
              {n.recipientName ?? t('medical.alerts.someone')}
            </Text>
            <Text size="sm">{t(`alerting.channel.${n.channel}`)}</Text>
            <Text size="sm" fw={600} c={statusColor[n.status]} data-status={n.status}>
              {t(`alerting.status.${n.status}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`alerting.deliveries.step${Math.min(n.step, 2)}`)}
              {n.attempt > 1 ? ` · ${t('alerting.deliveries.attempt', { n: n.attempt })}` : ''}
            </Text>
          </Group>
        ))}
    </Stack>
  );
}
