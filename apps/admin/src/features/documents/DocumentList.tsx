import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import type { DocumentSummary } from '@habeas/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { DocumentDrawer } from './DocumentDrawer';
import { DocumentFilters, noDocumentFilters } from './DocumentFilters';
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
  const path = props.caseId ? `/api/cases/${encodeURIComponent(props.caseId)}/documents` : '/api/documents';
  // A half-typed date (the native input gives '' until it is whole) or a backwards range is not sent.
  const range = from && to && from > to ? {} : { from: from || undefined, to: to || undefined };
  const documents = usePaged<DocumentSummary>(['documents', 'list', path], path, { q, kind, status, caseId: props.caseId ? undefined : caseId, ...range });
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
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover data-testid="document-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.title')}</Table.Th>
                {props.caseTitles && <Table.Th>{t('documents.case')}</Table.Th>}
                <Table.Th>{t('documents.kind')}</Table.Th>
                <Table.Th>{t('documents.status')}</Table.Th>
                <Table.Th>{t('documents.filedAt')}</Table.Th>
                <Table.Th>{t('documents.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.items.map((item) => (
                <Table.Tr key={item.id} data-testid="document-row">
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {item.privileged && <IconLock size={14} aria-label={t('documents.privileged')} />}
                      <Anchor component="button" onClick={() => setOpen(item.id)}>
                        {item.title}
                      </Anchor>
                    </Group>
                    {item.snippet && <Snippet text={item.snippet} />}
                  </Table.Td>
                  {props.caseTitles && <Table.Td>{props.caseTitles[item.caseId] ?? ''}</Table.Td>}
                  <Table.Td>
                    <Badge variant="light" styles={{ label: { overflow: 'visible' } }}>
                      {t(`documents.kinds.${item.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`documents.statuses.${item.status}`)}</Table.Td>
                  <Table.Td>{item.filedAt ? format.date(item.filedAt) : '—'}</Table.Td>
                  <Table.Td>
                    {item.latest && (
                      <Text size="xs" c="dimmed">
                        {t('documents.versionNumber', { number: item.latest.number })} · {format.size(item.latest.size)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore {...documents} />
      </QueryState>
      <DocumentDrawer id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
