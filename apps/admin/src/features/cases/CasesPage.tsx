import { Anchor, Badge, Button, Modal, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';
import { Link, useNavigate } from 'react-router-dom';
import { caseStages, caseTitleIn, defendantStatuses } from '@habeas/contracts';
import { useCurrentUser } from '../../app/session';
import { can } from '@habeas/contracts';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { DataTable } from '../../shared/DataTable';
import { CaseForm } from './CaseForm';
import { useCases } from './hooks';

export function CasesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const [q] = useDebouncedValue(search, 300);
  const cases = useCases({ q, stage, defendantStatus: status });
  return (
    <>
      <PageHeader title={t('cases.title')}>
        <TextInput leftSection={<IconSearch size={16} />} placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          placeholder={t('cases.stage')}
          aria-label={t('cases.stage')}
          clearable
          w={170}
          value={stage}
          onChange={setStage}
          data={caseStages.map((value) => ({ value, label: t(`cases.stages.${value}`) }))}
        />
        <Select
          placeholder={t('cases.defendantStatus')}
          aria-label={t('cases.defendantStatus')}
          clearable
          w={170}
          value={status}
          onChange={setStatus}
          data={defendantStatuses.map((value) => ({ value, label: t(`cases.status.${value}`) }))}
        />
        {can(user, 'cases:create') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t('cases.new')}
          </Button>
        )}
      </PageHeader>
      <QueryState isLoading={cases.isLoading} error={cases.error} isEmpty={cases.items.length === 0} empty={t('cases.empty')}>
        <DataTable
          striped
          highlightOnHover
          minWidth={760}
          label={t('cases.title')}
          rows={cases.items}
          rowKey={(item) => item.id}
          columns={[
            {
              key: 'name',
              header: t('cases.name'),
              cell: (item) => (
                <Anchor component={Link} to={`/cases/${item.slug}`}>
                  {caseTitleIn(item, i18n.language)}
                </Anchor>
              ),
            },
            { key: 'slug', header: t('cases.slug'), cell: (item) => item.slug },
            {
              key: 'defendant',
              header: t('cases.defendant'),
              cell: (item) =>
                item.defendant ? (
                  <>
                    {item.defendant.fullName} <Badge variant="light">{t(`cases.status.${item.defendant.status}`)}</Badge>
                  </>
                ) : (
                  '—'
                ),
            },
            { key: 'stage', header: t('cases.stage'), cell: (item) => t(`cases.stages.${item.stage}`) },
            { key: 'detainedUntil', header: t('cases.detainedUntil'), cell: (item) => (item.detainedUntil ? format.day(item.detainedUntil) : '—') },
            {
              key: 'visibility',
              header: t('cases.visibility'),
              cell: (item) => (item.isPublic ? <Badge color="green">{t('cases.public')}</Badge> : <Badge color="gray">{t('cases.private')}</Badge>),
            },
          ]}
        />
        <LoadMore {...cases} />
      </QueryState>
      <Modal opened={creating} onClose={close} title={t('cases.new')} size="xl">
        <CaseForm onCancel={close} onSaved={(saved) => navigate(`/cases/${saved.slug}`)} />
      </Modal>
    </>
  );
}
