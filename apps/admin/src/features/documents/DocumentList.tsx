import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock, IconSearch } from '@tabler/icons-react';
import { documentKinds, documentStatuses } from '@habeas/contracts';
import type { DocumentSummary } from '@habeas/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../shared/LoadMore';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { DocumentDrawer } from './DocumentDrawer';
import { Snippet } from './Snippet';
import { formatSize } from './upload';

/** Documents of one case (caseId) or of every visible case: search, kind/status filters, and the detail drawer. */
export function DocumentList(props: { caseId?: string; caseTitles?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
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
  const documents = usePaged<DocumentSummary>(['documents', 'list', path], path, { q, kind, status });
  return (
    <Stack>
      <Group>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('documents.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="document-search"
          style={{ flex: 1 }}
        />
        <Select
          placeholder={t('documents.kind')}
          clearable
          data={documentKinds.map((value) => ({ value, label: t(`documents.kinds.${value}`) }))}
          value={kind}
          onChange={setKind}
          w={180}
        />
        <Select
          placeholder={t('documents.status')}
          clearable
          data={documentStatuses.map((value) => ({ value, label: t(`documents.statuses.${value}`) }))}
          value={status}
          onChange={setStatus}
          w={160}
        />
      </Group>
      <QueryState
        isLoading={documents.isLoading}
        error={documents.error}
        isEmpty={documents.items.length === 0}
        empty={q ? t('documents.noResults') : t('documents.empty')}
      >
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
                  <Badge variant="light">{t(`documents.kinds.${item.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{t(`documents.statuses.${item.status}`)}</Table.Td>
                <Table.Td>{item.filedAt ? new Date(item.filedAt).toLocaleDateString(i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {item.latest && (
                    <Text size="xs" c="dimmed">
                      v{item.latest.number} · {formatSize(item.latest.size)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...documents} />
      </QueryState>
      <DocumentDrawer id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
