import { Group, Progress, Stack, Text } from '@mantine/core';
import type { CampaignProgress } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { useFundraising } from './hooks';
import { formatMoney } from './money';

const parts = [
  { key: 'oneOff', field: 'oneOffMinor', color: 'indigo.7' },
  { key: 'monthly', field: 'monthlyMinor', color: 'green.8' },
  { key: 'offline', field: 'offlineMinor', color: 'orange.8' },
] as const;

/** One bar per currency against its goal, one-off, monthly and other gifts apart: the figures the public page shows. */
export function GoalBars({ progress }: { progress: CampaignProgress[] }) {
  const { t, i18n } = useTranslation();
  if (progress.length === 0) return <Text c="dimmed">{t('goals.none')}</Text>;
  return (
    <Stack gap="md">
      {progress.map((row) => {
        const scale = Math.max(row.goalMinor ?? 0, row.raisedMinor, 1);
        const money = (amount: number) => formatMoney(amount, row.currency, i18n.language);
        return (
          <Stack key={row.currency} gap={4} data-testid={`goal-bar-${row.currency}`}>
            <Text size="sm">
              <Text span fw={600}>
                {money(row.raisedMinor)}
              </Text>{' '}
              {row.goalMinor
                ? t('goals.ofGoal', { goal: money(row.goalMinor), percent: Math.floor((row.raisedMinor * 100) / row.goalMinor) })
                : t('goals.noGoal', { currency: row.currency })}
            </Text>
            <Progress.Root size="lg" aria-hidden>
              {parts.map((part) =>
                row[part.field] > 0 ? <Progress.Section key={part.key} value={(row[part.field] * 100) / scale} color={part.color} /> : null,
              )}
            </Progress.Root>
            <Group gap="md">
              {parts.map((part) => (
                <Group key={part.key} gap={6} wrap="nowrap">
                  <Progress.Root w={10} size={10} aria-hidden>
                    <Progress.Section value={100} color={part.color} />
                  </Progress.Root>
                  <Text size="xs">
                    {t(`goals.${part.key}`)}: {money(row[part.field])}
                  </Text>
                </Group>
              ))}
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** The case's goals and progress, fetched: for the Overview (every role that sees the case) and the money tab. */
export function CaseGoalBars({ caseId }: { caseId: string }) {
  const fundraising = useFundraising(caseId);
  return (
    <QueryState isLoading={fundraising.isLoading} error={fundraising.error}>
      {fundraising.data && <GoalBars progress={fundraising.data.progress} />}
    </QueryState>
  );
}
