// `npm run bench`: a fresh embedded PostgreSQL with a large data set, the production build on one core,
// the load generator (this process) on the other, the same reads against a raw Fastify + pg baseline.
// Prints a table and writes bench/results.json.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { build } from '../scripts/lib.mjs';
import { endpoints as allEndpoints } from './endpoints.mjs';
import { measure, table } from './measure.mjs';
import { seed, seedSteps, sizes } from './seed.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const PASSWORD = 'bench-password-123';
// BENCH_ONLY=timeline,search runs a subset (for profiling); the full table needs every endpoint.
const endpoints = allEndpoints.filter((e) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').some((part) => e.name.includes(part)));
const targets = { p99: 50, ratio: 0.7, webhooksPerSecond: 500 };

function pinned(core, command, args, options) {
  return spawn('taskset', ['-c', String(core), command, ...args], options);
}

async function waitForHttp(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
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
  const sealedText = (value) => FieldCipher.seal(JSON.stringify(value));
  const database = await startEmbeddedPostgres(work, () => undefined, { database: 'bench' });
  const children = [];
  try {
    await runMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    console.log(`seeding ${JSON.stringify(sizes)}`);
    const seedSeconds = await seed(client, seedSteps({ passwordHash: await hashPassword(PASSWORD), sealedText }));
    console.log(`seeded in ${seedSeconds.toFixed(1)} s`);

    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      APP_ENCRYPTION_KEY: encryptionKey.toString('hex'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      STRIPE_SECRET_KEY: 'sk_test_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_secret',
      STRIPE_API_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DATA_DIR: join(work, 'data'),
      PORT: '3901',
      HOST: '127.0.0.1',
    };
    const appLog = openSync(join(work, 'app.log'), 'a');
    const app = pinned(0, process.execPath, ['dist/apps/api/src/main.js'], { cwd: root, env, stdio: ['ignore', appLog, appLog] });
    children.push(app);
    const appUrl = 'http://127.0.0.1:3901';
    await waitForHttp(`${appUrl}/api/health/ready`, app);
    const cookies = {};
    for (const email of new Set(endpoints.map((e) => e.user).filter(Boolean))) cookies[email] = await signIn(appUrl, email);
    const ctx = { db: client };
    for (const endpoint of endpoints) await endpoint.prepare?.(ctx);

    const results = [];
    for (const endpoint of endpoints) {
      process.stdout.write(`app       ${endpoint.name}…`);
      const headers = endpoint.user ? { cookie: cookies[endpoint.user] } : {};
      const appResult = endpoint.load
        ? await endpoint.load({ baseUrl: appUrl, ctx, env, connections, seconds })
        : await measure({ url: appUrl + endpoint.path(ctx), headers, connections, seconds });
      console.log(` ${appResult.requestsPerSecond} req/s`);
      results.push({ name: endpoint.name, endpoint, app: appResult, headers });
    }
    await stop(app);

    const baseline = pinned(0, process.execPath, ['bench/baseline.mjs', '3902'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(baseline);
    const baseUrl = 'http://127.0.0.1:3902';
    await waitForHttp(`${baseUrl}/api/cases`, { exitCode: null }).catch(() => undefined);
    for (const row of results.filter((r) => r.endpoint.baseline || r.endpoint.baselineOf)) {
      process.stdout.write(`baseline  ${row.name}…`);
      row.baseline = await measure({ url: baseUrl + row.endpoint.path(ctx), headers: row.headers, connections, seconds });
      console.log(` ${row.baseline.requestsPerSecond} req/s`);
    }
    await stop(baseline);
    await client.end();

    for (const row of results) {
      const misses = [];
      if (!row.endpoint.load && row.app.p99 >= targets.p99) misses.push(`p99 ≥ ${targets.p99} ms`);
      if ((row.endpoint.ratioTarget || row.name === 'dashboard') && row.baseline && row.app.requestsPerSecond < targets.ratio * row.baseline.requestsPerSecond)
        misses.push(`< ${targets.ratio * 100}% of baseline`);
      if (row.endpoint.minRate && row.app.requestsPerSecond < row.endpoint.minRate) misses.push(`< ${row.endpoint.minRate}/s`);
      if (row.app.non2xx + row.app.errors > 0) misses.push('errors');
      if (row.app.lost) misses.push(`${row.app.lost} lost/doubled`);
      row.verdict = misses.length ? `MISSED: ${misses.join(', ')}` : 'met';
    }
    console.log('\n' + table(results));
    const output = {
      at: new Date().toISOString(),
      machine: { cores: 2, node: process.version },
      sizes,
      seedSeconds,
      connections,
      seconds,
      results: results.map(({ name, app, baseline, verdict }) => ({ name, app, baseline: baseline ?? null, verdict })),
    };
    if (!process.env.BENCH_ONLY) writeFileSync(join(root, 'bench/results.json'), JSON.stringify(output, null, 2) + '\n');
    console.log(process.env.BENCH_ONLY ? '\n(subset: results.json left as it was)' : '\nwritten to bench/results.json');
  } finally {
    for (const child of children) await stop(child).catch(() => undefined);
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
