import { Anchor, Button, SimpleGrid, Stack, Text, TextInput, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, type AuditEntry } from '@habeas/contracts';
import { DataTable } from '../../shared/DataTable';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { AuditChainCard } from '../evidence/AuditChainCard';
import { useUserPicker } from '../users/hooks';
import { AuditChanges } from './AuditChanges';
import { useAuditActions, useAuditEntries, type AuditQuery } from './hooks';

const entityTypes = ['case', 'document', 'medical_incident', 'medical_alert', 'contact_event', 'donation', 'user', 'session', 'expense', 'donor'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Local `yyyy-mm-dd` from a date input as the start (or the end) of that day, in ISO. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** Who read or changed what, when: names instead of ids, before → after, one line per list shown. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [actorId, setActorId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityIdInput, setEntityId] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entityId] = useDebouncedValue(entityIdInput.trim(), 300);
  const users = useUserPicker('for-audit');
  const userNames = new Map(users.items.map((u) => [u.id, u.name]));
  const actions = useAuditActions();
  const query: AuditQuery = {
    actorId: actorId ?? undefined,
    entityType: entityType ?? undefined,
    entityId: uuidPattern.test(entityId) ? entityId : undefined,
    action: action ?? undefined,
    from: dayBound(from, false),
    to: dayBound(to, true),
    collapse: 'true',
  };
  const entries = useAuditEntries(query);
  const reset = () => {
    setActorId(null);
    setEntityType(null);
    setEntityId('');
    setAction(null);
    setFrom('');
    setTo('');
  };
  const showEntity = (entry: AuditEntry) => {
    setEntityType(entry.entityType);
    setEntityId(entry.entityId ?? '');
  };
  const actionName = (code: string) => t(`audit.actions.${code}`, { defaultValue: code });
  return (
    <>
      <PageHeader title={t('audit.title')}>
        <Button variant="subtle" onClick={reset}>
          {t('audit.reset')}
        </Button>
      </PageHeader>
      <AuditChainCard />
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="md">
        <Select
          label={t('audit.actor')}
          clearable
          searchable
          data={users.items.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
          value={actorId}
          onChange={setActorId}
        />
        <Select
          label={t('audit.entityType')}
          clearable
          data={entityTypes.map((type) => ({ value: type, label: t(`audit.types.${type}`) }))}
          value={entityType}
          onChange={setEntityType}
        />
        <TextInput
          label={t('audit.entityId')}
          value={entityIdInput}
          onChange={(e) => setEntityId(e.currentTarget.value)}
          error={entityIdInput && !uuidPattern.test(entityIdInput.trim()) ? t('audit.notUuid') : undefined}
        />
        <Select
          label={t('audit.action')}
          clearable
          searchable
          data={(actions.data?.items ?? []).map((code) => ({ value: code, label: actionName(code) }))}
          value={action}
          onChange={setAction}
        />
        <TextInput label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </SimpleGrid>
      <QueryState isLoading={entries.isLoading} error={entries.error} isEmpty={entries.items.length === 0} empty={t('audit.empty')}>
        <DataTable
          testId="audit-table"
          striped
          minWidth={900}
          rows={entries.items}
          rowKey={(entry) => entry.id}
          rowProps={() => ({ 'data-testid': 'audit-row' })}
          columns={[
            { key: 'at', header: t('audit.at'), cell: (entry) => formatDateTime(entry.at, i18n.language) },
            {
              key: 'actor',
              header: t('audit.actor'),
              cell: (entry) =>
                entry.actorName ? (
                  <Text size="sm" title={entry.actorEmail ?? undefined}>
                    {entry.actorName}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('audit.system')}
                  </Text>
                ),
            },
            { key: 'action', header: t('audit.action'), cell: (entry) => actionName(entry.action) },
            {
              key: 'entity',
              header: t('audit.entity'),
              cell: (entry) => (
                <Stack gap={0}>
                  <Text size="sm">
                    {t(`audit.types.${entry.entityType}`, { defaultValue: entry.entityType })}
                    {entry.entityId && (
                      <>
                        {': '}
                        <Anchor component="button" size="sm" onClick={() => showEntity(entry)}>
                          {entry.entityTitle ?? t('audit.untitled')}
                        </Anchor>
                      </>
                    )}
                  </Text>
                  {entry.caseTitle && (
                    <Text size="xs" c="dimmed">
                      {t('audit.inCase', { title: entry.caseTitle })}
                    </Text>
                  )}
                </Stack>
              ),
            },
            { key: 'change', header: t('audit.change'), cell: (entry) => <AuditChanges entry={entry} userNames={userNames} /> },
            { key: 'ip', header: t('audit.ip'), cell: (entry) => entry.ip ?? '—' },
          ]}
        />
        <LoadMore {...entries} />
      </QueryState>
    </>
  );
}
