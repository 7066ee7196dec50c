import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { campaignSettings } from '@habeas/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useCampaignSettings, useSaveCampaignSettings } from './hooks';
import { amountWords, minorOf, toInput } from './money';
import { FormError } from '../../shared/FormError';

interface Values {
  goals: Array<{ amount: string; currency: string }>;
  descriptor: string;
  currencies: string;
  max: string;
}

const listed = (currencies: string) =>
  currencies
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

const toRequest = (v: Values) => ({
  goals: v.goals
    .filter((goal) => goal.amount.trim())
    .map((goal) => ({ amountMinor: minorOf(goal.amount, goal.currency), currency: goal.currency.trim().toUpperCase() })),
  statementDescriptor: v.descriptor || null,
  currencies: listed(v.currencies),
  maxAmountMinor: minorOf(v.max, v.currencies.split(',')[0]?.trim() || 'EUR'),
});

const fieldOf = { maxAmountMinor: 'max', statementDescriptor: 'descriptor' } as const;

/** Goal, accepted currencies, largest donation and what donors' bank statements show, per case. */
export function CampaignSettingsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const settings = useCampaignSettings(caseId);
  const form = useContractForm<Values, unknown>({
    initialValues: { goals: [], descriptor: '', currencies: 'EUR, USD, GBP', max: '10000' },
    schema: campaignSettings,
    toRequest,
    fieldOf,
  });
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    form.setValues({
      goals: s.goals.map((goal) => ({ amount: toInput(goal.amountMinor, goal.currency), currency: goal.currency })),
      descriptor: s.statementDescriptor ?? '',
      currencies: s.currencies.join(', '),
      max: toInput(s.maxAmountMinor, s.currencies[0] ?? 'EUR'),
    });
  }, [settings.data]);
  const goals = form.values.goals;
  const setGoal = (index: number, change: Partial<{ amount: string; currency: string }>) =>
    form.setFieldValue(
      'goals',
      goals.map((goal, i) => (i === index ? { ...goal, ...change } : goal)),
    );
  const setGoals = (next: Values['goals']) => form.setFieldValue('goals', next);
  const save = useSaveCampaignSettings(caseId);
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit(
    (values) =>
      save.mutate(toRequest(values) as Parameters<typeof save.mutate>[0], {
        onSuccess: () => notifications.show({ color: 'green', message: t('donations.settingsSaved') }),
        onError: (error) => showServerErrors(form, error, fieldOf),
      }),
    // An amount that is not one is told with the currency's own rule (how many decimals it has).
    () => {
      const maxWords = amountWords(form.values.max, form.values.currencies.split(',')[0]?.trim() || 'EUR', t);
      if (maxWords) form.setFieldError('max', maxWords);
      form.values.goals.forEach((goal, index) => {
        const words = amountWords(goal.amount, goal.currency, t);
        if (words) form.setFieldError(`goals.${index}.amountMinor`, words);
      });
    },
  );
  return (
    <form onSubmit={submit} aria-label={t('donations.campaignSettings')} noValidate>
      <FormError message={errors._} mb="sm" />
      <Stack gap="xs" mb="md" data-testid="campaign-goals">
        <Text size="sm" fw={500}>
          {t('goals.goals')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('goals.goalsHelp')}
        </Text>
        {goals.map((goal, index) => (
          <Group key={index} align="flex-end" gap="xs">
            <TextInput
              label={t('goals.amount')}
              value={goal.amount}
              inputMode="decimal"
              w={140}
              onChange={(e) => setGoal(index, { amount: e.currentTarget.value })}
              error={errors[`goals.${index}.amountMinor`]}
            />
            <TextInput
              label={t('goals.currency')}
              value={goal.currency}
              maxLength={3}
              w={80}
              onChange={(e) => setGoal(index, { currency: e.currentTarget.value.toUpperCase() })}
              error={errors[`goals.${index}.currency`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('goals.removeGoal', { currency: goal.currency })}
              onClick={() => setGoals(goals.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {errors.goals && (
          <Text size="xs" c="red">
            {errors.goals}
          </Text>
        )}
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setGoals([...goals, { amount: '', currency: 'EUR' }])}>
            {t('goals.addGoal')}
          </Button>
        </Group>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('donations.currencies')} {...form.getInputProps('currencies')} w={160} />
        <TextInput label={t('donations.maxAmount')} {...form.getInputProps('max')} w={120} />
        <TextInput label={t('donations.descriptor')} description={t('donations.descriptorHint')} {...form.getInputProps('descriptor')} maxLength={22} />
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('donations.save')}
        </Button>
      </Group>
    </form>
  );
}
