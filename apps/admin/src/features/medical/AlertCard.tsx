import { Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { assessVitals, can, type MedicalAlert, type VitalReading } from '@habeas/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { AlertDeliveries } from '../alerting/AlertDeliveries';
import { useIncident } from './hooks';
import { SeverityBadge } from './SeverityBadge';
import { useCaseTitle } from '../../shared/case-titles';
import { useEventText } from '../../shared/eventText';
import { useFormat } from '../../shared/format';

function readingText(reading: VitalReading, t: (key: string) => string): string {
  const parts: string[] = [];
  if (reading.systolic !== undefined || reading.diastolic !== undefined)
    parts.push(`${reading.systolic ?? '—'}/${reading.diastolic ?? '—'} ${t('medical.units.mmHg')}`);
  if (reading.pulse !== undefined) parts.push(`${reading.pulse} ${t('medical.units.bpm')}`);
  if (reading.temperatureC !== undefined) parts.push(`${reading.temperatureC} °C`);
  if (reading.glucoseMmolL !== undefined) parts.push(`${reading.glucoseMmolL} ${t('medical.units.mmolL')}`);
  return parts.join(' · ');
}

/** One alert: what it is about, the readings and description (to those who may read the record), who acted and when. */
export function AlertCard(props: { alert: MedicalAlert; headingOrder: 2 | 3; busy: boolean; onAcknowledge: () => void; onResolve: () => void }) {
  const { t } = useTranslation();
  const caseTitle = useCaseTitle();
  const eventText = useEventText();
  const { alert } = props;
  const user = useCurrentUser();
  const incident = useIncident(alert.incidentId, alert.kind === 'incident' && can(user, 'medical:read'));
  const format = useFormat();
  const when = (iso: string) => format.dateTime(iso);
  // A notification on a phone opens `/medical-alerts?alert=<id>`: that alert is brought into view and outlined.
  const focused = useSearchParams()[0].get('alert') === alert.id;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const findings = incident.data ? assessVitals(incident.data.vitals).findings : [];
  return (
    <Card
      withBorder
      ref={card}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-status={alert.status}
      data-focused={focused || undefined}
      component="article"
      style={focused ? { borderColor: 'var(--mantine-color-indigo-8)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <SeverityBadge severity={alert.severity} />
            <Text fw={600} component={props.headingOrder === 2 ? 'h2' : 'h3'} size="md" m={0}>
              {eventText(`alertReason.${alert.kind}`, alert.reasonParams)}
            </Text>
            <Text c="dimmed" size="sm">
              · {t(`medical.alerts.state.${alert.status}`)}
            </Text>
            {alert.escalatedAt && (
              <Text c="red.8" size="sm">
                · {t('medical.alerts.escalated')}
              </Text>
            )}
          </Group>
          <Anchor component={Link} to={`/cases/${alert.caseId}/medical`} size="sm">
            {caseTitle(alert.caseId, alert.caseTitle)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('medical.alerts.openedAt', { at: when(alert.openedAt) })}
          </Text>
          {incident.data && (
            <>
              {incident.data.vitals.length > 0 && (
                <Text size="sm" data-testid="alert-vitals">
                  <b>{t('medical.alerts.readings')}:</b> {incident.data.vitals.map((reading) => readingText(reading, t)).join('; ')}
                </Text>
              )}
              {findings.length > 0 && (
                <List size="sm">
                  {findings.map((finding, index) => (
                    <List.Item key={index}>{t(`medical.vitals.findings.${finding.code}`, { value: finding.value })}</List.Item>
                  ))}
                </List>
              )}
              <Text size="sm" data-testid="alert-description">
                <b>{t('medical.alerts.description')}:</b> {incident.data.description}
              </Text>
            </>
          )}
          {alert.acknowledgedAt && (
            <Text size="sm" data-testid="alert-acknowledged">
              {t('medical.alerts.acknowledgedBy', { name: alert.acknowledgedByName ?? t('medical.alerts.someone'), at: when(alert.acknowledgedAt) })}
            </Text>
          )}
          {alert.resolvedAt && (
            <Text size="sm" data-testid="alert-resolved">
              {t('medical.alerts.resolvedBy', { name: alert.resolvedByName ?? t('medical.alerts.someone'), at: when(alert.resolvedAt) })}
            </Text>
          )}
          {alert.note && <Text size="sm">{t('medical.alerts.noteShown', { note: alert.note })}</Text>}
          <AlertDeliveries alertId={alert.id} />
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {alert.status === 'open' && (
            <Button size="xs" loading={props.busy} onClick={props.onAcknowledge}>
              {t('medical.alerts.acknowledge')}
            </Button>
          )}
          {alert.status !== 'resolved' && (
            <Button size="xs" variant="light" onClick={props.onResolve}>
              {t('medical.alerts.resolve')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
