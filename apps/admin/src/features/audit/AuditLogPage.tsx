import { Button, Code, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, User } from '@habeas/contracts';
import { LoadMore } from '../../shared/LoadMore';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { usePaged } from '../../shared/usePaged';
import { AuditChainCard } from '../evidence/AuditChainCard';

const entityTypes = ['case', 'document', 'medical_incident', 'medical_alert', 'donation', 'user', 'session', 'expense', 'donor'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Local `yyyy-mm-dd` from a date input as the start (or the end) of that day, in ISO. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [actorId, setActorId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityIdInput, setEntityId] = useState('');
  const [actionInput, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entityId] = useDebouncedValue(entityIdInput.trim(), 300);
  const [action] = useDebouncedValue(actionInput.trim(), 300);
  const users = usePaged<User>(['users', 'for-audit'], '/api/users', { limit: 100 });
  const query = { actorId: actorId ?? undefined, entityType: entityType ?? undefined, entityId, action, from: dayBound(from, false), to: dayBound(to, true) };
  const entries = usePaged<AuditEntry>(['audit-log'], '/api/audit-log', query);
  const reset = () => {
    setActorId(null);
    setEntityType(null);
    setEntityId('');
    setAction('');
    setFrom('');
    setTo('');
  };
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
          data={users.items.map((u) => ({ value: u.id, label: u.email }))}
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
        <TextInput label={t('audit.action')} placeholder="auth.sign-in" value={actionInput} onChange={(e) => setAction(e.currentTarget.value)} />
        <TextInput label={t('audit.from')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label={t('audit.to')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </SimpleGrid>
      <QueryState isLoading={entries.isLoading} error={entries.error} isEmpty={entries.items.length === 0} empty={t('audit.empty')}>
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.entity')}</Table.Th>
              <Table.Th>{t('audit.ip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{new Date(entry.at).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{entry.actorEmail ?? <Text c="dimmed">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{t(`audit.types.${entry.entityType}`, { defaultValue: entry.entityType })}</Text>
                    {entry.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {entry.entityId}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{entry.ip ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore {...entries} />
      </QueryState>
    </>
  );
}
