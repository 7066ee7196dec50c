import { Anchor, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { expenseCategories } from '@habeas/contracts';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/DataTable';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { formatDate } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { exportCsvUrl, useLedgerLines } from './hooks';
import { formatMoney, useCaseOptions, useCaseTitle } from './money';

/**
 * Every money movement, oldest first, with a running balance per currency: the lines of the CSV export, filtered
 * the same way (the export button takes the filters shown).
 */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const cases = useCaseOptions();
  const caseTitle = useCaseTitle();
  const filterForm = useForm({ mode: 'controlled', initialValues: { caseId: '', category: '', currency: '', from: '', to: '' } });
  const filters = filterForm.values;
  const filter = (key: keyof typeof filters) => filterForm.getInputProps(key);
  const currency = /^[A-Z]{3}$/.test(filters.currency) ? filters.currency : '';
  const query = { ...filters, currency };
  const lines = useLedgerLines(query);
  const money = (minor: number, code: string) => formatMoney(minor, code, i18n.language);
  return (
    <>
      <Anchor component={Link} to="/donations" size="sm">
        ← {t('donations.title')}
      </Anchor>
      <PageHeader title={t('ledger.title')}>
        <Button variant="default" component="a" href={exportCsvUrl(query)} data-testid="ledger-export">
          {t('ledger.export')}
        </Button>
      </PageHeader>
      <Text c="dimmed" size="sm" mb="md">
        {t('ledger.help')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select label={t('ledger.case')} data={cases.data ?? []} {...filter('caseId')} value={filters.caseId || null} clearable searchable w={240} />
        <Select
          label={t('ledger.category')}
          data={expenseCategories.map((value) => ({ value, label: t(`donations.categories.${value}`) }))}
          {...filter('category')}
          value={filters.category || null}
          clearable
          w={220}
        />
        <TextInput
          label={t('ledger.currency')}
          value={filters.currency}
          onChange={(e) => filterForm.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={100}
        />
        <TextInput label={t('ledger.from')} type="date" {...filter('from')} />
        <TextInput label={t('ledger.to')} type="date" {...filter('to')} />
      </Group>
      <QueryState isLoading={lines.isLoading} error={lines.error} isEmpty={lines.items.length === 0} empty={t('ledger.empty')}>
        <HorizontalScroll label={t('ledger.title')} minWidth={900}>
          <DataTable
            striped
            highlightOnHover
            testId="ledger-lines"
            rows={lines.items}
            rowKey={(line) => line.id}
            columns={[
              { key: 'date', header: t('ledger.date'), cell: (line) => formatDate(line.at, i18n.language) },
              { key: 'case', header: t('ledger.case'), cell: (line) => caseTitle(line.caseId, line.caseTitle) },
              {
                key: 'what',
                header: t('ledger.what'),
                cell: (line) => (
                  <>
                    {t(`ledger.kinds.${line.kind}`)}
                    {line.category ? ` · ${t(`donations.categories.${line.category}`)}` : ''}
                    {line.reference && line.kind === 'expense' ? ` · ${line.reference}` : ''}
                    {line.donor ? ` · ${line.donor}` : ''}
                  </>
                ),
              },
              { key: 'gross', header: t('ledger.gross'), align: 'right', cell: (line) => money(line.grossMinor, line.currency) },
              { key: 'fee', header: t('ledger.fee'), align: 'right', cell: (line) => (line.feeMinor ? money(-line.feeMinor, line.currency) : '—') },
              { key: 'net', header: t('ledger.net'), align: 'right', cell: (line) => money(line.netMinor, line.currency) },
              {
                key: 'balance',
                header: t('ledger.balance'),
                align: 'right',
                cellProps: () => ({ fw: 600 }),
                cell: (line) => money(line.balanceMinor, line.currency),
              },
            ]}
          />
        </HorizontalScroll>
        <LoadMore {...lines} />
      </QueryState>
    </>
  );
}
