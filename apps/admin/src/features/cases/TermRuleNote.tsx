import { Text } from '@mantine/core';
import type { TermRule } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format';

/**
 * How a computed deadline was reached, said plainly: the rule (CPC art. 128), the move off a non-working day, and
 * which official calendar counted it, or a warning that a year's calendar is missing (then only weekends count).
 */
export function TermRuleNote({ rule }: { rule: TermRule }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const day = (iso: string) => format.date(`${iso}T12:00:00Z`);
  const years = [...new Set([Number(rule.from.slice(0, 4)), Number(rule.lastDay.slice(0, 4))])];
  const missing = rule.missingYears ?? (rule.calendar ? [] : years);
  const counted = rule.calendarYears ?? years.filter((year) => !missing.includes(year));
  return (
    <>
      <Text size="xs" c="dimmed" data-testid="term-rule">
        {t('terms.rule', { count: rule.days, from: day(rule.from) })}
        {rule.movedFrom && ` ${t('terms.moved', { from: day(rule.movedFrom), to: day(rule.lastDay) })}`}{' '}
        {counted.length > 0 &&
          (i18n.language === 'ru' && rule.calendar
            ? t('terms.calendar', { calendar: rule.calendar })
            : t('terms.calendarOf', { years: counted.join(', '), count: counted.length }))}
      </Text>
      {missing.length > 0 && (
        <Text size="xs" c="orange.9" fw={500} data-testid="term-calendar-missing">
          {t('terms.noCalendar', { years: missing.join(', '), count: missing.length })}
        </Text>
      )}
    </>
  );
}
