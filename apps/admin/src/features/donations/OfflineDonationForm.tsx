import { Button, Checkbox, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { offlineDonationRequest, type OfflineDonationRequest } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { useRecordOfflineDonation } from './hooks';
import { amountWords, minorOf, useCaseOptions } from './money';
import { FormError } from '../../shared/FormError';

interface Values {
  caseId: string;
  amount: string;
  currency: string;
  method: string;
  receivedOn: string;
  anonymous: boolean;
  name: string;
  email: string;
  message: string;
}

const initialValues: Values = { caseId: '', amount: '', currency: 'EUR', method: '', receivedOn: '', anonymous: true, name: '', email: '', message: '' };

const toRequest = (v: Values) => ({
  caseId: v.caseId || undefined,
  amountMinor: minorOf(v.amount, v.currency),
  currency: v.currency,
  method: v.method,
  receivedOn: v.receivedOn || undefined,
  anonymous: v.anonymous,
  name: v.name || undefined,
  email: v.email || undefined,
  message: v.message || undefined,
});

const fieldOf = { amountMinor: 'amount' } as const;

/** Finance enters money received outside Stripe; the donor may stay anonymous and needs no email. */
export function OfflineDonationForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const cases = useCaseOptions();
  const form = useContractForm<Values, Partial<OfflineDonationRequest>>({ initialValues, schema: offlineDonationRequest, toRequest, fieldOf });
  const save = useRecordOfflineDonation();
  const errors = form.errors as Record<string, string | undefined>;
  const submit = form.onSubmit(
    (values) =>
      save.mutate(toRequest(values), {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('donations.offlineSaved') });
          onClose();
        },
        onError: (error) => showServerErrors(form, error, fieldOf),
      }),
    // An amount that is not one is told with the currency's own rule (how many decimals it has).
    () => {
      const words = amountWords(form.values.amount, form.values.currency, t);
      if (words) form.setFieldError('amount', words);
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('donations.offlineTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select label={t('donations.case')} data={cases.data ?? []} {...form.getInputProps('caseId')} value={form.values.caseId || null} required />
          <Group grow align="flex-start">
            <TextInput label={t('donations.amount')} {...form.getInputProps('amount')} required inputMode="decimal" />
            <TextInput
              label={t('donations.currency')}
              {...form.getInputProps('currency')}
              onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())}
              maxLength={3}
              required
            />
          </Group>
          <TextInput label={t('donations.method')} placeholder={t('donations.methodHint')} {...form.getInputProps('method')} required />
          <TextInput label={t('donations.receivedOn')} type="date" {...form.getInputProps('receivedOn')} />
          <Checkbox label={t('donations.anonymous')} {...form.getInputProps('anonymous', { type: 'checkbox' })} />
          <TextInput label={t('donations.donorName')} {...form.getInputProps('name')} />
          <TextInput label={t('donations.donorEmail')} {...form.getInputProps('email')} />
          <Textarea label={t('donations.message')} {...form.getInputProps('message')} />
          <FormError message={errors._} role="alert" />
          <Button type="submit" loading={save.isPending}>
            {t('donations.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
