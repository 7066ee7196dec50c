import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DonationSummary } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money';
import { PerDayChart } from './PerDayChart';

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
      {currencies.map((currency) => (
        <PerDayChart key={currency} summary={summary} currency={currency} />
      ))}
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
