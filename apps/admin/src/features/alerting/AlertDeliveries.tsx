import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { AlertNotification } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useAlertDeliveries } from './hooks';

// Shade 9 keeps light badges' text at 4.5:1 or more (WCAG AA).
const statusColor: Record<AlertNotification['status'], string> = { sent: 'green.9', failed: 'red.9', gone: 'gray.8', quiet: 'orange.9' };

/** Who was notified about an alert, when, on which channel, and whether it got through (opened on demand). */
export function AlertDeliveries(props: { alertId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const alert = useAlertDeliveries(props.alertId, open);
  const items = alert.data?.notifications ?? [];
  return (
    <Stack gap={4}>
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
          <Group key={index} gap="xs" data-testid="alert-delivery">
            <Text size="sm">{formatDateTime(n.at, i18n.language)}</Text>
            <Text size="sm" fw={500}>
              {n.recipientName ?? t('medical.alerts.someone')}
            </Text>
            <Text size="sm">{t(`alerting.channel.${n.channel}`)}</Text>
            <Badge size="sm" variant="light" color={statusColor[n.status]}>
              {t(`alerting.status.${n.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t(`alerting.deliveries.step${Math.min(n.step, 2)}`)}
              {n.attempt > 1 ? ` · ${t('alerting.deliveries.attempt', { n: n.attempt })}` : ''}
            </Text>
          </Group>
        ))}
    </Stack>
  );
}
