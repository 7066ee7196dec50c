import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { DataTable } from '../../shared/DataTable';
import { DocumentDrawer } from './DocumentDrawer';
import { DocumentFilters, noDocumentFilters } from './DocumentFilters';
import { useDocuments } from './hooks';
import { Snippet } from './Snippet';

/** Documents of one case (caseId) or of every visible case: search with snippets, filters, and the detail drawer. */
export function DocumentList(props: { caseId?: string; caseTitles?: Record<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState(noDocumentFilters);
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const { kind, status, caseId, from, to } = filters;
  // `?document=<id>` opens that document's drawer, e.g. after a draft was generated on the actions board.
  const [params, setParams] = useSearchParams();
  const [open, setOpenState] = useState<string | null>(params.get('document'));
  const setOpen = (id: string | null) => {
    setOpenState(id);
    if (!id && params.has('document')) {
      params.delete('document');
      setParams(params, { replace: true });
    }
  };
  // A half-typed date (the native input gives '' until it is whole) or a backwards range is not sent.
  const range = from && to && from > to ? {} : { from: from || undefined, to: to || undefined };
  const documents = useDocuments(props.caseId, { q, kind, status, caseId: props.caseId ? undefined : caseId, ...range });
  const cases = props.caseTitles && Object.entries(props.caseTitles).map(([value, label]) => ({ value, label }));
  return (
    <Stack>
      <DocumentFilters value={filters} onChange={setFilters} cases={cases} />
      {q && (
        <Text size="xs" c="dimmed" data-testid="search-order">
          {t('docSearch.order')}
        </Text>
      )}
      <QueryState
        isLoading={documents.isLoading}
        error={documents.error}
        isEmpty={documents.items.length === 0}
        empty={q ? t('documents.noResults') : t('documents.empty')}
      >
        <DataTable
          highlightOnHover
          testId="document-table"
          minWidth={720}
          label={t('documents.title')}
          rows={documents.items}
          rowKey={(item) => item.id}
          rowProps={() => ({ 'data-testid': 'document-row' })}
          columns={[
            {
              key: 'title',
              header: t('documents.title'),
              cell: (item) => (
                <>
                  <Group gap={4} wrap="nowrap">
                    {item.privileged && <IconLock size={14} aria-label={t('documents.privileged')} />}
                    <Anchor component="button" onClick={() => setOpen(item.id)}>
                      {item.title}
                    </Anchor>
                  </Group>
                  {item.snippet && <Snippet text={item.snippet} />}
                </>
              ),
            },
            props.caseTitles && { key: 'case', header: t('documents.case'), cell: (item) => props.caseTitles?.[item.caseId] ?? '' },
            {
              key: 'kind',
              header: t('documents.kind'),
              cell: (item) => (
                <Badge variant="light" styles={{ label: { overflow: 'visible' } }}>
                  {t(`documents.kinds.${item.kind}`)}
                </Badge>
              ),
            },
            { key: 'status', header: t('documents.status'), cell: (item) => t(`documents.statuses.${item.status}`) },
            { key: 'filedAt', header: t('documents.filedAt'), cell: (item) => (item.filedAt ? format.date(item.filedAt) : '—') },
            {
              key: 'file',
              header: t('documents.file'),
              cell: (item) =>
                item.latest && (
                  <Text size="xs" c="dimmed">
                    {t('documents.versionNumber', { number: item.latest.number })} · {format.size(item.latest.size)}
                  </Text>
                ),
            },
          ]}
        />
        <LoadMore {...documents} />
      </QueryState>
      <DocumentDrawer id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
