import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A record's row actions: "Correct" for those who may write, and "Earlier versions" once it has been corrected. */
export function CorrectionActions(props: { canWrite: boolean; version: number; onCorrect: () => void; onHistory: () => void; historyTestId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {props.canWrite && (
        <Button size="compact-xs" variant="light" onClick={props.onCorrect}>
          {t('corrections.correct')}
        </Button>
      )}
      {props.version > 1 && (
        <Button size="compact-xs" variant="subtle" onClick={props.onHistory} data-testid={props.historyTestId}>
          {t('corrections.history')}
        </Button>
      )}
    </Group>
  );
}
