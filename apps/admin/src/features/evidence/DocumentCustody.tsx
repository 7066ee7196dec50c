import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from './format';
import { useDocumentCustody } from './hooks';

/** Each version's chain of custody: who stored it, when, from which address, and its hash (wraps on a phone). */
export function DocumentCustody(props: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const custody = useDocumentCustody(props.documentId);
  return (
    <Stack gap="xs" data-testid="custody">
      <Title order={3} size="h4">
        {t('evidence.custody.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('evidence.custody.hint')}
      </Text>
      <QueryState isLoading={custody.isLoading} error={custody.error}>
        {custody.data?.map((entry) => (
          <Paper key={entry.version} withBorder p="xs" data-testid="custody-row">
            <Text size="sm" fw={500}>
              {t('evidence.custody.version', { number: entry.version })} · {entry.uploadedBy?.name ?? t('evidence.custody.unknown')}
            </Text>
            <Text size="sm">
              {formatDateTime(i18n.language, entry.uploadedAt)} · {t('evidence.custody.from')}: {entry.ip ?? t('evidence.custody.unknown')}
            </Text>
            <Text size="xs" c="dimmed">
              {entry.fileName}
            </Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
              SHA-256: {entry.sha256}
            </Code>
          </Paper>
        ))}
      </QueryState>
    </Stack>
  );
}
