import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DonationItem } from '@habeas/contracts';
import { donationKinds, donationStatuses } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, withQuery } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { CaseMoneyTab } from './CaseMoneyTab';
import { DonationCharts } from './DonationCharts';
import { useDonationSummary } from './hooks';
import { MoneyAttentionPanel } from './MoneyAttentionPanel';
import { formatMoney, useCaseOptions } from './money';
import { OfflineDonationForm } from './OfflineDonationForm';

/** The treasurer's screen: totals and charts, every donation with filters, the export, reconciliation, and each case's ledger. */
export function DonationsPage() {
  const { t, i18n } = useTranslation();
  const cases = useCaseOptions();
  const [filters, setFilters] = useState({ caseId: '', status: '', kind: '', currency: '', from: '', to: '' });
  const [offline, setOffline] = useState(false);
  const [ledgerCase, setLedgerCase] = useState<string | null>(null);
  const set = (key: keyof typeof filters) => (value: string | null) => setFilters((f) => ({ ...f, [key]: value ?? '' }));
  const summary = useDonationSummary();
  const donations = usePaged<DonationItem>(['donations', 'list'], '/api/donations', filters);
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: (donorId: string) => api(`/api/donors/${donorId}/erase`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['donations'] }),
  });
  return (
    <>
      <PageHeader title={t('donations.title')}>
        <Button
          variant="default"
          component="a"
          href={withQuery('/api/donations/export.csv', { from: filters.from, to: filters.to, caseId: filters.caseId })}
          data-testid="export-csv"
        >
          {t('donations.export')}
        </Button>
        <Button variant="default" component={Link} to="/donations/bank" data-testid="bank-statements-link">
          {t('banking.open')}
        </Button>
        <Button onClick={() => setOffline(true)}>{t('donations.recordOffline')}</Button>
      </PageHeader>
      <OfflineDonationForm opened={offline} onClose={() => setOffline(false)} />
      <QueryState isLoading={summary.isLoading} error={summary.error}>
        {summary.data && <DonationCharts summary={summary.data} />}
        {summary.data && <MoneyAttentionPanel summary={summary.data} />}
      </QueryState>
      <Group mb="md" align="flex-end">
        <Select label={t('donations.case')} data={cases.data ?? []} value={filters.caseId || null} onChange={set('caseId')} clearable w={200} />
        <Select
          label={t('donations.status')}
          data={donationStatuses.map((v) => ({ value: v, label: t(`donations.statuses.${v}`) }))}
          value={filters.status || null}
          onChange={set('status')}
          clearable
          w={170}
        />
        <Select
          label={t('donations.kind')}
          data={donationKinds.map((v) => ({ value: v, label: t(`donations.kinds.${v}`) }))}
          value={filters.kind || null}
          onChange={set('kind')}
          clearable
          w={150}
        />
        <TextInput
          label={t('donations.currency')}
          value={filters.currency}
          onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={90}
        />
        <TextInput label={t('donations.from')} type="date" value={filters.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput label={t('donations.to')} type="date" value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </Group>
      <QueryState isLoading={donations.isLoading} error={donations.error} isEmpty={donations.items.length === 0} empty={t('donations.empty')}>
        <Table striped highlightOnHover data-testid="donations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('donations.date')}</Table.Th>
              <Table.Th>{t('donations.case')}</Table.Th>
              <Table.Th>{t('donations.kind')}</Table.Th>
              <Table.Th>{t('donations.status')}</Table.Th>
              <Table.Th>{t('donations.amount')}</Table.Th>
              <Table.Th>{t('donations.donor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {donations.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{new Date(d.paidAt ?? d.createdAt).toLocaleDateString(i18n.language)}</Table.Td>
                <Table.Td>{d.caseSlug}</Table.Td>
                <Table.Td>
                  {t(`donations.kinds.${d.kind}`)}
                  {d.subscriptionStatus === 'canceled' ? ` (${t('donations.canceled')})` : ''}
                  {d.subscriptionStatus === 'past_due' ? ` (${t('money.atRisk.badge')})` : ''}
                  {d.method && d.kind === 'offline' ? ` · ${d.method}` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={d.status === 'paid' ? 'green' : d.status === 'pending' ? 'gray' : 'orange'}>{t(`donations.statuses.${d.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {formatMoney(d.paidMinor || d.amountMinor, d.currency, i18n.language)}
                  {d.refundedMinor > 0 && (
                    <Text size="xs" c="orange">
                      −{formatMoney(d.refundedMinor, d.currency, i18n.language)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {d.donorName ?? d.donorEmail ?? <Text c="dimmed">{t('donations.anonymousDonor')}</Text>}
                    {d.donorId && (d.donorName || d.donorEmail || d.message) ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => window.confirm(t('donations.eraseConfirm')) && erase.mutate(d.donorId!)}
                      >
                        {t('donations.erase')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...donations} />
      </QueryState>
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('donations.ledgerTitle')}
      </Title>
      <Select label={t('donations.case')} data={cases.data ?? []} value={ledgerCase} onChange={setLedgerCase} w={260} mb="md" data-testid="ledger-case" />
      {ledgerCase ? <CaseMoneyTab caseId={ledgerCase} /> : <Anchor component="span">{t('donations.pickCase')}</Anchor>}
    </>
  );
}
