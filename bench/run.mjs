// `npm run bench`: one embedded PostgreSQL, a database per data shape (a tenth, the full size, a 500-case
// organisation); per shape the production build on one core, the load generator (this process) on the other,
// then each read endpoint's raw twin (the same statements replayed by Fastify + pg) on the same core; then the
// front-end timings in throttled Chromium. Prints every table and writes bench/results.json.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { build, SERVER_NODE_FLAGS } from '../scripts/lib.mjs';
import { endpoints as allEndpoints } from './endpoints.mjs';
import { frontEnd } from './frontend.mjs';
import { growthTable, measure, table } from './measure.mjs';
import { memoryBreakdown, peakRss } from './memory.mjs';
import { recordingOf } from './recording.mjs';
import { seed, seedSteps, shapes } from './seed.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const PASSWORD = 'bench-password-123';
// BENCH_ONLY=timeline,search runs a subset and BENCH_SHAPES=tenth one shape (while profiling; results.json is then left alone).
const only = process.env.BENCH_ONLY?.split(',');
const shapeNames = (process.env.BENCH_SHAPES ?? 'tenth,full,org').split(',');
const partial = Boolean(only || process.env.BENCH_SHAPES);
const targets = { p99: 50, ratio: 0.7, rssMb: 300 };

function pinned(core, command, args, options) {
  return spawn('taskset', ['-c', String(core), command, ...args], options);
}

