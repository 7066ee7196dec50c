import type { ContactTrend } from '@habeas/contracts';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Dark enough to be read as text on white (legend) at 4.5:1.
const COLORS = { refusedVisits: '#c92a2a', undeliveredLetters: '#a76100', returnedParcels: '#5f3dc4' } as const;
type Series = keyof typeof COLORS;

/** Bars of refusals per period, in plain SVG (no chart library for three numbers). */
export function TrendChart({ trend }: { trend: ContactTrend }) {
  const { t } = useTranslation();
  const series = Object.keys(COLORS) as Series[];
  const max = Math.max(1, ...trend.items.flatMap((item) => series.map((key) => item[key])));
  const barWidth = 10;
  const groupWidth = series.length * barWidth + 14;
  const height = 120;
  const width = Math.max(200, trend.items.length * groupWidth + 10);
  return (
    <div data-testid="trend-chart">
      <svg width={width} height={height + 34} role="img" aria-label={t('detention.trend.title')}>
        <line x1={0} y1={height} x2={width} y2={height} stroke="currentColor" strokeOpacity={0.3} />
        {trend.items.map((item, index) => (
          <g key={item.period} transform={`translate(${index * groupWidth + 6}, 0)`}>
            {series.map((key, s) => {
              const h = (item[key] / max) * (height - 14);
              return (
                <rect key={key} x={s * barWidth} y={height - h} width={barWidth - 2} height={h} fill={COLORS[key]}>
                  <title>{`${item.period}: ${t(`detention.trend.${key}`)} ${item[key]}`}</title>
                </rect>
              );
            })}
            <text x={0} y={height + 14} fontSize={9} fill="currentColor">
              {item.period.slice(5)}
            </text>
          </g>
        ))}
      </svg>
      <Group gap="md">
        {series.map((key) => (
          <Text key={key} size="xs" c={COLORS[key]}>
            ■ {t(`detention.trend.${key}`)}: {trend.totals[key]}
          </Text>
        ))}
      </Group>
    </div>
  );
}
