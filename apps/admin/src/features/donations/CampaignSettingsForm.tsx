import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignSettings } from '@habeas/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../shared/api';
import { toInput, toMinor } from './money';

/** Goal, accepted currencies, largest donation and what donors' bank statements show, per case. */
export function CampaignSettingsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['donations', 'campaign', caseId], queryFn: () => api<CampaignSettings>(`/api/cases/${caseId}/campaign`) });
  const [form, setForm] = useState({ descriptor: '', currencies: 'EUR, USD, GBP', max: '10000' });
  const [goals, setGoals] = useState<Array<{ amount: string; currency: string }>>([]);
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setGoals(s.goals.map((goal) => ({ amount: toInput(goal.amountMinor, goal.currency), currency: goal.currency })));
    setForm({
      descriptor: s.statementDescriptor ?? '',
      currencies: s.currencies.join(', '),
      max: toInput(s.maxAmountMinor, s.currencies[0] ?? 'EUR'),
    });
  }, [settings.data]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const setGoal = (index: number, change: Partial<{ amount: string; currency: string }>) =>
    setGoals((all) => all.map((goal, i) => (i === index ? { ...goal, ...change } : goal)));
  const save = useMutation({
    mutationFn: () =>
      api(`/api/cases/${caseId}/campaign`, {
        method: 'PUT',
        body: {
          goals: goals
            .filter((goal) => goal.amount.trim())
            .map((goal) => ({ amountMinor: toMinor(goal.amount, goal.currency, t), currency: goal.currency.trim().toUpperCase() })),
          statementDescriptor: form.descriptor || null,
          currencies: form.currencies
            .split(',')
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
          maxAmountMinor: toMinor(form.max, form.currencies.split(',')[0]?.trim() || 'EUR', t),
        },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('donations.settingsSaved') });
      await queryClient.invalidateQueries({ queryKey: ['donations'] });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('donations.campaignSettings')}>
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
              onClick={() => setGoals((all) => all.filter((_, i) => i !== index))}
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
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setGoals((all) => [...all, { amount: '', currency: 'EUR' }])}>
            {t('goals.addGoal')}
          </Button>
        </Group>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('donations.currencies')}
          value={form.currencies}
          onChange={(e) => set('currencies')(e.currentTarget.value)}
          w={160}
          error={errors.currencies}
        />
        <TextInput
          label={t('donations.maxAmount')}
          value={form.max}
          onChange={(e) => set('max')(e.currentTarget.value)}
          w={120}
          error={errors.maxAmountMinor}
        />
        <TextInput
          label={t('donations.descriptor')}
          description={t('donations.descriptorHint')}
          value={form.descriptor}
          onChange={(e) => set('descriptor')(e.currentTarget.value)}
          maxLength={22}
          error={errors.statementDescriptor}
        />
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('donations.save')}
        </Button>
      </Group>
    </form>
  );
}
