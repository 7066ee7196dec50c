// The measured app's memory: its peak resident set seen from outside (/proc), and what bench/memory-probe.cjs says
// it was made of, per endpoint.
import { readFileSync } from 'node:fs';

/** The largest resident set of `pid` seen while `during` runs, in MB. */
export async function peakRss(pid, during) {
  let peak = 0;
  const sample = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const value = await during();
    sample();
    return { value, peakRssMb: Math.round(peak) };
  } finally {
    clearInterval(timer);
  }
}

/** From the app's own memory samples: the peak of resident memory, what it was made of, and each endpoint's peak. */
export function memoryBreakdown(file, results) {
  let samples;
  try {
    samples = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  } catch {
    return null;
  }
  if (samples.length === 0) return null;
  const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
  const during = results.findLast((row) => row.window[0] <= peak.at)?.name ?? 'start-up';
  const perEndpoint = results.map((row) => {
    const inside = samples.filter((m) => row.window[0] <= m.at && m.at <= row.window[1]);
    return { name: row.name, rss: Math.max(0, ...inside.map((m) => m.rss)), heapUsed: Math.max(0, ...inside.map((m) => m.heapUsed)) };
  });
  return { peak, during, perEndpoint };
}
