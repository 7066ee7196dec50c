import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { deadlineTitleIn } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Money } from '@habeas/contracts';
import { useEventText } from '../../shared/eventText';
import { EmptyState, QueryState } from '../../shared/QueryState';
import { Countdown } from '../cases/Countdown';
import { useDashboard } from './hooks';
import { MoneyBars } from './MoneyBars';
import { useCaseTitle } from '../../shared/case-titles';
import { useFormat } from '../../shared/format';

function Section(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder data-testid={props.testId}>
      <Title order={2} size="h4" mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Card>
  );
}

function Figure(props: { label: string; value: ReactNode; color?: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fz={28} fw={700} c={props.color}>
        {props.value}
      </Text>
    </Card>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const caseTitle = useCaseTitle();
  const eventText = useEventText();
  const dashboard = useDashboard();
  const data = dashboard.data;
  const openAlerts = typeof data?.widgets.openMedicalAlerts === 'number' ? data.widgets.openMedicalAlerts : null;
  const raised = Array.isArray(data?.widgets.raisedThisMonth) ? (data.widgets.raisedThisMonth as Money[]) : null;
  const format = useFormat();
  const when = (iso: string) => format.dateTime(iso);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.dashboard')}
      </Title>
      <QueryState isLoading={dashboard.isLoading} error={dashboard.error}>
        {data && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Figure label={t('dashboard.hearingsSoon')} value={data.upcomingHearings.length} />
              <Figure label={t('dashboard.deadlinesSoon')} value={data.upcomingDeadlines.length} color={data.upcomingDeadlines.length ? 'orange' : undefined} />
              {openAlerts !== null && <Figure label={t('dashboard.openMedicalAlerts')} value={openAlerts} color={openAlerts ? 'red' : undefined} />}
              {data.custody.map((c) => (
                <Figure
                  key={c.caseId}
                  label={t('dashboard.detainedUntil', { case: caseTitle(c.caseId, c.caseTitle), date: c.detainedUntil ? format.day(c.detainedUntil) : '' })}
                  value={t('dashboard.daysLeft', { count: c.daysLeft })}
                  color={c.daysLeft <= 7 ? 'red' : undefined}
                />
              ))}
            </SimpleGrid>
            {raised && (
              <Section title={t('dashboard.raisedThisMonth')}>
                {raised.length ? <MoneyBars values={raised} /> : <EmptyState>{t('dashboard.nothingRaised')}</EmptyState>}
              </Section>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Section title={t('dashboard.upcomingHearings')} testId="dashboard-hearings">
                {data.upcomingHearings.length === 0 && <EmptyState>{t('dashboard.noHearings')}</EmptyState>}
                <Stack gap="xs">
                  {data.upcomingHearings.map((h) => (
                    <Group key={h.id} justify="space-between" wrap="nowrap">
                      <div>
                        <Anchor component={Link} to={`/cases/${h.caseSlug}?tab=hearings`}>
                          {t(`cases.hearings.kinds.${h.kind}`)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {caseTitle(h.caseSlug, h.caseTitle)} · {h.court}
                        </Text>
                      </div>
                      <Text size="sm">{format.courtTime(h.scheduledAt, h.timeZone).court}</Text>
                    </Group>
                  ))}
                </Stack>
              </Section>
              <Section title={t('dashboard.upcomingDeadlines')} testId="dashboard-deadlines">
                {data.upcomingDeadlines.length === 0 && <EmptyState>{t('dashboard.noDeadlines')}</EmptyState>}
                <Stack gap="xs">
                  {data.upcomingDeadlines.map((d) => (
                    <Group key={d.id} justify="space-between" wrap="nowrap">
                      <div>
                        <Anchor component={Link} to={`/cases/${d.caseSlug}?tab=deadlines`}>
                          {deadlineTitleIn(d, i18n.language)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {caseTitle(d.caseSlug, d.caseTitle)} · {format.courtTime(d.dueAt, d.termRule?.timeZone ?? 'Europe/Moscow').court}
                        </Text>
                      </div>
                      <Countdown dueAt={d.dueAt} />
                    </Group>
                  ))}
                </Stack>
              </Section>
            </SimpleGrid>
            <Section title={t('dashboard.recentActivity')}>
              {data.recentActivity.length === 0 && <EmptyState>{t('dashboard.noActivity')}</EmptyState>}
              <Stack gap={6}>
                {data.recentActivity.map((item) => (
                  <Group key={`${item.type}:${item.ref}`} gap="xs" wrap="nowrap">
                    <Badge size="sm" variant="light">
                      {t(`cases.timeline.types.${item.type}`, { defaultValue: item.type })}
                    </Badge>
                    <Text size="sm" style={{ flex: 1 }}>
                      {eventText(item.event, item.params)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {caseTitle(item.caseSlug, item.caseTitle)} · {when(item.at)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
