import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { documentKinds, documentStatuses } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

export interface DocumentFilterValues {
  search: string;
  kind: string | null;
  status: string | null;
  /** Only on the all-cases page. */
  caseId: string | null;
  /** YYYY-MM-DD, the document date (filed, else uploaded), Moscow days. */
  from: string;
  to: string;
}

export const noDocumentFilters: DocumentFilterValues = { search: '', kind: null, status: null, caseId: null, from: '', to: '' };

/** The search box and the filters of a document list: case (all-cases page), kind, status and a date range. */
export function DocumentFilters(props: {
  value: DocumentFilterValues;
  onChange: (value: DocumentFilterValues) => void;
  cases?: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<DocumentFilterValues>) => props.onChange({ ...props.value, ...patch });
  const { value } = props;
  return (
    <Stack gap="xs" data-testid="document-filters">
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder={t('documents.searchPlaceholder')}
        aria-label={t('docSearch.search')}
        value={value.search}
        onChange={(e) => set({ search: e.currentTarget.value })}
        data-testid="document-search"
      />
      <Group gap="sm" wrap="wrap">
        {props.cases && (
          <Select
            aria-label={t('docSearch.case')}
            placeholder={t('docSearch.anyCase')}
            clearable
            searchable
            data={props.cases}
            value={value.caseId}
            onChange={(caseId) => set({ caseId })}
            w={220}
            data-testid="filter-case"
          />
        )}
        <Select
          aria-label={t('documents.kind')}
          placeholder={t('documents.kind')}
          clearable
          data={documentKinds.map((kind) => ({ value: kind, label: t(`documents.kinds.${kind}`) }))}
          value={value.kind}
          onChange={(kind) => set({ kind })}
          w={170}
          data-testid="filter-kind"
        />
        <Select
          aria-label={t('documents.status')}
          placeholder={t('documents.status')}
          clearable
          data={documentStatuses.map((status) => ({ value: status, label: t(`documents.statuses.${status}`) }))}
          value={value.status}
          onChange={(status) => set({ status })}
          w={150}
        />
        <TextInput
          type="date"
          aria-label={t('docSearch.fromLabel')}
          leftSection={<Text size="sm">{t('docSearch.from')}</Text>}
          leftSectionWidth={48}
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set({ from: e.currentTarget.value })}
          w={192}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          aria-label={t('docSearch.toLabel')}
          leftSection={<Text size="sm">{t('docSearch.to')}</Text>}
          leftSectionWidth={48}
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set({ to: e.currentTarget.value })}
          w={192}
          data-testid="filter-to"
        />
      </Group>
    </Stack>
  );
}
