// Loaded with `node --require bench/capture-sql.cjs` into a short-lived copy of the app (never the measured one):
// appends every statement the app sends to PostgreSQL to $BENCH_CAPTURE_FILE as a JSON line
// {text, values, client, start, end}, so the raw twin (bench/baseline.mjs) can replay exactly the same SQL.
const { appendFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const file = process.env.BENCH_CAPTURE_FILE;
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));
const clientIds = new WeakMap();
let nextClient = 1;

function encode(value) {
  if (Buffer.isBuffer(value)) return { $buffer: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function capturedQuery(config, values, callback) {
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text !== 'string' || typeof callback === 'function' || typeof values === 'function') return query.apply(this, arguments);
  if (!clientIds.has(this)) clientIds.set(this, nextClient++);
  const client = clientIds.get(this);
  const params = (Array.isArray(values) ? values : config?.values) ?? [];
  const start = performance.now();
  const result = query.apply(this, arguments);
  const write = () => appendFileSync(file, JSON.stringify({ text, values: params.map(encode), client, start, end: performance.now() }) + '\n');
  if (result && typeof result.then === 'function') result.then(write, write);
  return result;
};
