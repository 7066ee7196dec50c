// Load generation with autocannon, in this process (pinned to its own core by run.mjs).
import autocannon from 'autocannon';

/**
 * Drives `url` for `seconds` with `connections` concurrent connections after a short warm-up.
 * `requests` may be an array of {method, path, headers, body} cycled by autocannon.
 */
export async function measure({ url, headers = {}, connections = 32, seconds = 10, warmup = 2, requests }) {
  const options = { url, connections, headers, requests };
  if (warmup > 0) await run({ ...options, duration: warmup });
  const result = await run({ ...options, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function table(rows) {
  const columns = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'twin req/s', 'twin p99', 'ratio', 'non-2xx', 'target'];
  const lines = rows.map((row) => [
    row.name,
    String(row.app.requestsPerSecond),
    String(row.app.p50),
    String(row.app.p99),
    row.baseline ? String(row.baseline.requestsPerSecond) : '—',
    row.baseline ? String(row.baseline.p99) : '—',
    row.baseline ? `${Math.round((row.app.requestsPerSecond / row.baseline.requestsPerSecond) * 100)}%` : '—',
    String(row.app.non2xx + row.app.errors),
    row.verdict,
  ]);
  return aligned(columns, lines);
}

/** p99 of each endpoint at a tenth of the data and at the full size, and how much it grew. */
export function growthTable(tenth, full) {
  const lines = full
    .filter((row) => tenth.some((small) => small.name === row.name))
    .map((row) => {
      const small = tenth.find((candidate) => candidate.name === row.name);
      return [
        row.name,
        String(small.app.p99),
        String(row.app.p99),
        `×${(row.app.p99 / Math.max(small.app.p99, 1)).toFixed(2)}`,
        small.baseline && row.baseline ? `×${(row.baseline.p99 / Math.max(small.baseline.p99, 1)).toFixed(2)}` : '—',
      ];
    });
  return aligned(['endpoint', 'p99 ms, tenth', 'p99 ms, full', 'growth', 'twin growth'], lines);
}

function aligned(columns, lines) {
  const widths = columns.map((column, i) => Math.max(column.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [format(columns), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
