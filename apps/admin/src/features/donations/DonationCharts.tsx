import { Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DonationSummary } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money';

/** Totals per currency and kind, and a bar per day of money received (one-off vs recurring), per currency. */
export function DonationCharts({ summary }: { summary: DonationSummary }) {
  const { t, i18n } = useTranslation();
  const currencies = [...new Set(summary.totals.map((row) => row.currency))];
  return (
    <Stack mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {currencies.map((currency) => (
          <Card key={currency} withBorder data-testid={`totals-${currency}`}>
            <Title order={2} size="h4">
              {currency}
            </Title>
            {summary.totals
              .filter((row) => row.currency === currency)
              .map((row) => (
                <Group key={row.kind} justify="space-between">
                  <Text size="sm">{t(`donations.kinds.${row.kind}`)}</Text>
                  <Text size="sm" fw={600}>
                    {formatMoney(row.amountMinor - row.refundedMinor, currency, i18n.language)} · {row.donorCount} {t('donations.donors')}
                  </Text>
                </Group>
              ))}
            <MoneySplit rows={summary.totals.filter((row) => row.currency === currency)} currency={currency} />
          </Card>
        ))}
      </SimpleGrid>
      {currencies.map((currency) => {
        const days = summary.perDay.filter((row) => row.currency === currency);
        const byDay = new Map<string, { one_off: number; recurring: number; offline: number }>();
        for (const row of days) {
          const entry = byDay.get(row.day) ?? { one_off: 0, recurring: 0, offline: 0 };
          entry[row.kind] += row.amountMinor;
          byDay.set(row.day, entry);
        }
        const max = Math.max(1, ...[...byDay.values()].map((d) => Math.max(0, d.one_off) + Math.max(0, d.recurring) + Math.max(0, d.offline)));
        return (
          <Card key={currency} withBorder>
            <Text fw={600} mb="xs">
              {t('donations.perDay')} · {currency}
            </Text>
            <Group gap={2} align="flex-end" h={100} wrap="nowrap" style={{ overflowX: 'auto' }} role="img" aria-label={`${t('donations.perDay')} ${currency}`}>
              {[...byDay].map(([day, v]) => (
                <Stack
                  key={day}
                  gap={0}
                  justify="flex-end"
                  h="100%"
                  title={`${day}: ${formatMoney(v.one_off + v.recurring + v.offline, currency, i18n.language)}`}
                >
                  <Box w={10} h={(Math.max(0, v.recurring) * 100) / max} bg="teal" />
                  <Box w={10} h={(Math.max(0, v.one_off) * 100) / max} bg="indigo" />
                  <Box w={10} h={(Math.max(0, v.offline) * 100) / max} bg="gray" />
                </Stack>
              ))}
            </Group>
            <Group gap="md" mt="xs">
              <Text size="xs" c="indigo">
                ■ {t('donations.kinds.one_off')}
              </Text>
              <Text size="xs" c="teal">
                ■ {t('donations.kinds.recurring')}
              </Text>
              <Text size="xs" c="gray">
                ■ {t('donations.kinds.offline')}
              </Text>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

/** Gross (what donors gave, less refunds and disputes), Stripe's fees and the net that reaches the bank. */
function MoneySplit({ rows, currency }: { rows: DonationSummary['totals']; currency: string }) {
  const { t, i18n } = useTranslation();
  const sum = (key: 'grossMinor' | 'feesMinor' | 'netMinor') => rows.reduce((total, row) => total + row[key], 0);
  return (
    <Group gap="md" mt="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid={`split-${currency}`}>
      {(['grossMinor', 'feesMinor', 'netMinor'] as const).map((key) => (
        <Text key={key} size="xs" c={key === 'feesMinor' ? 'dimmed' : undefined}>
          {t(`money.${key.replace('Minor', '')}`)}: {formatMoney(sum(key), currency, i18n.language)}
        </Text>
      ))}
    </Group>
  );
}
