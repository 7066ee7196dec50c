import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createExpenseRequest, expenseCategories, formatDate } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { can } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { DataTable } from '../../shared/DataTable';
import { showServerErrors, useContractForm } from '../../shared/form';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { BankDetailsForm } from '../banking/BankDetailsForm';
import { CampaignTextsForm } from '../banking/CampaignTextsForm';
import { CampaignSettingsForm } from './CampaignSettingsForm';
import { CaseGoalBars } from './GoalBars';
import { useApproveExpense, useCaseLedger, useExpenses, useSubmitExpense } from './hooks';
import { amountWords, formatMoney, minorOf } from './money';
import { ReceiptPicker } from './ReceiptPicker';

/** A case's money: ledger per currency, expenses with two-person approval, and a form for a new expense. */
export function CaseMoneyTab({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const ledger = useCaseLedger(caseId);
  const expenses = useExpenses(caseId);
  const approveExpense = useApproveExpense();
  const approve = {
    isPending: approveExpense.isPending,
    variables: approveExpense.variables,
    mutate: (id: string) => approveExpense.mutate(id, { onError: (error) => notifications.show({ color: 'red', message: error.message }) }),
  };
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
      <NewExpense caseId={caseId} />
      <QueryState isLoading={expenses.isLoading} error={expenses.error} isEmpty={expenses.items.length === 0} empty={t('donations.noExpenses')}>
        <DataTable
          striped
          testId="expenses-table"
          rows={expenses.items}
          rowKey={(e) => e.id}
          columns={[
            { key: 'date', header: t('donations.date'), cell: (e) => formatDate(e.spentOn, i18n.language, 'UTC') },
            { key: 'category', header: t('donations.category'), cell: (e) => t(`donations.categories.${e.category}`) },
            { key: 'payee', header: t('donations.payee'), cell: (e) => e.payee },
            { key: 'amount', header: t('donations.amount'), cell: (e) => money(e.amountMinor, e.currency) },
            {
              key: 'receipt',
              header: t('receipts.column'),
              cell: (e) =>
                e.receiptTitle ?? (
                  <Text span size="sm" c="dimmed">
                    {t('receipts.noReceipt')}
                  </Text>
                ),
            },
            {
              key: 'status',
              header: t('donations.status'),
              cell: (e) =>
                e.status === 'paid' ? (
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
                ),
            },
          ]}
        />
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

interface ExpenseValues {
  category: string;
  payee: string;
  spentOn: string;
  amount: string;
  currency: string;
  receiptDocumentId: string;
}

const toExpense = (v: ExpenseValues) => ({
  category: v.category,
  payee: v.payee,
  spentOn: v.spentOn,
  amountMinor: minorOf(v.amount, v.currency),
  currency: v.currency,
  receiptDocumentId: v.receiptDocumentId || undefined,
});

const expenseFieldOf = { amountMinor: 'amount' } as const;

function NewExpense({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const form = useContractForm<ExpenseValues, unknown>({
    initialValues: { category: 'legal_fees', payee: '', spentOn: new Date().toISOString().slice(0, 10), amount: '', currency: 'EUR', receiptDocumentId: '' },
    schema: createExpenseRequest,
    toRequest: toExpense,
    fieldOf: expenseFieldOf,
  });
  const save = useSubmitExpense(caseId);
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit(
    (values) =>
      save.mutate(toExpense(values), {
        onSuccess: () => {
          form.setValues({ payee: '', amount: '', receiptDocumentId: '' });
          notifications.show({ color: 'green', message: t('donations.expenseSubmitted') });
        },
        onError: (error) => showServerErrors(form, error, expenseFieldOf),
      }),
    // An amount that is not one is told with the currency's own rule (how many decimals it has).
    () => {
      const words = amountWords(form.values.amount, form.values.currency, t);
      if (words) form.setFieldError('amount', words);
    },
  );
  return (
    <form onSubmit={submit} aria-label={t('donations.newExpense')} noValidate>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('donations.category')}
          data={expenseCategories.map((c) => ({ value: c, label: t(`donations.categories.${c}`) }))}
          {...form.getInputProps('category')}
          w={200}
        />
        <TextInput label={t('donations.payee')} {...form.getInputProps('payee')} required />
        <TextInput label={t('donations.date')} type="date" {...form.getInputProps('spentOn')} required />
        <TextInput label={t('donations.amount')} {...form.getInputProps('amount')} required w={110} inputMode="decimal" />
        <TextInput
          label={t('donations.currency')}
          {...form.getInputProps('currency')}
          onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={80}
        />
      </Group>
      <ReceiptPicker
        caseId={caseId}
        value={form.values.receiptDocumentId || null}
        onChange={(id) => form.setFieldValue('receiptDocumentId', id ?? '')}
        error={errors.receiptDocumentId}
      />
      <Button type="submit" loading={save.isPending} mt="sm">
        {t('donations.submitExpense')}
      </Button>
      {errors._ ? (
        <Text c="red" role="alert">
          {errors._}
        </Text>
      ) : null}
    </form>
  );
}
