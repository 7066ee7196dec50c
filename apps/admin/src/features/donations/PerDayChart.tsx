import { Box, Card, Group, Text } from '@mantine/core';
import type { DonationSummary } from '@habeas/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format';
import { formatMoney } from './money';

type Kind = 'one_off' | 'recurring' | 'offline';
const KINDS: Array<{ kind: Kind; color: string }> = [
  { kind: 'one_off', color: 'var(--mantine-color-indigo-7)' },
  { kind: 'recurring', color: 'var(--mantine-color-teal-8)' },
  { kind: 'offline', color: 'var(--mantine-color-orange-8)' },
];
const DAYS = 90;
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 72, right: 12, top: 12, bottom: 36 };

/** "Nice" axis top: 1, 2 or 5 × a power of ten, at least the largest day. */
function niceTop(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= value) ?? 10 * power;
}

/**
 * Money received per day over the last 90 days in one currency, one-off, monthly and offline stacked: a y axis in
 * the currency, a date axis, gridlines, and a tooltip per day (hover or keyboard focus). Days without money are zero.
 */
export function PerDayChart({ summary, currency }: { summary: DonationSummary; currency: string }) {
  const { t, i18n } = useTranslation();
  const [active, setActive] = useState<number | null>(null);
  const today = new Date();
  const days = Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (DAYS - 1 - i)));
    return day.toISOString().slice(0, 10);
  });
  const byDay = new Map(days.map((day) => [day, { one_off: 0, recurring: 0, offline: 0 } as Record<Kind, number>]));
  for (const row of summary.perDay) {
    const entry = row.currency === currency ? byDay.get(row.day) : undefined;
    if (entry) entry[row.kind] += row.amountMinor;
  }
  const totals = days.map((day) => KINDS.reduce((sum, { kind }) => sum + Math.max(0, byDay.get(day)![kind]), 0));
  const top = niceTop(Math.max(...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = plotW / DAYS;
  const y = (amount: number) => PAD.top + plotH - (amount / top) * plotH;
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const dateTicks = days.filter((_, i) => i % 15 === 0 || i === DAYS - 1);
  const shortDate = (day: string) =>
    new Intl.DateTimeFormat(i18n.language.startsWith('ru') ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(day));
  const sum = totals.reduce((a, b) => a + b, 0);
  const shown = active === null ? null : { day: days[active], parts: byDay.get(days[active])!, total: totals[active] };
  return (
    <Card withBorder data-testid={`per-day-${currency}`}>
      <Text fw={600} mb="xs" component="h3" size="md" m={0}>
        {t('charts.perDayTitle', { currency })}
      </Text>
      <Box pos="relative" style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          style={{ minWidth: 480, display: 'block' }}
          role="img"
          aria-label={t('charts.perDaySummary', { currency, total: money(sum), days: DAYS })}
          onMouseLeave={() => setActive(null)}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke="var(--mantine-color-gray-4)"
                strokeDasharray={tick ? '3 3' : undefined}
              />
              <text x={PAD.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="currentColor">
                {money(tick)}
              </text>
            </g>
          ))}
          {dateTicks.map((day) => {
            const x = PAD.left + days.indexOf(day) * barW + barW / 2;
            return (
              <g key={day}>
                <line x1={x} x2={x} y1={PAD.top + plotH} y2={PAD.top + plotH + 4} stroke="currentColor" />
                <text x={x} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" fontSize={11} fill="currentColor">
                  {shortDate(day)}
                </text>
              </g>
            );
          })}
          <text x={PAD.left} y={HEIGHT - 2} fontSize={11} fill="currentColor">
            {t('charts.dateAxis')}
          </text>
          {days.map((day, i) => {
            let base = 0;
            return (
              <g key={day} onMouseEnter={() => setActive(i)} onFocus={() => setActive(i)} onBlur={() => setActive(null)} tabIndex={totals[i] > 0 ? 0 : -1}>
                <rect x={PAD.left + i * barW} y={PAD.top} width={barW} height={plotH} fill="transparent" />
                {KINDS.map(({ kind, color }) => {
                  const amount = Math.max(0, byDay.get(day)![kind]);
                  if (!amount) return null;
                  const rect = (
                    <rect
                      key={kind}
                      x={PAD.left + i * barW + 1}
                      width={Math.max(1, barW - 2)}
                      y={y(base + amount)}
                      height={y(base) - y(base + amount)}
                      fill={color}
                    />
                  );
                  base += amount;
                  return rect;
                })}
              </g>
            );
          })}
        </svg>
        {shown && (
          <Card
            withBorder
            shadow="sm"
            p="xs"
            pos="absolute"
            top={4}
            style={{ left: `min(calc(${((PAD.left + (active ?? 0) * barW) / WIDTH) * 100}% + 8px), calc(100% - 200px))`, pointerEvents: 'none' }}
            role="status"
            data-testid="chart-tooltip"
          >
            <Text size="xs" fw={600}>
              {formatDate(shown.day, i18n.language, 'UTC')}: {money(shown.total)}
            </Text>
            {KINDS.map(({ kind }) =>
              shown.parts[kind] ? (
                <Text key={kind} size="xs">
                  {t(`donations.kinds.${kind}`)}: {money(shown.parts[kind])}
                </Text>
              ) : null,
            )}
          </Card>
        )}
      </Box>
      <Group gap="md" mt="xs">
        {KINDS.map(({ kind, color }) => (
          <Group key={kind} gap={6}>
            <Box w={10} h={10} style={{ background: color, borderRadius: 2 }} aria-hidden />
            <Text size="xs">{t(`donations.kinds.${kind}`)}</Text>
          </Group>
        ))}
      </Group>
    </Card>
  );
}
