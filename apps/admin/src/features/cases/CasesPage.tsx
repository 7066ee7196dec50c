import { Anchor, Badge, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '@habeas/contracts';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';

export function CasesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const cases = usePaged<CaseSummary>(['cases'], '/api/cases', { q });
  return (
    <>
      <PageHeader title={t('cases.title')}>
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      </PageHeader>
      <QueryState isLoading={cases.isLoading} error={cases.error} isEmpty={cases.items.length === 0} empty={t('cases.empty')}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.name')}</Table.Th>
              <Table.Th>{t('cases.slug')}</Table.Th>
              <Table.Th>{t('cases.visibility')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${item.slug}`}>
                    {item.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.slug}</Table.Td>
                <Table.Td>{item.isPublic ? <Badge color="green">{t('cases.public')}</Badge> : <Badge color="gray">{t('cases.private')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...cases} />
      </QueryState>
    </>
  );
}
