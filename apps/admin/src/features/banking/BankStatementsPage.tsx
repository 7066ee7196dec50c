import { Alert, Badge, Button, FileInput, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BankTransferItem, StatementImportResult } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      <Table striped data-testid="bank-transfers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('banking.bookedOn')}</Table.Th>
            <Table.Th>{t('banking.amount')}</Table.Th>
            <Table.Th>{t(status === 'outgoing' || status === 'expense_matched' ? 'banking.payee' : 'banking.payer')}</Table.Th>
            <Table.Th>{t('banking.purpose')}</Table.Th>
            <Table.Th>{status === 'unmatched' ? t('banking.decision') : t('banking.case')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transfers.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{localDay(item.bookedOn, i18n.language)}</Table.Td>
              <Table.Td>{formatMoney(item.direction === 'out' ? -item.amountMinor : item.amountMinor, item.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <Text size="sm">{item.counterpartyName ?? t('banking.erased')}</Text>
                <Text size="xs" c="dimmed">
                  {item.counterpartyAccount}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.purpose ?? '—'}</Text>
                {item.matchedBy && (
                  <Badge size="xs" variant="light">
                    {t(`banking.matchedBy.${item.matchedBy}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{status === 'unmatched' ? <Decide item={item} /> : item.caseId ? caseTitle(item.caseId, item.caseTitle) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
        <Table data-testid="bank-statements-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('banking.importedAt')}</Table.Th>
              <Table.Th>{t('banking.period')}</Table.Th>
              <Table.Th>{t('banking.lines')}</Table.Th>
              <Table.Th>{t('banking.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{new Date(s.importedAt).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>
                  {[s.periodFrom, s.periodTo]
                    .filter((day): day is string => Boolean(day))
                    .map((day) => localDay(day, i18n.language))
                    .join(' — ')}
                </Table.Td>
                <Table.Td>{s.lineCount}</Table.Td>
                <Table.Td>
                  {s.fileDeleted ? (
                    <Badge color="gray">{t('banking.fileDeleted')}</Badge>
                  ) : (
                    <Group gap="xs">
                      <Text size="sm">{s.fileName}</Text>
                      <ConfirmButton
                        size="xs"
                        color="red"
                        variant="light"
                        label={t('banking.deleteFile')}
                        question={t('banking.deleteFileQuestion')}
                        loading={remove.isPending && remove.variables === s.id}
                        onConfirm={() =>
                          remove.mutate(s.id, { onSuccess: () => notifications.show({ color: 'green', message: t('banking.fileDeletedDone') }) })
                        }
                      />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...statements} />
      </QueryState>
    </Stack>
  );
}
