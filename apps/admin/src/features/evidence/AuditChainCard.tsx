import { Alert, Button, Code, Group, Paper, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerifyAuditChain } from './hooks';

/** Checks the audit log's hash chain on demand and says plainly whether history is intact, or where it breaks. */
export function AuditChainCard() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text fw={600}>{t('evidence.chain.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('evidence.chain.hint')}
          </Text>
        </div>
        <Button leftSection={<IconShieldCheck size={16} />} variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('evidence.chain.verify')}
        </Button>
      </Group>
      {verify.error && (
        <Alert color="red" mt="sm">
          {verify.error.message}
        </Alert>
      )}
      {result?.ok && (
        <Alert color="green" mt="sm" title={t('evidence.chain.intact')} data-testid="chain-result">
          {t('evidence.chain.intactText', { count: result.entries })} <Code>{result.head}</Code>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" mt="sm" title={t('evidence.chain.broken')} data-testid="chain-result">
          {t('evidence.chain.brokenText', { seq: result.brokenAt?.seq, reason: t(`evidence.chain.reasons.${result.brokenAt?.reason}`) })}
          {result.brokenAt?.entryId && (
            <>
              {' '}
              <Code>{result.brokenAt.entryId}</Code>
            </>
          )}
        </Alert>
      )}
    </Paper>
  );
}
