import { Alert, Code, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One-time recovery codes, shown once right after they are issued. */
export function RecoveryCodes(props: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('account.recoveryTitle')} data-testid="recovery-codes">
      <Text size="sm" mb="xs">
        {t('account.recoveryHint')}
      </Text>
      <SimpleGrid cols={2} spacing={4}>
        {props.codes.map((code) => (
          <Code key={code}>{code}</Code>
        ))}
      </SimpleGrid>
    </Alert>
  );
}
