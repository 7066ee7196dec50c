import { Group, Paper, Text } from '@mantine/core';
import type { MedicalIncident } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

const W = 640;
const H = 220;
const PAD = 32;

const series = [
  { key: 'systolic', color: '#e03131' },
  { key: 'diastolic', color: '#f08c00' },
  { key: 'pulse', color: '#1971c2' },
] as const;

/** Blood pressure and pulse over time from every dated reading of the case's incidents (plain SVG). */
export function VitalsChart(props: { incidents: MedicalIncident[] }) {
  const { t, i18n } = useTranslation();
  const readings = props.incidents
    .flatMap((incident) => incident.vitals)
    .map((reading) => ({ ...reading, time: new Date(reading.at).getTime() }))
    .sort((a, b) => a.time - b.time);
  if (readings.length === 0) return null;
  const times = readings.map((r) => r.time);
  const values = readings.flatMap((r) => series.map((s) => r[s.key]).filter((v): v is number => v !== undefined));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values) - 10, Math.max(...values) + 10];
  const x = (time: number) => PAD + (t1 === t0 ? (W - 2 * PAD) / 2 : ((time - t0) / (t1 - t0)) * (W - 2 * PAD));
  const y = (value: number) => H - PAD - ((value - v0) / (v1 - v0)) * (H - 2 * PAD);
  const fmt = (time: number) => new Date(time).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short' });
  const temps = readings.filter((r) => r.temperatureC !== undefined || r.glucoseMmolL !== undefined);
  return (
    <Paper withBorder p="sm" data-testid="vitals-chart">
      <Text fw={600} mb="xs">
        {t('medical.vitals.chartTitle')}
      </Text>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('medical.vitals.chartTitle')}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" opacity={0.3} />
        <line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="currentColor" opacity={0.3} />
        <text x={4} y={y(v1) + 4} fontSize={10} fill="currentColor">
          {Math.round(v1)}
        </text>
        <text x={4} y={y(v0)} fontSize={10} fill="currentColor">
          {Math.round(v0)}
        </text>
        <text x={PAD} y={H - 8} fontSize={10} fill="currentColor">
          {fmt(t0)}
        </text>
        <text x={W - PAD} y={H - 8} fontSize={10} fill="currentColor" textAnchor="end">
          {fmt(t1)}
        </text>
        {series.map((s) => {
          const points = readings.filter((r) => r[s.key] !== undefined).map((r) => [x(r.time), y(r[s.key]!)] as const);
          return (
            <g key={s.key}>
              <polyline fill="none" stroke={s.color} strokeWidth={2} points={points.map(([px, py]) => `${px},${py}`).join(' ')} />
              {points.map(([px, py], i) => (
                <circle key={i} cx={px} cy={py} r={3} fill={s.color} />
              ))}
            </g>
          );
        })}
      </svg>
      <Group gap="md">
        {series.map((s) => (
          <Text key={s.key} size="xs" c={s.color}>
            ● {t(`medical.vitals.${s.key}`)}
          </Text>
        ))}
      </Group>
      {temps.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {temps
            .map(
              (r) =>
                `${fmt(r.time)}: ${r.temperatureC !== undefined ? `${r.temperatureC} °C ` : ''}${r.glucoseMmolL !== undefined ? `${r.glucoseMmolL} mmol/L` : ''}`,
            )
            .join(' · ')}
        </Text>
      )}
    </Paper>
  );
}
