import { Button, FileButton, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrors } from '../../shared/form';
import { useReceipts, useUploadReceipt } from './hooks';

/**
 * Chooses an expense's receipt among the case's receipts by name, or uploads one, which is filed among the case's
 * documents and chosen at once. The value is the receipt document's id, or null.
 */
export function ReceiptPicker(props: { caseId: string; value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const receipts = useReceipts(props.caseId, query);
  // Names once seen, so the chosen receipt keeps its name whatever the current search lists.
  const titles = useRef(new Map<string, string>());
  for (const receipt of receipts.data?.items ?? []) titles.current.set(receipt.id, receipt.title);
  const upload = useUploadReceipt(props.caseId, (receipt) => {
    titles.current.set(receipt.id, receipt.title);
    props.onChange(receipt.id);
    setSearch(receipt.title);
    notifications.show({ color: 'green', message: t('receipts.uploaded', { title: receipt.title }) });
  });
  const data = (receipts.data?.items ?? []).map((receipt) => ({ value: receipt.id, label: receipt.title }));
  if (props.value && !data.some((item) => item.value === props.value)) data.unshift({ value: props.value, label: titles.current.get(props.value) ?? '…' });
  const noneYet = !query && receipts.data?.items.length === 0;
  const uploadError = upload.error ? (serverErrors(upload.error).fields.file ?? upload.error.message) : undefined;
  return (
    <Stack gap={4} mt="sm" w={{ base: '100%', sm: 560 }}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('receipts.label')}
          placeholder={t('receipts.placeholder')}
          nothingFoundMessage={receipts.isFetching ? undefined : noneYet ? t('receipts.none') : t('receipts.nothing')}
          searchable
          clearable
          filter={({ options }) => options}
          searchValue={search}
          onSearchChange={setSearch}
          data={data}
          value={props.value}
          onChange={props.onChange}
          error={props.error ?? uploadError}
          // On a phone the upload button goes below the field rather than squeezing it.
          style={{ flex: '1 1 260px' }}
          data-testid="receipt-picker"
        />
        <FileButton onChange={(file) => file && upload.mutate(file)} accept=".pdf,.jpg,.jpeg,.png,.heic,.txt,.docx,.odt,.rtf">
          {(button) => (
            <Button {...button} variant="default" leftSection={<IconUpload size={16} />} loading={upload.isPending} mb={props.error || uploadError ? 22 : 0}>
              {t('receipts.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('receipts.hint')}
      </Text>
    </Stack>
  );
}
