import { Button, Group, TextInput } from '@mantine/core';
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
  const [form, setForm] = useState({ goal: '', goalCurrency: 'EUR', descriptor: '', currencies: 'EUR, USD, GBP', max: '10000' });
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setForm({
      goal: s.goal ? toInput(s.goal.amountMinor, s.goal.currency) : '',
      goalCurrency: s.goal?.currency ?? 'EUR',
      descriptor: s.statementDescriptor ?? '',
      currencies: s.currencies.join(', '),
      max: toInput(s.maxAmountMinor, s.currencies[0] ?? 'EUR'),
    });
  }, [settings.data]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api(`/api/cases/${caseId}/campaign`, {
        method: 'PUT',
        body: {
          goal: form.goal ? { amountMinor: toMinor(form.goal, form.goalCurrency, t), currency: form.goalCurrency } : null,
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
      await queryClient.invalidateQueries({ queryKey: ['donations', 'campaign', caseId] });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('donations.campaignSettings')}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('donations.goal')}
          value={form.goal}
          onChange={(e) => set('goal')(e.currentTarget.value)}
          w={120}
          inputMode="decimal"
          error={errors['goal.amountMinor']}
        />
        <TextInput
          label={t('donations.currency')}
          value={form.goalCurrency}
          onChange={(e) => set('goalCurrency')(e.currentTarget.value.toUpperCase())}
          maxLength={3}
          w={80}
        />
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
