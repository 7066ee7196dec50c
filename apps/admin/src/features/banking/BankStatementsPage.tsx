import { Alert, Badge, Button, FileInput, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BankTransferItem, StatementImportResult } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { formatMoney, useCaseOptions, useCaseTitle } from '../donations/money';
import { ConfirmButton } from './ConfirmButton';
import { useAssignTransfer, useBankStatements, useBankTransfers, useDeleteStatementFile, useImportStatement } from './hooks';

/** A calendar day (YYYY-MM-DD) in the reader's format, the same day everywhere. */
const localDay = (day: string, lang: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { timeZone: 'UTC' });

const TABS = ['unmatched', 'matched', 'expense_matched', 'outgoing', 'not_donation'] as const;

/** Finance imports the account's statements; matched lines are already counted, the rest wait here for a decision. */
export function BankStatementsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string>('unmatched');
  return (
    <>
      <PageHeader title={t('banking.title')} />
      <Stack>
        <ImportStatement />
        <Tabs value={tab} onChange={(value) => setTab(value ?? 'unmatched')}>
          <Tabs.List>
            {TABS.map((status) => (
              <Tabs.Tab key={status} value={status}>
                {t(`banking.status.${status}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <TransfersTable status={tab} />
        <Statements />
      </Stack>
    </>
  );
}

function ImportStatement() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<StatementImportResult | null>(null);
  const importing = useImportStatement();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('banking.importHint')}
      </Text>
      <Group align="flex-end">
        <FileInput label={t('banking.statementFile')} value={file} onChange={setFile} accept=".txt,text/plain" clearable w={320} />
        <Button
          disabled={!file}
          loading={importing.isPending}
          onClick={() =>
            file &&
            importing.mutate(file, {
              onSuccess: (done) => (setResult(done), setFile(null)),
              onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }),
            })
          }
        >
          {t('banking.import')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.unmatched ? 'yellow' : 'green'} data-testid="import-result" withCloseButton onClose={() => setResult(null)}>
          {t('banking.imported', result)}
        </Alert>
      )}
    </Stack>
  );
}

function TransfersTable({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const caseTitle = useCaseTitle();
  const transfers = useBankTransfers(status);
  return (
    <QueryState isLoading={transfers.isLoading} error={transfers.error} isEmpty={transfers.items.length === 0} empty={t(`banking.empty.${status}`)}>
      <DataTable
        testId="bank-transfers-table"
        striped
        minWidth={720}
        rows={transfers.items}
        rowKey={(item) => item.id}
        columns={[
          { key: 'bookedOn', header: t('banking.bookedOn'), cell: (item) => localDay(item.bookedOn, i18n.language) },
          {
            key: 'amount',
            header: t('banking.amount'),
            cell: (item) => formatMoney(item.direction === 'out' ? -item.amountMinor : item.amountMinor, item.currency, i18n.language),
          },
          {
            key: 'counterparty',
            header: t(status === 'outgoing' || status === 'expense_matched' ? 'banking.payee' : 'banking.payer'),
            cell: (item) => (
              <>
                <Text size="sm">{item.counterpartyName ?? t('banking.erased')}</Text>
                <Text size="xs" c="dimmed">
                  {item.counterpartyAccount}
                </Text>
              </>
            ),
          },
          {
            key: 'purpose',
            header: t('banking.purpose'),
            cell: (item) => (
              <>
                <Text size="sm">{item.purpose ?? '—'}</Text>
                {item.matchedBy && (
                  <Badge size="xs" variant="light">
                    {t(`banking.matchedBy.${item.matchedBy}`)}
                  </Badge>
                )}
              </>
            ),
          },
          {
            key: 'case',
            header: status === 'unmatched' ? t('banking.decision') : t('banking.case'),
            cell: (item) => (status === 'unmatched' ? <Decide item={item} /> : item.caseId ? caseTitle(item.caseId, item.caseTitle) : '—'),
          },
        ]}
      />
      <LoadMore {...transfers} />
    </QueryState>
  );
}

function Decide({ item }: { item: BankTransferItem }) {
  const { t, i18n } = useTranslation();
  const cases = useCaseOptions();
  const [caseId, setCaseId] = useState<string | null>(null);
  const assign = useAssignTransfer();
  const done = (key: string) => () => notifications.show({ color: 'green', message: t(key) });
  const failed = (error: Error) => notifications.show({ color: 'red', message: error.message });
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t('banking.assignTo')}
        placeholder={t('banking.assignTo')}
        data={cases.data ?? []}
        value={caseId}
        onChange={setCaseId}
        size="xs"
        w={180}
      />
      <ConfirmButton
        size="xs"
        disabled={!caseId}
        label={t('banking.assign')}
        question={t('banking.assignQuestion', { amount: formatMoney(item.amountMinor, item.currency, i18n.language) })}
        loading={assign.isPending && assign.variables?.id === item.id && Boolean(assign.variables.caseId)}
        onConfirm={() => caseId && assign.mutate({ id: item.id, caseId }, { onSuccess: done('banking.assigned'), onError: failed })}
      />
      <ConfirmButton
        size="xs"
        variant="default"
        label={t('banking.notADonation')}
        question={t('banking.notADonationQuestion')}
        loading={assign.isPending && assign.variables?.id === item.id && !assign.variables.caseId}
        onConfirm={() => assign.mutate({ id: item.id, caseId: null }, { onSuccess: done('banking.setAside'), onError: failed })}
      />
    </Group>
  );
}

function Statements() {
  const { t, i18n } = useTranslation();
  const statements = useBankStatements();
  const remove = useDeleteStatementFile();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('banking.statements')}
      </Title>
      <QueryState isLoading={statements.isLoading} error={statements.error} isEmpty={statements.items.length === 0} empty={t('banking.noStatements')}>
        <DataTable
          testId="bank-statements-table"
          rows={statements.items}
          rowKey={(statement) => statement.id}
          columns={[
            { key: 'importedAt', header: t('banking.importedAt'), cell: (statement) => new Date(statement.importedAt).toLocaleString(i18n.language) },
            {
              key: 'period',
              header: t('banking.period'),
              cell: (statement) =>
                [statement.periodFrom, statement.periodTo]
                  .filter((day): day is string => Boolean(day))
                  .map((day) => localDay(day, i18n.language))
                  .join(' — '),
            },
            { key: 'lines', header: t('banking.lines'), cell: (statement) => statement.lineCount },
            {
              key: 'file',
              header: t('banking.file'),
              cell: (statement) =>
                statement.fileDeleted ? (
                  <Badge color="gray">{t('banking.fileDeleted')}</Badge>
                ) : (
                  <Group gap="xs">
                    <Text size="sm">{statement.fileName}</Text>
                    <ConfirmButton
                      size="xs"
                      color="red"
                      variant="light"
                      label={t('banking.deleteFile')}
                      question={t('banking.deleteFileQuestion')}
                      loading={remove.isPending && remove.variables === statement.id}
                      onConfirm={() =>
                        remove.mutate(statement.id, { onSuccess: () => notifications.show({ color: 'green', message: t('banking.fileDeletedDone') }) })
                      }
                    />
                  </Group>
                ),
            },
          ]}
        />
        <LoadMore {...statements} />
      </QueryState>
    </Stack>
  );
}
