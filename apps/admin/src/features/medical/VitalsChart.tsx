import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MedicalIncident, VitalReading } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

const W = 520;
const H = 200;
const LEFT = 44;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 28;
/** Readings further apart than this are not joined by a line: the chart shows the gap instead of inventing data. */
const GAP_MS = 14 * 24 * 3600 * 1000;

type Measure = 'systolic' | 'diastolic' | 'pulse' | 'temperatureC' | 'glucoseMmolL';
interface Series {
  key: Measure;
  color: string;
  /** The normal range, drawn as a band behind the line. */
  normal: [number, number];
}
interface PanelSpec {
  key: 'pressure' | 'pulse' | 'temperature' | 'glucose';
  unit: string;
  series: Series[];
}

const panels: PanelSpec[] = [
  {
    key: 'pressure',
    unit: 'mmHg',
    series: [
      { key: 'systolic', color: '#c92a2a', normal: [90, 139] },
      { key: 'diastolic', color: '#d9480f', normal: [60, 89] },
    ],
  },
  { key: 'pulse', unit: 'bpm', series: [{ key: 'pulse', color: '#1864ab', normal: [60, 100] }] },
  { key: 'temperature', unit: '°C', series: [{ key: 'temperatureC', color: '#862e9c', normal: [36, 37.5] }] },
  { key: 'glucose', unit: 'mmolL', series: [{ key: 'glucoseMmolL', color: '#2b8a3e', normal: [3.9, 7.8] }] },
];

interface Point {
  time: number;
  value: number;
}

/** Round tick values from at or below `min` to at or above `max`: about five steps of 1, 2 or 5 × 10^n. */
function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v < max + step - 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

/** Splits a time-ordered series where two readings are further apart than GAP_MS. */
function segments(points: Point[]): Point[][] {
  const out: Point[][] = [];
  for (const point of points) {
    const last = out[out.length - 1];
    if (last && point.time - last[last.length - 1].time <= GAP_MS) last.push(point);
    else out.push([point]);
  }
  return out;
}

