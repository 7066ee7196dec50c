import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DonationSummary } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api';
import { DataTable } from '../../shared/DataTable';
import { useNeedsAttention, useRunReconciliation } from './hooks';
import { formatMoney, useCaseTitle } from './money';

/**
 * What finance must look at: the last reconciliation run (checked, fixed, failed), signed Stripe events that could
 * not be applied yet and why, monthly gifts whose last payment failed, and the latest payouts to the bank.
 */
export function MoneyAttentionPanel({ summary }: { summary: DonationSummary }) {
  const { t, i18n } = useTranslation();
  const caseTitle = useCaseTitle();
  const issues = useNeedsAttention();
  const reconcile = useRunReconciliation();
  const run = summary.lastReconciliation;
  const at = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const open = issues.data?.items ?? [];
  return (
    <Stack mb="lg" gap="md">
      <Alert color={run?.error ? 'red' : run && run.failedCount > 0 ? 'orange' : 'gray'} title={t('money.reconciliation.title')} data-testid="reconciliation">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm">
              {run
                ? t('money.reconciliation.run', { at: at(run.startedAt), checked: run.checkedCount, fixed: run.fixedCount, failed: run.failedCount })
                : t('money.reconciliation.never')}
            </Text>
            {run?.errorKind && (
              <Text size="sm" c="red" data-testid="reconciliation-error">
                {t(`money.reconciliation.errors.${run.errorKind}`)}
              </Text>
            )}
            {reconcile.isError && !run?.errorKind && (
              <Text size="sm" c="red" data-testid="reconcile-refused">
                {t(
                  reconcile.error instanceof ApiError && reconcile.error.status === 503
                    ? 'money.reconciliation.unavailable'
                    : 'money.reconciliation.errors.internal',
                )}
              </Text>
            )}
            {run?.error && (
              <Text size="xs" c="dimmed" ff="monospace">
                {run.error}
              </Text>
            )}
          </Stack>
          <Button size="xs" variant="default" loading={reconcile.isPending} onClick={() => reconcile.mutate()} data-testid="reconcile-now">
            {t('money.reconciliation.runNow')}
          </Button>
        </Group>
      </Alert>

      <Card withBorder data-testid="needs-attention">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('money.attention.title')}
          </Title>
          <Badge color={open.length ? 'orange' : 'green'}>{open.length}</Badge>
        </Group>
        {issues.isError ? (
          <Text c="red" size="sm">
            {t('common.error')}
          </Text>
        ) : open.length === 0 ? (
          <Text size="sm" c="dimmed">
            {issues.isLoading ? '…' : t('money.attention.none')}
          </Text>
        ) : (
          <DataTable
            striped
            minWidth={560}
            label={t('money.attention.title')}
            rows={open}
            rowKey={(issue) => issue.eventId}
            columns={[
              { key: 'since', header: t('money.attention.since'), cell: (issue) => at(issue.firstSeenAt) },
              {
                key: 'event',
                header: t('money.attention.event'),
                cell: (issue) => (
                  <>
                    <Text size="sm">{issue.type}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {issue.objectId ?? issue.eventId}
                    </Text>
                  </>
                ),
              },
              { key: 'reason', header: t('money.attention.reason'), cell: (issue) => t(`money.attention.reasons.${issue.reason}`) },
              {
                key: 'amount',
                header: t('money.attention.amount'),
                cell: (issue) => (issue.amount ? formatMoney(issue.amount.amountMinor, issue.amount.currency, i18n.language) : '—'),
              },
              { key: 'attempts', header: t('money.attention.attempts'), cell: (issue) => issue.attempts },
            ]}
          />
        )}
        {open.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('money.attention.hint')}
          </Text>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ListCard
          testId="at-risk"
          title={t('money.atRisk.title')}
          empty={t('money.atRisk.none')}
          rows={summary.atRisk.map((gift) => ({
            key: gift.donationId,
            left: `${gift.donorName ?? t('donations.anonymousDonor')} · ${caseTitle(gift.caseSlug)}`,
            right: `${formatMoney(gift.amountMinor, gift.currency, i18n.language)} · ${t('money.atRisk.failedOn', { at: at(gift.failedAt) })}`,
          }))}
        />
        <ListCard
          testId="payouts"
          title={t('money.payouts.title')}
          empty={t('money.payouts.none')}
          rows={summary.payouts.map((payout) => ({
            key: payout.id,
            left: payout.arrivalDate ? new Date(payout.arrivalDate).toLocaleDateString(i18n.language) : '—',
            right: `${formatMoney(payout.amountMinor, payout.currency, i18n.language)} · ${t(`money.payouts.statuses.${payout.status}`, { defaultValue: payout.status })}`,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

function ListCard(props: { testId: string; title: string; empty: string; rows: Array<{ key: string; left: string; right: string }> }) {
  return (
    <Card withBorder data-testid={props.testId}>
      <Title order={2} size="h4" mb="xs">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        props.rows.map((row) => (
          <Group key={row.key} justify="space-between" wrap="nowrap">
            <Text size="sm">{row.left}</Text>
            <Text size="sm">{row.right}</Text>
          </Group>
        ))
      )}
    </Card>
  );
}
