import type { VitalReading } from '@habeas/contracts';

export interface ChartSeries {
  key: 'systolic' | 'diastolic' | 'pulse';
  colour: string;
}

export const chartSeries: ChartSeries[] = [
  { key: 'systolic', colour: '#c0392b' },
  { key: 'diastolic', colour: '#2e86c1' },
  { key: 'pulse', colour: '#7d8b2f' },
];

/** Two readings further apart than this are not joined: the line breaks where nothing was measured. */
export const GAP_MS = 14 * 24 * 3600 * 1000;

const WIDTH = 500;
const HEIGHT = 200;
const LEFT = 34;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 22;

/**
 * An SVG line chart of blood pressure and pulse: y axis in mmHg / bpm with gridlines every 20, the normal
 * systolic band (90–140) shaded, a point per reading, and a break in the line across long gaps. Labels are
 * digits and dates only (the surrounding PDF text names the units in the reader's language).
 */
export function vitalsChartSvg(readings: VitalReading[], formatDay: (at: Date) => string): string | null {
  const points = readings.filter((r) => r.systolic !== undefined || r.diastolic !== undefined || r.pulse !== undefined);
  if (points.length === 0) return null;
  const times = points.map((r) => Date.parse(r.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const span = Math.max(t1 - t0, 24 * 3600 * 1000);
  const values = points.flatMap((r) => [r.systolic, r.diastolic, r.pulse].filter((v): v is number => v !== undefined));
  const yMin = Math.max(0, Math.floor(Math.min(40, ...values) / 20) * 20);
  const yMax = Math.ceil(Math.max(200, ...values) / 20) * 20;
  const x = (t: number) => LEFT + ((t - t0) / span) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => TOP + (1 - (v - yMin) / (yMax - yMin)) * (HEIGHT - TOP - BOTTOM);
  const parts: string[] = [];
  parts.push(`<rect x="${LEFT}" y="${y(140)}" width="${WIDTH - LEFT - RIGHT}" height="${y(90) - y(140)}" fill="#e8f5e9"/>`);
  for (let v = yMin; v <= yMax; v += 20) {
    parts.push(`<line x1="${LEFT}" y1="${y(v)}" x2="${WIDTH - RIGHT}" y2="${y(v)}" stroke="#dddddd" stroke-width="0.5"/>`);
    parts.push(`<text x="${LEFT - 4}" y="${y(v) + 3}" font-size="7" text-anchor="end" fill="#444444">${v}</text>`);
  }
  parts.push(`<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${HEIGHT - BOTTOM}" stroke="#444444" stroke-width="0.8"/>`);
  parts.push(`<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}" stroke="#444444" stroke-width="0.8"/>`);
  const ticks = [...new Set([t0, t0 + span / 2, t1])];
  for (const [i, t] of ticks.entries()) {
    const anchor = ticks.length > 1 && i === 0 ? 'start' : i === ticks.length - 1 && ticks.length > 1 ? 'end' : 'middle';
    parts.push(`<text x="${x(t)}" y="${HEIGHT - 8}" font-size="7" text-anchor="${anchor}" fill="#444444">${escapeXml(formatDay(new Date(t)))}</text>`);
  }
  const sorted = points.map((r) => ({ ...r, t: Date.parse(r.at) })).sort((a, b) => a.t - b.t);
  for (const series of chartSeries) {
    const present = sorted.filter((r) => r[series.key] !== undefined);
    for (const segment of segments(present)) {
      if (segment.length > 1) {
        const path = segment.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(r.t).toFixed(1)},${y(r[series.key]!).toFixed(1)}`).join(' ');
        parts.push(`<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="1.2"/>`);
      }
      for (const r of segment) parts.push(`<circle cx="${x(r.t).toFixed(1)}" cy="${y(r[series.key]!).toFixed(1)}" r="1.8" fill="${series.colour}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

/** Splits time-ordered readings wherever two neighbours are more than GAP_MS apart. */
export function segments<T extends { t: number }>(sorted: T[]): T[][] {
  const result: T[][] = [];
  for (const reading of sorted) {
    const current = result.at(-1);
    if (current && reading.t - current.at(-1)!.t <= GAP_MS) current.push(reading);
    else result.push([reading]);
  }
  return result;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