function Panel(props: { spec: PanelSpec; readings: Array<VitalReading & { time: number }>; t0: number; t1: number }) {
  const { t, i18n } = useTranslation();
  const { spec } = props;
  const unit = spec.unit === 'mmHg' || spec.unit === 'bpm' || spec.unit === 'mmolL' ? t(`medical.units.${spec.unit}`) : spec.unit;
  const data = spec.series.map((s) => ({
    ...s,
    points: props.readings.filter((r) => r[s.key] !== undefined).map((r) => ({ time: r.time, value: r[s.key] as number })),
  }));
  if (data.every((s) => s.points.length === 0)) return null;
  const all = data.flatMap((s) => [...s.points.map((p) => p.value), ...s.normal]);
  const spread = Math.max(...all) - Math.min(...all) || 1;
  const yTicks = ticks(Math.min(...all) - spread * 0.1, Math.max(...all) + spread * 0.1);
  const [v0, v1] = [yTicks[0], yTicks[yTicks.length - 1]];
  const x = (time: number) => LEFT + (props.t1 === props.t0 ? (W - LEFT - RIGHT) / 2 : ((time - props.t0) / (props.t1 - props.t0)) * (W - LEFT - RIGHT));
  const y = (value: number) => TOP + (1 - (value - v0) / (v1 - v0 || 1)) * (H - TOP - BOTTOM);
  const years = new Date(props.t0).getFullYear() !== new Date(props.t1).getFullYear();
  const date = (time: number) => new Date(time).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short', year: years ? 'numeric' : undefined });
  const xTicks = props.t1 === props.t0 ? [props.t0] : [0, 0.25, 0.5, 0.75, 1].map((f) => props.t0 + f * (props.t1 - props.t0));
  const title = t(`medical.vitals.panels.${spec.key}`);
  const times = [...new Set(data.flatMap((s) => s.points.map((p) => p.time)))].sort((a, b) => a - b);
  const gaps = times.slice(1).flatMap((time, i) => (time - times[i] > GAP_MS ? [[times[i], time] as const] : []));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="h3" m={0}>
        {title}
      </Text>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} data-testid={`vitals-panel-${spec.key}`}>
        {data.map((s) => (
          <rect
            key={`band-${s.key}`}
            x={LEFT}
            width={W - LEFT - RIGHT}
            y={y(Math.min(s.normal[1], v1))}
            height={Math.max(0, y(Math.max(s.normal[0], v0)) - y(Math.min(s.normal[1], v1)))}
            fill={s.color}
            opacity={0.08}
            data-testid="normal-band"
          >
            <title>{`${t('medical.vitals.normalRange')} (${t(`medical.vitals.${s.key}`)}): ${s.normal[0]}–${s.normal[1]} ${unit}`}</title>
          </rect>
        ))}
        {gaps.map(([a, b]) => (
          <rect key={`gap-${a}`} x={x(a)} width={x(b) - x(a)} y={TOP} height={H - TOP - BOTTOM} fill="currentColor" opacity={0.05} data-testid="vitals-gap">
            <title>{`${t('medical.vitals.gap')}: ${date(a)} – ${date(b)}`}</title>
          </rect>
        ))}
        {yTicks.map((v) => (
          <g key={`y-${v}`}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke="currentColor" opacity={0.15} />
            <text x={LEFT - 6} y={y(v) + 4} fontSize={11} fill="currentColor" textAnchor="end">
              {v.toLocaleString(i18n.language)}
            </text>
          </g>
        ))}
        {xTicks.map((time, i) => (
          <g key={`x-${i}`}>
            <line x1={x(time)} x2={x(time)} y1={TOP} y2={H - BOTTOM} stroke="currentColor" opacity={0.1} />
            <text x={x(time)} y={H - 8} fontSize={11} fill="currentColor" textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}>
              {date(time)}
            </text>
          </g>
        ))}
        <line x1={LEFT} y1={H - BOTTOM} x2={W - RIGHT} y2={H - BOTTOM} stroke="currentColor" opacity={0.5} />
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={H - BOTTOM} stroke="currentColor" opacity={0.5} />
        {data.map((s) => (
          <g key={s.key}>
            {segments(s.points).map((segment, i) => (
              <polyline
                key={i}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                points={segment.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')}
                data-testid="vitals-line"
              />
            ))}
            {s.points.map((p, i) => (
              <circle key={i} cx={x(p.time)} cy={y(p.value)} r={3.5} fill={s.color}>
                <title>{`${t(`medical.vitals.${s.key}`)}: ${p.value} ${unit} — ${new Date(p.time).toLocaleString(i18n.language)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <Group gap="md">
        {data.map((s) => (
          <Text key={s.key} size="xs">
            <span style={{ color: s.color }} aria-hidden>
              ●
            </span>{' '}
            {t(`medical.vitals.${s.key}`)} · {t('medical.vitals.normalRange')} {s.normal[0]}–{s.normal[1]} {unit}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

/** Every dated reading of the case's incidents, one panel per measure with its unit, normal range and gaps. */
export function VitalsChart(props: { incidents: MedicalIncident[] }) {
  const { t } = useTranslation();
  const readings = props.incidents
    .flatMap((incident) => incident.vitals)
    .map((reading) => ({ ...reading, time: new Date(reading.at).getTime() }))
    .sort((a, b) => a.time - b.time);
  if (readings.length === 0) return null;
  const [t0, t1] = [readings[0].time, readings[readings.length - 1].time];
  return (
    <Paper withBorder p="sm" data-testid="vitals-chart" component="section" aria-label={t('medical.vitals.chartTitle')}>
      <Text fw={600} mb="xs" component="h2" size="md">
        {t('medical.vitals.chartTitle')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {panels.map((spec) => (
          <Panel key={spec.key} spec={spec} readings={readings} t0={t0} t1={t1} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
