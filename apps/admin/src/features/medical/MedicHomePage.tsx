import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseMedicalState } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/DataTable';
import { QueryState } from '../../shared/QueryState';
import { AlertInbox } from './MedicalAlertsPage';
import { useMedicalOverview } from './hooks';
import { SeverityBadge } from './SeverityBadge';
import { useCaseTitle } from '../../shared/case-titles';

const DAY = 24 * 3600 * 1000;

function NewsCell(props: { state: CaseMedicalState }) {
  const { t, i18n } = useTranslation();
  const { state } = props;
  if (!state.lastIncidentAt) return <Text size="sm">{t('medical.home.never')}</Text>;
  const days = Math.floor((Date.now() - new Date(state.lastIncidentAt).getTime()) / DAY);
  const overdue = days >= state.noNewsDays;
  return (
    <Stack gap={2}>
      <Group gap={6}>
        {state.lastSeverity && <SeverityBadge severity={state.lastSeverity} />}
        {state.lastIncidentType && <Text size="sm">{t(`medical.type.${state.lastIncidentType}`)}</Text>}
      </Group>
      <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
        {new Date(state.lastIncidentAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' })} ·{' '}
        {t(overdue ? 'medical.home.overdue' : 'medical.home.daysAgo', { count: days, limit: state.noNewsDays })}
      </Text>
    </Stack>
  );
}

/** The medic's first screen: the medical state of their cases, then the alerts that still need someone. */
export function MedicHomePage() {
  const { t } = useTranslation();
  const caseTitle = useCaseTitle();
  const overview = useMedicalOverview();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('medical.home.title')}
      </Title>
      <Paper withBorder p="sm" component="section" aria-labelledby="medic-cases">
        <Title order={2} size="h3" id="medic-cases" mb="xs">
          {t('medical.home.cases')}
        </Title>
        <QueryState isLoading={overview.isLoading} error={overview.error} isEmpty={overview.data?.items.length === 0} empty={t('medical.home.noCases')}>
          <DataTable
            testId="medical-state"
            minWidth={640}
            label={t('medical.home.cases')}
            rows={overview.data?.items ?? []}
            rowKey={(state) => state.caseId}
            columns={[
              {
                key: 'case',
                header: t('medical.home.case'),
                cell: (state) => (
                  <Anchor component={Link} to={`/cases/${state.caseSlug}?tab=medical`}>
                    {caseTitle(state.caseSlug, state.caseTitle)}
                  </Anchor>
                ),
              },
              { key: 'news', header: t('medical.home.lastNews'), cell: (state) => <NewsCell state={state} /> },
              {
                key: 'alerts',
                header: t('medical.home.alerts'),
                cell: (state) => (
                  <Group gap={6}>
                    {state.openAlerts > 0 && <Badge color="red">{t('medical.home.open', { count: state.openAlerts })}</Badge>}
                    {state.inProgressAlerts > 0 && <Badge color="orange">{t('medical.home.inProgress', { count: state.inProgressAlerts })}</Badge>}
                    {state.openAlerts + state.inProgressAlerts === 0 && <Text size="sm">—</Text>}
                  </Group>
                ),
              },
              {
                key: 'conditions',
                header: t('medical.settings.conditionsShort'),
                cell: (state) => <Text size="sm">{state.knownConditions.map((c) => t(`medical.conditions.${c}`)).join(', ') || '—'}</Text>,
              },
            ]}
          />
        </QueryState>
      </Paper>
      <Paper withBorder p="sm" component="section">
        <AlertInbox title={t('medical.alerts.title')} order={2} />
      </Paper>
    </Stack>
  );
}
