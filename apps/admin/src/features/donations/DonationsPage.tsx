import { Anchor, Badge, Button, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { donationKinds, donationStatuses } from '@habeas/contracts';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/DataTable';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { CaseMoneyTab } from './CaseMoneyTab';
import { DonationCharts } from './DonationCharts';
import { FundSettingsCard } from './FundSettingsCard';
import { exportCsvUrl, useDonations, useDonationSummary } from './hooks';
import { MoneyAttentionPanel } from './MoneyAttentionPanel';
import { EraseDonorButton } from './EraseDonorButton';
import { formatMoney, useCaseOptions, useCaseTitle } from './money';
import { OfflineDonationForm } from './OfflineDonationForm';

/** The treasurer's screen: totals and charts, every donation with filters, the export, reconciliation, and each case's ledger. */
export function DonationsPage() {
  const { t, i18n } = useTranslation();
  const cases = useCaseOptions();
  const [offline, setOffline] = useState(false);
  const [ledgerCase, setLedgerCase] = useState<string | null>(null);
  const filterForm = useForm({ mode: 'controlled', initialValues: { caseId: '', status: '', kind: '', currency: '', from: '', to: '' } });
  const filters = filterForm.values;
  const filter = (key: keyof typeof filters) => filterForm.getInputProps(key);
  const summary = useDonationSummary();
  const donations = useDonations(filters);
  const caseTitle = useCaseTitle();
  return (
    <>
      <PageHeader title={t('donations.title')}>
        <Button variant="default" component="a" href={exportCsvUrl({ from: filters.from, to: filters.to, caseId: filters.caseId })} data-testid="export-csv">
          {t('donations.export')}
        </Button>
        <Button variant="default" component={Link} to="/donations/ledger" data-testid="ledger-link">
          {t('ledger.open')}
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
        <Select label={t('donations.case')} data={cases.data ?? []} {...filter('caseId')} value={filters.caseId || null} clearable w={200} />
        <Select
          label={t('donations.status')}
          data={donationStatuses.map((v) => ({ value: v, label: t(`donations.statuses.${v}`) }))}
          {...filter('status')}
          value={filters.status || null}
          clearable
          w={170}
        />
        <Select
          label={t('donations.kind')}
          data={donationKinds.map((v) => ({ value: v, label: t(`donations.kinds.${v}`) }))}
          {...filter('kind')}
          value={filters.kind || null}
          clearable
          w={150}
        />
        <TextInput
          label={t('donations.currency')}
          value={filters.currency}
          onChange={(e) => filterForm.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={90}
        />
        <TextInput label={t('donations.from')} type="date" {...filter('from')} />
        <TextInput label={t('donations.to')} type="date" {...filter('to')} />
      </Group>
      <QueryState isLoading={donations.isLoading} error={donations.error} isEmpty={donations.items.length === 0} empty={t('donations.empty')}>
        <DataTable
          striped
          highlightOnHover
          testId="donations-table"
          rows={donations.items}
          rowKey={(d) => d.id}
          columns={[
            { key: 'date', header: t('donations.date'), cell: (d) => new Date(d.paidAt ?? d.createdAt).toLocaleDateString(i18n.language) },
            { key: 'case', header: t('donations.case'), cell: (d) => caseTitle(d.caseId) },
            {
              key: 'kind',
              header: t('donations.kind'),
              cell: (d) => (
                <>
                  {t(`donations.kinds.${d.kind}`)}
                  {d.subscriptionStatus === 'canceled' ? ` (${t('donations.canceled')})` : ''}
                  {d.subscriptionStatus === 'past_due' ? ` (${t('money.atRisk.badge')})` : ''}
                  {d.method && d.kind === 'offline' ? ` · ${d.method}` : ''}
                </>
              ),
            },
            {
              key: 'status',
              header: t('donations.status'),
              cell: (d) => (
                <Badge color={d.status === 'paid' ? 'green' : d.status === 'pending' ? 'gray' : 'orange'}>{t(`donations.statuses.${d.status}`)}</Badge>
              ),
            },
            {
              key: 'amount',
              header: t('donations.amount'),
              cell: (d) => (
                <>
                  {formatMoney(d.paidMinor || d.amountMinor, d.currency, i18n.language)}
                  {d.refundedMinor > 0 && (
                    <Text size="xs" c="orange">
                      −{formatMoney(d.refundedMinor, d.currency, i18n.language)}
                    </Text>
                  )}
                </>
              ),
            },
            {
              key: 'donor',
              header: t('donations.donor'),
              cell: (d) => (
                <Group gap="xs" wrap="nowrap">
                  {d.donorName ?? d.donorEmail ?? <Text c="dimmed">{t('donations.anonymousDonor')}</Text>}
                  {d.donorId && (d.donorName || d.donorEmail || d.message) ? (
                    <EraseDonorButton donorId={d.donorId} donorLabel={d.donorName ?? d.donorEmail ?? t('donations.anonymousDonor')} />
                  ) : null}
                </Group>
              ),
            },
          ]}
        />
        <LoadMore {...donations} />
      </QueryState>
      <Title order={2} size="h3" mt="xl" mb="sm">
        {t('donations.ledgerTitle')}
      </Title>
      <Select label={t('donations.case')} data={cases.data ?? []} value={ledgerCase} onChange={setLedgerCase} w={260} mb="md" data-testid="ledger-case" />
      {ledgerCase ? <CaseMoneyTab caseId={ledgerCase} /> : <Anchor component="span">{t('donations.pickCase')}</Anchor>}
      <FundSettingsCard />
    </>
  );
}
