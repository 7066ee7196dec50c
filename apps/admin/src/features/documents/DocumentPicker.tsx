import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary, Page } from '@habeas/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';

/**
 * Picks a document of a case by its title (the search of the documents list), wherever a document is referenced,
 * so nobody has to copy an id. The value is the document's id, or null.
 */
export function DocumentPicker(props: { caseId: string; value: string | null; onChange: (id: string | null) => void; label?: string; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  // Titles of documents once seen, so the chosen one keeps its name whatever the current search shows.
  const titles = useRef(new Map<string, string>());
  const documents = useQuery({
    queryKey: ['documents', 'picker', props.caseId, query],
    queryFn: () => api<Page<DocumentSummary>>(`/api/cases/${encodeURIComponent(props.caseId)}/documents`, { query: { q: query || undefined, limit: 20 } }),
  });
  for (const document of documents.data?.items ?? []) titles.current.set(document.id, document.title);
  const data = (documents.data?.items ?? []).map((document) => ({ value: document.id, label: document.title }));
  if (props.value && !data.some((item) => item.value === props.value)) {
    data.unshift({ value: props.value, label: titles.current.get(props.value) ?? props.value });
  }
  return (
    <Select
      label={props.label ?? t('documentEdit.picker.label')}
      placeholder={t('documentEdit.picker.placeholder')}
      nothingFoundMessage={documents.isFetching ? undefined : t('documentEdit.picker.nothing')}
      searchable
      clearable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={props.value}
      onChange={(value) => props.onChange(value)}
      error={props.error}
      data-testid="document-picker"
    />
  );
}
