import { Alert, Button, Code, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BankDetailsRequest } from '@habeas/contracts';
import { bankDetailsRequest } from '@habeas/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors, useContractForm } from '../../shared/form';
import { QueryState } from '../../shared/QueryState';
import { useBankDetails, useSaveBankDetails } from './hooks';
import { FormError } from '../../shared/FormError';

const EMPTY = { recipientName: '', account: '', bankName: '', bic: '', correspondentAccount: '', inn: '', kpp: '' };
type Field = keyof typeof EMPTY;
const FIELDS: Array<{ key: Field; width: number; inputMode?: 'numeric' }> = [
  { key: 'recipientName', width: 2 },
  { key: 'bankName', width: 2 },
  { key: 'account', width: 1, inputMode: 'numeric' },
  { key: 'bic', width: 1, inputMode: 'numeric' },
  { key: 'correspondentAccount', width: 1, inputMode: 'numeric' },
  { key: 'inn', width: 1, inputMode: 'numeric' },
  { key: 'kpp', width: 1 },
];

const toRequest = (values: typeof EMPTY): BankDetailsRequest => ({ ...values, inn: values.inn || undefined, kpp: values.kpp || undefined });

/** The fund's Russian account for this campaign; the same check-digit rules as the server, before sending. */
export function BankDetailsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const details = useBankDetails(caseId);
  const save = useSaveBankDetails(caseId);
  const form = useContractForm({ initialValues: EMPTY, schema: bankDetailsRequest, toRequest });
  // The saved details fill the form whenever they (re)load.
  useEffect(() => {
    const d = details.data;
    if (d) form.setValues({ ...d, inn: d.inn ?? '', kpp: d.kpp ?? '' });
  }, [details.data]);
  const errors = form.errors as Record<string, string | undefined>;
  /** A field's error says what the rule is for that field (9 digits, the check key), whatever broke it. */
  const errorOf = (key: Field) => (errors[key] ? t(`banking.errors.${key}`, { defaultValue: errors[key] }) : undefined);
  const submit = form.onSubmit((values) =>
    save.mutate(toRequest(values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('banking.detailsSaved') }),
      onError: (error) => showServerErrors(form, error),
    }),
  );

  return (
    <QueryState isLoading={details.isLoading} error={details.error}>
      <form onSubmit={submit} aria-label={t('banking.detailsTitle')} noValidate>
        <Text size="sm" c="dimmed" mb="xs">
          {t('banking.detailsHint')}
        </Text>
        <FormError message={errors._} mb="xs" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {FIELDS.map((field) => (
            <TextInput
              key={field.key}
              label={t(`banking.fields.${field.key}`)}
              inputMode={field.inputMode}
              required={!['inn', 'kpp'].includes(field.key)}
              {...form.getInputProps(field.key)}
              error={errorOf(field.key)}
              style={{ gridColumn: field.width === 2 ? 'span 2' : undefined }}
            />
          ))}
        </SimpleGrid>
        <Group mt="sm" justify="space-between">
          {details.data ? (
            <Alert color="gray" p="xs" data-testid="campaign-code">
              {t('banking.codeLabel')} {/* An identifier, the same in every language. */}
              <Code translate="no">{details.data.code}</Code>
            </Alert>
          ) : (
            <span />
          )}
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('banking.saveDetails')}
          </Button>
        </Group>
      </form>
    </QueryState>
  );
}
