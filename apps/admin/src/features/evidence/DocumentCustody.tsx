import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from './format';
import { useDocumentCustody } from './hooks';

/** Each version's chain of custody: who stored it, when, from which address, and its hash. */
export function DocumentCustody(props: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const custody = useDocumentCustody(props.documentId);
  return (
    <Stack gap="xs" data-testid="custody">
      <Title order={4}>{t('evidence.custody.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('evidence.custody.hint')}
      </Text>
      <QueryState isLoading={custody.isLoading} error={custody.error}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('evidence.custody.when')}</Table.Th>
              <Table.Th>{t('evidence.custody.from')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {custody.data?.map((entry) => (
              <Table.Tr key={entry.version} data-testid="custody-row">
                <Table.Td>{entry.version}</Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.uploadedBy?.name ?? t('evidence.custody.unknown')}</Text>
                  <Text size="xs" c="dimmed">
                    SHA-256: <Code>{entry.sha256}</Code>
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(i18n.language, entry.uploadedAt)}</Table.Td>
                <Table.Td>{entry.ip ?? t('evidence.custody.unknown')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Stack>
  );
}
