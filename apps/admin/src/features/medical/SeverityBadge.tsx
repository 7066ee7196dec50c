import { Badge } from '@mantine/core';
import type { Severity } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<Severity, string> = { low: 'gray', moderate: 'yellow', high: 'orange', critical: 'red' };

export function SeverityBadge(props: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[props.severity]} variant="filled" data-testid="severity">
      {t(`medical.severity.${props.severity}`)}
    </Badge>
  );
}