async function waitForHttp(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function signIn(baseUrl, email) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`bench sign-in of ${email}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

function startApp(env, port, extra = {}) {
  const log = openSync(join(work, `app-${port}.log`), 'a');
  return pinned(0, process.execPath, [...SERVER_NODE_FLAGS, ...(extra.nodeArgs ?? []), 'dist/apps/api/src/main.js'], {
    cwd: root,
    env: { ...env, PORT: String(port), ...extra.env },
    stdio: ['ignore', log, log],
  });
}

/** Drives each endpoint once through a copy of the app that records its SQL; returns url → statement waves for the twin. */
async function recordStatements(env, endpoints, ctx, cookies) {
  const file = join(work, 'captured.jsonl');
  writeFileSync(file, '');
  const app = startApp(env, 3903, { nodeArgs: ['--require', './bench/capture-sql.cjs'], env: { BENCH_CAPTURE_FILE: file } });
  try {
    await waitForHttp('http://127.0.0.1:3903/api/health/ready', app);
    const recording = {};
    for (const endpoint of endpoints.filter((e) => !e.load)) {
      const url = endpoint.path(ctx);
      const headers = endpoint.user ? { cookie: cookies[endpoint.user] } : {};
      for (let i = 0; i < 2; i++) await (await fetch(`http://127.0.0.1:3903${url}`, { headers })).arrayBuffer();
      const from = statSync(file).size;
      const response = await fetch(`http://127.0.0.1:3903${url}`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${endpoint.name}: ${response.status} while recording`);
      const lines = readFileSync(file).subarray(from).toString('utf8').split('\n').filter(Boolean);
      recording[url] = recordingOf(lines.map((line) => JSON.parse(line)));
    }
    return recording;
  } finally {
    await stop(app);
  }
}

async function benchShape(shapeName, databaseUrl, env, client) {
  const endpoints = allEndpoints
    .filter((e) => (e.shapes ?? ['tenth', 'full']).includes(shapeName))
    .filter((e) => !only || only.some((part) => e.name.includes(part)));
  const shapeEnv = { ...env, DATABASE_URL: databaseUrl };
  const appUrl = 'http://127.0.0.1:3901';
  // BENCH_PROFILE=1 writes a CPU profile of the measured app to bench/.work/profiles (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles')}`] : [];
  const memoryFile = join(work, `memory-${shapeName}.jsonl`);
  // BENCH_NODE_FLAGS tries other V8 flags on the measured app (e.g. another heap size) after the ones it ships with.
  const nodeFlags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const app = startApp(shapeEnv, 3901, {
    nodeArgs: [...nodeFlags, ...profile, '--require', './bench/memory-probe.cjs'],
    env: { BENCH_MEMORY_FILE: memoryFile },
  });
  const ctx = { db: client };
  const results = [];
  let cookies = {};
  const run = await peakRss(app.pid, async () => {
    await waitForHttp(`${appUrl}/api/health/ready`, app);
    for (const email of new Set(endpoints.map((e) => e.user).filter(Boolean))) cookies[email] = await signIn(appUrl, email);
    for (const endpoint of endpoints) await endpoint.prepare?.(ctx);
    for (const endpoint of endpoints) {
      process.stdout.write(`  app       ${endpoint.name}…`);
      const headers = endpoint.user ? { cookie: cookies[endpoint.user] } : {};
      const startedAt = Date.now();
      const appResult = endpoint.load
        ? await endpoint.load({ baseUrl: appUrl, ctx, env: shapeEnv, connections, seconds })
        : await measure({ url: appUrl + endpoint.path(ctx), headers, connections, seconds });
      console.log(` ${appResult.requestsPerSecond} req/s, p99 ${appResult.p99} ms`);
      results.push({ name: endpoint.name, endpoint, app: appResult, headers, window: [startedAt, Date.now()] });
    }
    if (shapeName !== 'full' && (shapeNames.length > 1 || process.env.BENCH_FRONTEND === 'off')) return null;
    return frontEnd(appUrl, 'case-1', PASSWORD).catch((error) => ({ lines: [`front-end timings failed: ${error.message.split('\n')[0]}`] }));
  });
  await stop(app);
  const frontEndResult = run.value;

  const recording = await recordStatements(shapeEnv, endpoints, ctx, cookies);
  const recordingFile = join(work, `recording-${shapeName}.json`);
  writeFileSync(recordingFile, JSON.stringify(recording));
  const twin = pinned(0, process.execPath, ['bench/baseline.mjs', '3902', recordingFile], { cwd: root, env: shapeEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHttp('http://127.0.0.1:3902/', twin);
    for (const row of results.filter((r) => !r.endpoint.load)) {
      process.stdout.write(`  raw twin  ${row.name}…`);
      row.baseline = await measure({ url: 'http://127.0.0.1:3902' + row.endpoint.path(ctx), headers: row.headers, connections, seconds });
      row.statements = recording[row.endpoint.path(ctx)].flat(2).length;
      console.log(` ${row.baseline.requestsPerSecond} req/s, p99 ${row.baseline.p99} ms (${row.statements} statements)`);
    }
  } finally {
    await stop(twin);
  }
  for (const row of results) {
    const misses = [];
    if (!row.endpoint.load && row.app.p99 >= targets.p99) misses.push(`p99 ≥ ${targets.p99} ms`);
    if (row.baseline && row.app.requestsPerSecond < targets.ratio * row.baseline.requestsPerSecond) misses.push(`< ${targets.ratio * 100}% of twin`);
    if (row.endpoint.minRate && row.app.requestsPerSecond < row.endpoint.minRate) misses.push(`< ${row.endpoint.minRate}/s`);
    if (row.app.non2xx + row.app.errors > 0) misses.push('errors');
    if (row.app.lost || row.app.doubled || row.app.totalsOff)
      misses.push(`${row.app.lost} lost, ${row.app.doubled} doubled, totals off by ${row.app.totalsOff}`);
    row.verdict = misses.length ? `MISSED: ${misses.join(', ')}` : 'met';
  }
  return { results, peakRssMb: run.peakRssMb, memory: memoryBreakdown(memoryFile, results), frontEnd: frontEndResult };
}

async function main() {
  // The load generator runs on core 1; servers are pinned to core 0.
  spawn('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  await build();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/src/database/embedded-postgres.js'));
  const { runMigrations } = require(join(root, 'dist/apps/api/src/database/migrate.js'));
  const { hashPassword } = require(join(root, 'dist/apps/api/src/users/passwords.js'));
  const { FieldCipher } = require(join(root, 'dist/apps/api/src/common/crypto/field-cipher.js'));
  const { keyId } = require(join(root, 'dist/apps/api/src/config/local-secrets.js'));
  const encryptionKey = randomBytes(32);
  FieldCipher.configure({ id: keyId(encryptionKey), key: encryptionKey });
  const sealedText = (value, at) => FieldCipher.seal(JSON.stringify(value), at);
  const database = await startEmbeddedPostgres(work, () => undefined, { database: 'bench' });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    APP_ENCRYPTION_KEY: encryptionKey.toString('hex'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: 'whsec_bench_secret',
    STRIPE_API_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    DATA_DIR: join(work, 'data'),
    HOST: '127.0.0.1',
  };
  const output = { at: new Date().toISOString(), machine: { cores: 2, node: process.version }, connections, seconds, shapes: {} };
  try {
    const admin = new pg.Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
    for (const shapeName of shapeNames) {
      const sizes = shapes[shapeName];
      if (!sizes) throw new Error(`unknown shape ${shapeName} (BENCH_SHAPES: ${Object.keys(shapes).join(', ')})`);
      await admin.query(`create database bench_${shapeName}`);
      const url = new URL(database.url);
      url.pathname = `/bench_${shapeName}`;
      await runMigrations(url.toString());
      const client = new pg.Client({ connectionString: url.toString() });
      client.on('error', () => undefined);
      await client.connect();
      console.log(`\n== ${shapeName}: seeding ${JSON.stringify(sizes)}`);
      const seedSeconds = await seed(client, seedSteps({ passwordHash: await hashPassword(PASSWORD), sealedText, sizes }));
      console.log(`  seeded in ${seedSeconds.toFixed(1)} s`);
      const shape = await benchShape(shapeName, url.toString(), env, client);
      await client.end();
      const load = loadavg().map((n) => n.toFixed(1));
      console.log(
        `\n${shapeName} (${JSON.stringify(sizes)}), API peak RSS ${shape.peakRssMb} MB (target < ${targets.rssMb} MB), load average ${load.join(' ')} on 2 cores`,
      );
      console.log(table(shape.results));
      output.shapes[shapeName] = {
        sizes,
        seedSeconds,
        peakRssMb: shape.peakRssMb,
        memory: shape.memory,
        loadAverage: loadavg(),
        frontEnd: shape.frontEnd,
        results: shape.results.map(({ name, app, baseline, statements, verdict }) => ({ name, app, baseline: baseline ?? null, statements, verdict })),
      };
    }
    await admin.end();
  } finally {
    await database.stop();
  }
  printSummary(output);
  if (!partial) writeFileSync(join(root, 'bench/results.json'), JSON.stringify(output, null, 2) + '\n');
  console.log(partial ? '\n(subset: results.json left as it was)' : '\nwritten to bench/results.json');
}

function printSummary(output) {
  const { tenth, full } = output.shapes;
  if (tenth && full) console.log(`\nGrowth from a tenth to the full size (p99):\n${growthTable(tenth.results, full.results)}`);
  for (const [name, shape] of Object.entries(output.shapes)) {
    const rss = `${shape.peakRssMb} MB ${shape.peakRssMb < targets.rssMb ? 'met' : 'MISSED'}`;
    console.log(`API peak RSS under load, ${name}: ${rss}`);
    const memory = shape.memory;
    if (memory) {
      const { peak } = memory;
      console.log(
        `  at the peak (during ${memory.during}): V8 heap ${peak.heapUsed} MB used of ${peak.heapTotal} MB reserved, ${peak.external} MB outside the heap (${peak.arrayBuffers} MB buffers), the rest code, stacks and allocator`,
      );
      console.log(`  peak per endpoint: ${memory.perEndpoint.map((row) => `${row.name} ${row.rss} MB (heap ${row.heapUsed})`).join('; ')}`);
    }
    if (shape.frontEnd) {
      console.log(`\nFront end (Chromium, Slow 4G, 4× CPU slowdown, 390×844):`);
      for (const line of shape.frontEnd.lines) console.log(`  ${line}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
