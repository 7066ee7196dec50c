import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// A badge never shrinks below its words: on a phone the column gives way, not the text ("4 дня", not "4…").
const whole = { minWidth: 'max-content' } as const;

/** Days (or hours, on the last day) until `dueAt`; red when close, gray when done or past. */
export function Countdown(props: { dueAt: string; done?: boolean }) {
  const { t } = useTranslation();
  if (props.done)
    return (
      <Badge color="gray" style={whole}>
        {t('cases.deadlines.done')}
      </Badge>
    );
  const ms = new Date(props.dueAt).getTime() - Date.now();
  if (ms < 0)
    return (
      <Badge color="gray" style={whole}>
        {t('cases.deadlines.overdue')}
      </Badge>
    );
  const hours = Math.floor(ms / 3600_000);
  const days = Math.floor(hours / 24);
  const color = days < 1 ? 'red' : days < 3 ? 'orange' : 'blue';
  return (
    <Badge color={color} data-testid="countdown" style={whole}>
      {days >= 1 ? t('cases.deadlines.inDays', { count: days }) : t('cases.deadlines.inHours', { count: hours })}
    </Badge>
  );
}
