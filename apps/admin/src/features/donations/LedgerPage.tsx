import { Anchor, Box, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import type { LedgerLine } from '@habeas/contracts';
import { expenseCategories } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { formatMoney, useCaseOptions, useCaseTitle } from './money';

/**
 * Every money movement, oldest first, with a running balance per currency: the lines of the CSV export, filtered
 * the same way (the export button takes the filters shown).
 */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const cases = useCaseOptions();
  const caseTitle = useCaseTitle();
  const [filters, setFilters] = useState({ caseId: '', category: '', currency: '', from: '', to: '' });
  const set = (key: keyof typeof filters) => (value: string | null) => setFilters((f) => ({ ...f, [key]: value ?? '' }));
  const currency = /^[A-Z]{3}$/.test(filters.currency) ? filters.currency : '';
  const query = { ...filters, currency };
  const lines = usePaged<LedgerLine>(['donations', 'ledger-lines'], '/api/donations/ledger', query);
  const money = (minor: number, code: string) => formatMoney(minor, code, i18n.language);
  return (
    <>
      <Anchor component={Link} to="/donations" size="sm">
        ← {t('donations.title')}
      </Anchor>
      <PageHeader title={t('ledger.title')}>
        <Button variant="default" component="a" href={withQuery('/api/donations/export.csv', query)} data-testid="ledger-export">
          {t('ledger.export')}
        </Button>
      </PageHeader>
      <Text c="dimmed" size="sm" mb="md">
        {t('ledger.help')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select label={t('ledger.case')} data={cases.data ?? []} value={filters.caseId || null} onChange={set('caseId')} clearable searchable w={240} />
        <Select
          label={t('ledger.category')}
          data={expenseCategories.map((value) => ({ value, label: t(`donations.categories.${value}`) }))}
          value={filters.category || null}
          onChange={set('category')}
          clearable
          w={220}
        />
        <TextInput
          label={t('ledger.currency')}
          value={filters.currency}
          onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={100}
        />
        <TextInput label={t('ledger.from')} type="date" value={filters.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput label={t('ledger.to')} type="date" value={filters.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </Group>
      <QueryState isLoading={lines.isLoading} error={lines.error} isEmpty={lines.items.length === 0} empty={t('ledger.empty')}>
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('ledger.title')}>
          <Table striped highlightOnHover miw={900} data-testid="ledger-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.date')}</Table.Th>
                <Table.Th>{t('ledger.case')}</Table.Th>
                <Table.Th>{t('ledger.what')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('ledger.gross')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('ledger.fee')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('ledger.net')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('ledger.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.items.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{formatDate(line.at, i18n.language)}</Table.Td>
                  <Table.Td>{caseTitle(line.caseId, line.caseTitle)}</Table.Td>
                  <Table.Td>
                    {t(`ledger.kinds.${line.kind}`)}
                    {line.category ? ` · ${t(`donations.categories.${line.category}`)}` : ''}
                    {line.reference && line.kind === 'expense' ? ` · ${line.reference}` : ''}
                    {line.donor ? ` · ${line.donor}` : ''}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{money(line.grossMinor, line.currency)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{line.feeMinor ? money(-line.feeMinor, line.currency) : '—'}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{money(line.netMinor, line.currency)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }} fw={600}>
                    {money(line.balanceMinor, line.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <LoadMore {...lines} />
      </QueryState>
    </>
  );
}
