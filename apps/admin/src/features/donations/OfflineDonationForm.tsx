import { Button, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../shared/api';
import { toMinor, useCaseOptions } from './money';

/** Finance enters money received outside Stripe; the donor may stay anonymous and needs no email. */
export function OfflineDonationForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const cases = useCaseOptions();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ caseId: '', amount: '', currency: 'EUR', method: '', receivedOn: '', anonymous: true, name: '', email: '', message: '' });
  const set = (key: keyof typeof form) => (value: string | boolean | null) => setForm((f) => ({ ...f, [key]: value ?? '' }));
  const save = useMutation({
    mutationFn: () =>
      api('/api/donations/offline', {
        method: 'POST',
        body: {
          caseId: form.caseId,
          amountMinor: toMinor(form.amount, form.currency, t),
          currency: form.currency,
          method: form.method,
          receivedOn: form.receivedOn || undefined,
          anonymous: form.anonymous,
          name: form.name || undefined,
          email: form.email || undefined,
          message: form.message || undefined,
        },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('donations.offlineSaved') });
      await queryClient.invalidateQueries({ queryKey: ['donations'] });
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('donations.offlineTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('donations.case')} data={cases.data ?? []} value={form.caseId || null} onChange={set('caseId')} required error={errors.caseId} />
          <Group grow>
            <TextInput
              label={t('donations.amount')}
              value={form.amount}
              onChange={(e) => set('amount')(e.currentTarget.value)}
              required
              error={errors.amountMinor}
              inputMode="decimal"
            />
            <TextInput
              label={t('donations.currency')}
              value={form.currency}
              onChange={(e) => set('currency')(e.currentTarget.value.toUpperCase())}
              maxLength={3}
              required
              error={errors.currency}
            />
          </Group>
          <TextInput
            label={t('donations.method')}
            placeholder={t('donations.methodHint')}
            value={form.method}
            onChange={(e) => set('method')(e.currentTarget.value)}
            required
            error={errors.method}
          />
          <TextInput label={t('donations.receivedOn')} type="date" value={form.receivedOn} onChange={(e) => set('receivedOn')(e.currentTarget.value)} />
          <Checkbox label={t('donations.anonymous')} checked={form.anonymous} onChange={(e) => set('anonymous')(e.currentTarget.checked)} />
          <TextInput label={t('donations.donorName')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <TextInput label={t('donations.donorEmail')} value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} error={errors.email} />
          <Textarea label={t('donations.message')} value={form.message} onChange={(e) => set('message')(e.currentTarget.value)} />
          {save.error && !Object.keys(errors).length ? <div role="alert">{(save.error as Error).message}</div> : null}
          <Button type="submit" loading={save.isPending}>
            {t('donations.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
