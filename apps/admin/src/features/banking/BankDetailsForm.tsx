import { Alert, Button, Code, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BankDetailsRequest } from '@habeas/contracts';
import { bankDetailsRequest } from '@habeas/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../shared/api';
import { QueryState } from '../../shared/QueryState';
import { useBankDetails, useSaveBankDetails } from './hooks';

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

/** The fund's Russian account for this campaign; the same check-digit rules as the server, before sending. */
export function BankDetailsForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const details = useBankDetails(caseId);
  const save = useSaveBankDetails(caseId);
  const [form, setForm] = useState(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  useEffect(() => {
    const d = details.data;
    if (d) setForm({ ...d, inn: d.inn ?? '', kpp: d.kpp ?? '' });
  }, [details.data]);
  const errors = { ...fieldErrors(save.error), ...local };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: BankDetailsRequest = { ...form, inn: form.inn || undefined, kpp: form.kpp || undefined };
    const checked = bankDetailsRequest.safeParse(body);
    const found: Record<string, string> = {};
    for (const issue of checked.error?.issues ?? [])
      found[String(issue.path[0])] ??= t(`banking.errors.${String(issue.path[0])}`, { defaultValue: issue.message });
    setLocal(found);
    if (!checked.success) return;
    save.mutate(body, { onSuccess: () => notifications.show({ color: 'green', message: t('banking.detailsSaved') }) });
  };

  return (
    <QueryState isLoading={details.isLoading} error={details.error}>
      <form onSubmit={submit} aria-label={t('banking.detailsTitle')} noValidate>
        <Text size="sm" c="dimmed" mb="xs">
          {t('banking.detailsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {FIELDS.map((field) => (
            <TextInput
              key={field.key}
              label={t(`banking.fields.${field.key}`)}
              value={form[field.key]}
              inputMode={field.inputMode}
              required={!['inn', 'kpp'].includes(field.key)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setForm((f) => ({ ...f, [field.key]: value }));
              }}
              error={errors[field.key]}
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
