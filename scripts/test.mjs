// `npm test`: build, start one throwaway embedded PostgreSQL holding a migrated
// template database, run every test runner against it, print `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from './lib.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2); // optional filters: substrings of test file paths

// HABEAS_TEST_SHUFFLE=<seed> (or `random`) runs the files of each runner in a shuffled order, so no test file
// leans on another having run first; the seed is printed so a failing order can be repeated.
const shuffleSetting = process.env.HABEAS_TEST_SHUFFLE;
const shuffleSeed = !shuffleSetting ? null : shuffleSetting === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number.parseInt(shuffleSetting, 10);
if (shuffleSetting && !Number.isInteger(shuffleSeed)) throw new Error(`HABEAS_TEST_SHUFFLE must be a number or "random", not ${shuffleSetting}`);

/** Fisher–Yates with a small seeded generator (mulberry32): the same seed gives the same order. */
function shuffled(files, seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...files];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

function findFiles(dir, suffix) {
  let found = [];
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.filter((file) => only.length === 0 || only.some((filter) => file.includes(filter))).sort();
}

/** Runs node's test runner over `files`, echoing its output; returns the pass/fail counts it reports. */
function runNodeTests(label, files, concurrency, env, saveOutputTo) {
  if (files.length === 0) return Promise.resolve({ passed: 0, failed: 0 });
  if (shuffleSeed !== null) files = shuffled(files, shuffleSeed);
  console.log(`\n── ${label}: ${files.length} file(s)${shuffleSeed === null ? '' : `, shuffled with HABEAS_TEST_SHUFFLE=${shuffleSeed}`}`);
  return new Promise((resolve) => {
    // A file whose tests are done exits even if something it started still holds the event loop (a run must end),
    // and a test that hangs fails after 15 minutes instead of holding the run until CI's limit.
    const flags = ['--test-force-exit', '--test-timeout=900000'];
    const child = spawn(process.execPath, ['--enable-source-maps', '--test', ...flags, `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', saveOutputTo ? 'pipe' : 'inherit'],
    });
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk) => {
      errors += chunk;
      process.stderr.write(chunk);
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    // The last guard: a runner still going after 40 minutes is stopped and counted as a failure, so CI gets its summary.
    const watchdog = setTimeout(() => {
      console.log(`\n${label}: still running after 40 minutes; stopped (the files above this line finished)`);
      child.kill('SIGKILL');
    }, 40 * 60_000);
    child.on('exit', (code) => {
      clearTimeout(watchdog);
      if (saveOutputTo) writeFileSync(saveOutputTo, output + errors);
      const count = (name) => Number(output.match(new RegExp(`^ℹ ${name} (\\d+)`, 'm'))?.[1] ?? 0);
      const passed = count('pass');
      // A runner that died without a summary counts as one failure, never as silence.
      const failed = count('fail') + count('cancelled') + (code !== 0 && count('fail') === 0 && count('cancelled') === 0 ? 1 : 0);
      resolve({ passed, failed });
    });
  });
}

async function prepareTemplate() {
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/src/database/embedded-postgres.js'));
  const { runMigrations } = require(join(root, 'dist/apps/api/src/database/migrate.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'habeas-test-pg-'));
  const server = await startEmbeddedPostgres(dataDir, (line) => console.log(`[postgres] ${line}`), { database: 'habeas_template' });
  try {
    await runMigrations(server.url);
    // pg-boss creates its schema on first start; do it once here so every cloned database has it.
    const PgBoss = require('pg-boss');
    const boss = new PgBoss({ connectionString: server.url, schema: 'pgboss', supervise: false, schedule: false });
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const started = Date.now();
await build();
const template = await prepareTemplate();
let totals = { passed: 0, failed: 0 };
const add = (result) => (totals = { passed: totals.passed + result.passed, failed: totals.failed + result.failed });
// The apps of the API and browser suites log at debug level into files here; the log scan then reads them
// (with what the runners printed) and fails on any secret or personal value found (log-scan.logscan.ts).
const logDir = mkdtempSync(join(tmpdir(), 'habeas-test-logs-'));
try {
  const env = { HABEAS_TEST_PG_URL: template.url, HABEAS_TEST_TEMPLATE: 'habeas_template', NODE_ENV: 'test' };
  const logged = { ...env, HABEAS_TEST_LOG_DIR: logDir };
  const dist = join(root, 'dist');
  add(await runNodeTests('unit', [...findFiles(join(dist, 'apps/api/src'), '.spec.js'), ...findFiles(join(root, 'libs/contracts/dist'), '.spec.js')], 2, env));
  add(await runNodeTests('API against PostgreSQL', findFiles(join(dist, 'apps/api/test'), '.e2e.js'), 2, logged, join(logDir, 'runner-api.out')));
  add(await runNodeTests('browser', findFiles(join(dist, 'apps/api/test'), '.browser.js'), 1, logged, join(logDir, 'runner-browser.out')));
  add(await runNodeTests('log scan', findFiles(join(dist, 'apps/api/test'), '.logscan.js'), 1, logged));
} finally {
  await template.stop();
  // HABEAS_TEST_KEEP_LOGS=1 keeps the suites' logs to read after a failed log scan.
  if (process.env.HABEAS_TEST_KEEP_LOGS === '1') console.log(`the suites' logs are kept in ${logDir}`);
  else rmSync(logDir, { recursive: true, force: true });
}
console.log(`\ntook ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
