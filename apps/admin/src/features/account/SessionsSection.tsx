import { Badge, Button, Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { useFormat } from '../../shared/format';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { QueryState } from '../../shared/QueryState';
import { useEndSession, useSessions } from './hooks';

/** The user's signed-in sessions: where, from which address, last seen when; any other one can be ended. */
export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useSessions();
  const end = useEndSession();
  const items = sessions.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('account.sessions')}
      </Title>
      <QueryState isLoading={sessions.isLoading} error={sessions.error} isEmpty={items.length === 0} empty={t('account.noSessions')}>
        <HorizontalScroll label={t('account.sessions')} minWidth={520}>
          <DataTable
            rows={items}
            rowKey={(session) => session.id}
            columns={[
              {
                key: 'device',
                header: t('account.device'),
                cell: (session) => (
                  <>
                    {session.device || t('account.unknownDevice')} {session.current && <Badge style={{ overflow: 'visible' }}>{t('account.thisDevice')}</Badge>}
                  </>
                ),
              },
              { key: 'ip', header: t('account.ip'), cell: (session) => session.ip ?? '—' },
              { key: 'lastSeen', header: t('account.lastSeen'), cell: (session) => format.dateTime(session.lastSeenAt) },
              {
                key: 'end',
                header: null,
                cell: (session) =>
                  !session.current && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => end.mutate(session.id)}
                      loading={end.isPending && end.variables === session.id}
                    >
                      {t('account.endSession')}
                    </Button>
                  ),
              },
            ]}
          />
        </HorizontalScroll>
      </QueryState>
    </Card>
  );
}
