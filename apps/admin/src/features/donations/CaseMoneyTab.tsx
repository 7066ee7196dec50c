import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseLedger, ExpenseItem } from '@habeas/contracts';
import { expenseCategories, formatDate } from '@habeas/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { api, fieldErrors } from '../../shared/api';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { BankDetailsForm } from '../banking/BankDetailsForm';
import { CampaignTextsForm } from '../banking/CampaignTextsForm';
import { CampaignSettingsForm } from './CampaignSettingsForm';
import { CaseGoalBars } from './GoalBars';
import { formatMoney, toMinor } from './money';
import { ReceiptPicker } from './ReceiptPicker';

/** A case's money: ledger per currency, expenses with two-person approval, and a form for a new expense. */
export function CaseMoneyTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const ledger = useQuery({ queryKey: ['donations', 'ledger', caseId], queryFn: () => api<CaseLedger>(`/api/cases/${caseId}/ledger`) });
  const expenses = usePaged<ExpenseItem>(['donations', 'expenses', caseId], `/api/cases/${caseId}/expenses`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['donations'] });
  const approve = useMutation({
    mutationFn: (id: string) => api(`/api/expenses/${id}/approve`, { method: 'POST' }),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }),
  });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, i18n.language);
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('goals.title')}
      </Title>
      <CaseGoalBars caseId={caseId} />
      <QueryState isLoading={ledger.isLoading} error={ledger.error} isEmpty={ledger.data?.currencies.length === 0} empty={t('donations.ledgerEmpty')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {ledger.data?.currencies.map((c) => (
            <Card key={c.currency} withBorder data-testid={`ledger-${c.currency}`}>
              <Title order={2} size="h4">
                {c.currency}
              </Title>
              <Row label={t('donations.raised')} value={money(c.raisedMinor, c.currency)} />
              <Row label={t('donations.refunded')} value={money(-c.refundedMinor, c.currency)} />
              {c.disputedMinor > 0 && <Row label={t('donations.disputed')} value={money(-c.disputedMinor, c.currency)} />}
              <Row label={t('donations.fees')} value={money(-c.feesMinor, c.currency)} />
              {c.spentByCategory.map((s) => (
                <Row key={s.category} label={`${t('donations.spent')}: ${t(`donations.categories.${s.category}`)}`} value={money(-s.amountMinor, c.currency)} />
              ))}
              <Row label={t('donations.balance')} value={money(c.balanceMinor, c.currency)} strong />
            </Card>
          ))}
        </SimpleGrid>
      </QueryState>
      <Title order={2} size="h4">
        {t('donations.campaignSettings')}
      </Title>
      <CampaignSettingsForm caseId={caseId} />
      <Title order={2} size="h4">
        {t('banking.textsTitle')}
      </Title>
      <CampaignTextsForm caseId={caseId} />
      <Title order={2} size="h4">
        {t('banking.detailsTitle')}
      </Title>
      <BankDetailsForm caseId={caseId} />
      <Title order={2} size="h4">
        {t('donations.expenses')}
      </Title>
      <NewExpense caseId={caseId} onSaved={refresh} />
      <QueryState isLoading={expenses.isLoading} error={expenses.error} isEmpty={expenses.items.length === 0} empty={t('donations.noExpenses')}>
        <Table striped data-testid="expenses-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('donations.date')}</Table.Th>
              <Table.Th>{t('donations.category')}</Table.Th>
              <Table.Th>{t('donations.payee')}</Table.Th>
              <Table.Th>{t('donations.amount')}</Table.Th>
              <Table.Th>{t('receipts.column')}</Table.Th>
              <Table.Th>{t('donations.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {expenses.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDate(e.spentOn, i18n.language, 'UTC')}</Table.Td>
                <Table.Td>{t(`donations.categories.${e.category}`)}</Table.Td>
                <Table.Td>{e.payee}</Table.Td>
                <Table.Td>{money(e.amountMinor, e.currency)}</Table.Td>
                <Table.Td>
                  {e.receiptTitle ?? (
                    <Text span size="sm" c="dimmed">
                      {t('receipts.noReceipt')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.status === 'paid' ? (
                    <Badge color="green">{t('donations.expensePaid')}</Badge>
                  ) : (
                    <Group gap="xs">
                      <Badge color="yellow">{t('donations.awaitingApproval')}</Badge>
                      {e.submittedBy === user.id ? (
                        // Two people for every expense: the one who submitted it cannot approve it.
                        <Text size="xs" c="dimmed" data-testid="own-expense">
                          {t('expenses.ownNeedsAnother')}
                        </Text>
                      ) : (
                        can(user, 'money:write') && (
                          <Button size="xs" onClick={() => approve.mutate(e.id)} loading={approve.isPending && approve.variables === e.id}>
                            {t('donations.approve')}
                          </Button>
                        )
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...expenses} />
      </QueryState>
    </Stack>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm">{label}</Text>
      <Text size="sm" fw={strong ? 700 : 400}>
        {value}
      </Text>
    </Group>
  );
}

function NewExpense({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    category: 'legal_fees',
    payee: '',
    spentOn: new Date().toISOString().slice(0, 10),
    amount: '',
    currency: 'EUR',
    receiptDocumentId: '',
  });
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const save = useMutation({
    mutationFn: () =>
      api(`/api/cases/${caseId}/expenses`, {
        method: 'POST',
        body: {
          category: form.category,
          payee: form.payee,
          spentOn: form.spentOn,
          amountMinor: toMinor(form.amount, form.currency, t),
          currency: form.currency,
          receiptDocumentId: form.receiptDocumentId || undefined,
        },
      }),
    onSuccess: () => {
      setForm((f) => ({ ...f, payee: '', amount: '', receiptDocumentId: '' }));
      notifications.show({ color: 'green', message: t('donations.expenseSubmitted') });
      onSaved();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('donations.newExpense')}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('donations.category')}
          data={expenseCategories.map((c) => ({ value: c, label: t(`donations.categories.${c}`) }))}
          value={form.category}
          onChange={set('category')}
          w={200}
        />
        <TextInput label={t('donations.payee')} value={form.payee} onChange={(e) => set('payee')(e.currentTarget.value)} required error={errors.payee} />
        <TextInput
          label={t('donations.date')}
          type="date"
          value={form.spentOn}
          onChange={(e) => set('spentOn')(e.currentTarget.value)}
          required
          error={errors.spentOn}
        />
        <TextInput
          label={t('donations.amount')}
          value={form.amount}
          onChange={(e) => set('amount')(e.currentTarget.value)}
          required
          error={errors.amountMinor}
          w={110}
          inputMode="decimal"
        />
        <TextInput
          label={t('donations.currency')}
          value={form.currency}
          onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={80}
        />
      </Group>
      <ReceiptPicker caseId={caseId} value={form.receiptDocumentId || null} onChange={(id) => set('receiptDocumentId')(id)} error={errors.receiptDocumentId} />
      <Button type="submit" loading={save.isPending} mt="sm">
        {t('donations.submitExpense')}
      </Button>
      {save.error && !Object.keys(errors).length ? (
        <Text c="red" role="alert">
          {(save.error as Error).message}
        </Text>
      ) : null}
    </form>
  );
}
