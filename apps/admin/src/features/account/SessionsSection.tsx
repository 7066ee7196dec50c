import { Badge, Button, Card, Table, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@habeas/contracts';
import { api } from '../../shared/api';
import { useFormat } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { HorizontalScroll } from '../../shared/HorizontalScroll';

/** The user's signed-in sessions: where, from which address, last seen when; any other one can be ended. */
export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useQuery({ queryKey: ['account', 'sessions'], queryFn: () => api<{ items: SessionView[] }>('/api/auth/sessions') });
  const end = useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void sessions.refetch(),
  });
  const items = sessions.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('account.sessions')}
      </Title>
      <QueryState isLoading={sessions.isLoading} error={sessions.error} isEmpty={items.length === 0} empty={t('account.noSessions')}>
        <HorizontalScroll label={t('account.sessions')} minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.device')}</Table.Th>
                <Table.Th>{t('account.ip')}</Table.Th>
                <Table.Th>{t('account.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    {session.device || t('account.unknownDevice')} {session.current && <Badge style={{ overflow: 'visible' }}>{t('account.thisDevice')}</Badge>}
                  </Table.Td>
                  <Table.Td>{session.ip ?? '—'}</Table.Td>
                  <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {!session.current && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => end.mutate(session.id)}
                        loading={end.isPending && end.variables === session.id}
                      >
                        {t('account.endSession')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      </QueryState>
    </Card>
  );
}
