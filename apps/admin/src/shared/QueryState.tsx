import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading, error and empty states, the same on every page. */
export function QueryState(props: { isLoading: boolean; error: unknown; isEmpty?: boolean; empty?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  if (props.isLoading) {
    return (
      <Center py="xl" data-testid="loading">
        <Loader />
      </Center>
    );
  }
  if (props.error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title={t('common.error')} data-testid="error">
        {props.error instanceof Error ? props.error.message : String(props.error)}
      </Alert>
    );
  }
  if (props.isEmpty) return <EmptyState>{props.empty ?? t('common.empty')}</EmptyState>;
  return <>{props.children}</>;
}

export function EmptyState(props: { children: ReactNode }) {
  return (
    <Center py="xl" data-testid="empty">
      <Stack align="center" gap="xs">
        <IconInbox size={36} stroke={1.3} />
        <Text c="dimmed" ta="center">
          {props.children}
        </Text>
      </Stack>
    </Center>
  );
}
