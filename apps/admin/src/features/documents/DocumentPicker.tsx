import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentSearch } from './hooks';

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
  const documents = useDocumentSearch(props.caseId, query);
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
