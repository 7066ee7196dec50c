import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { useCalendarFeed } from './hooks';

/**
 * The user's secret iCal URL for hearings and deadlines. The URL is shown once, right after it is
 * created (only its hash is stored); regenerating or revoking makes the old one stop working.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const { status, regenerate, revoke } = useCalendarFeed();
  return (
    <Card withBorder data-testid="calendar-feed-card">
      <Stack>
        <Group gap="xs">
          <IconCalendar size={20} />
          <Text fw={500}>{t('cases.calendar.title')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('cases.calendar.description')}
        </Text>
        <QueryState isLoading={status.isLoading} error={status.error ?? regenerate.error ?? revoke.error}>
          {url && (
            <>
              <Alert color="yellow">{t('cases.calendar.shownOnce')}</Alert>
              <Group align="flex-end">
                <TextInput readOnly value={url} label={t('cases.calendar.url')} style={{ flex: 1 }} data-testid="calendar-url" />
                <CopyButton value={url}>
                  {({ copied, copy }) => <Button onClick={copy}>{copied ? t('cases.calendar.copied') : t('cases.calendar.copy')}</Button>}
                </CopyButton>
              </Group>
            </>
          )}
          {!url && (
            <Text size="sm">
              {status.data?.active ? t('cases.calendar.active', { date: new Date(status.data.createdAt!).toLocaleDateString() }) : t('cases.calendar.inactive')}
            </Text>
          )}
          <Group>
            <Button onClick={() => regenerate.mutate(undefined, { onSuccess: (feed) => setUrl(feed.url) })} loading={regenerate.isPending}>
              {status.data?.active ? t('cases.calendar.regenerate') : t('cases.calendar.create')}
            </Button>
            {status.data?.active && (
              <Button color="red" variant="light" onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })} loading={revoke.isPending}>
                {t('cases.calendar.revoke')}
              </Button>
            )}
          </Group>
        </QueryState>
      </Stack>
    </Card>
  );
}
