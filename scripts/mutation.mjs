// `npm run test:mutation`: StrykerJS over the code where a bug costs most, each file against its focused tests.
// Mutants are placed in the compiled JavaScript (dist/), so no mutant needs a TypeScript build; the command runner
// runs the focused test files once per mutant. Prints the mutation score per file and writes docs/mutation-score.md.
//   node scripts/mutation.mjs [substring …]   only the targets whose file matches
//   HABEAS_MUTATION_SLOW=1                     also the targets whose tests run against PostgreSQL (minutes per mutant)
//   HABEAS_MUTATION_CONCURRENCY=N              mutants tested at once (default 1). Safe in place: every mutant is in the
//                                              instrumented file once and is switched on by an environment variable.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from './lib.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const api = 'dist/apps/api/src';

/** What is mutated, and the tests that must notice. Slow targets need the test PostgreSQL (set up below). */
const targets = [
  {
    area: 'access policy',
    file: 'libs/contracts/dist/permissions.js',
    tests: ['libs/contracts/dist/permissions.spec.js', 'libs/contracts/dist/permissions-table.spec.js'],
  },
  { area: 'field cipher', file: `${api}/common/crypto/field-cipher.js`, tests: [`${api}/common/crypto/field-cipher.spec.js`] },
  {
    area: 'legal action status machine',
    file: `${api}/detention/legal-action-status.js`,
    tests: [`${api}/detention/legal-action-status.spec.js`, `${api}/detention/legal-action-status-table.spec.js`],
  },
  { area: 'legal step rules (alerts → steps)', file: `${api}/detention/legal-step-rules.js`, tests: [`${api}/detention/legal-step-rules.spec.js`] },
  { area: 'access guard', file: `${api}/auth/access.guard.js`, tests: [`${api}/auth/access.guard.spec.js`] },
  { area: 'case access', file: `${api}/cases/case-access.service.js`, tests: [`${api}/cases/case-access.service.spec.js`], database: true },
  { area: 'vital-sign alert rules', file: 'libs/contracts/dist/vital-rules.js', tests: ['libs/contracts/dist/vital-rules.spec.js'] },
  { area: 'incident alert rule', file: `${api}/medical/incident-alert-rule.js`, tests: [`${api}/medical/incident-alert-rule.spec.js`] },
  {
    area: 'Stripe events',
    file: `${api}/donations/stripe-events.service.js`,
    tests: [`${api}/donations/stripe-events.service.spec.js`, `${api}/donations/stripe-events-reconcile.spec.js`],
    database: true,
  },
  {
    area: 'Stripe event effects',
    file: `${api}/donations/stripe-event-effects.js`,
    tests: [`${api}/donations/stripe-event-effects.spec.js`],
    database: true,
  },
  { area: 'ledger (rules)', file: `${api}/donations/money-ledger.service.js`, tests: [`${api}/donations/money-ledger.service.spec.js`], database: true },
  { area: 'ledger (SQL)', file: `${api}/donations/money-ledger.repository.js`, tests: [`${api}/donations/money-ledger.service.spec.js`], database: true },
];

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The migrated template database the API tests clone (as `npm test` makes it). */
async function testDatabase() {
  const { startEmbeddedPostgres } = require(join(root, `${api}/database/embedded-postgres.js`));
  const { runMigrations } = require(join(root, `${api}/database/migrate.js`));
  const dataDir = mkdtempSync(join(tmpdir(), 'habeas-mutation-pg-'));
  const server = await startEmbeddedPostgres(dataDir, () => undefined, { database: 'habeas_template' });
  await runMigrations(server.url);
  const PgBoss = require('pg-boss');
  const boss = new PgBoss({ connectionString: server.url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  return {
    env: { HABEAS_TEST_PG_URL: server.url, HABEAS_TEST_TEMPLATE: 'habeas_template', NODE_ENV: 'test' },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The line after the compiler's preamble: `"use strict"`, helper declarations (`var __x = …;`) and the __esModule marker. */
function firstOwnLine(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let line = 0;
  let inHelper = false;
  for (; line < lines.length; line++) {
    const text = lines[line];
    if (inHelper) {
      if (/^};?\s*$/.test(text) || /^var __\w+ = .*;\s*$/.test(text)) inHelper = /^var __/.test(text) && !/;\s*$/.test(text);
      continue;
    }
    if (text === '"use strict";' || /^Object\.defineProperty\(exports, "__esModule"/.test(text)) continue;
    if (/^var __\w+ = /.test(text)) {
      inHelper = !/;\s*$/.test(text) || /\{\s*$/.test(text);
      continue;
    }
    break;
  }
  return line + 1;
}

const slow = process.env.HABEAS_MUTATION_SLOW === '1';
const chosen = targets.filter((t) => (only.length === 0 || only.some((o) => t.file.includes(o))) && (slow || !t.slow || only.length > 0));
await build();
const database = chosen.some((t) => t.slow || t.database) ? await testDatabase() : null;
const { Stryker } = await import('@stryker-mutator/core');
const rows = [];
try {
  for (const target of chosen) {
    const missing = [target.file, ...target.tests].filter((file) => !existsSync(join(root, file)));
    if (missing.length) {
      console.log(`\n── ${target.area}: skipped, missing ${missing.join(', ')}`);
      rows.push({ ...target, score: null, note: `not run: ${missing.join(', ')} missing` });
      continue;
    }
    console.log(`\n── ${target.area}: mutating ${target.file}`);
    const stryker = new Stryker({
      // The compiler's preamble ("use strict", the __decorate/__metadata helpers it emits for decorators, __esModule)
      // is not ours to test: mutation starts on the first line of the file's own code.
      mutate: [`${target.file}:${firstOwnLine(join(root, target.file))}-100000`],
      testRunner: 'command',
      commandRunner: { command: `node --test --test-reporter=dot ${target.tests.join(' ')}` },
      coverageAnalysis: 'off',
      inPlace: true,
      // Mutants live in compiled JavaScript: no file needs its type checks turned off (the default would touch every src/test file).
      disableTypeChecks: false,
      concurrency: Math.max(1, Number(process.env.HABEAS_MUTATION_CONCURRENCY) || 1),
      timeoutMS: target.slow ? 600_000 : target.database ? 60_000 : 30_000,
      reporters: ['clear-text'],
      clearTextReporter: { allowColor: false, logTests: false },
      logLevel: 'warn',
    });
    if (database) Object.assign(process.env, database.env);
    const started = Date.now();
    const results = await stryker.runMutationTest();
    const seconds = Math.round((Date.now() - started) / 1000);
    const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
    const detected = count('Killed', 'Timeout');
    const undetected = count('Survived', 'NoCoverage');
    const score = detected + undetected === 0 ? null : (100 * detected) / (detected + undetected);
    const survivors = results
      .filter((r) => r.status === 'Survived')
      .map((r) => `line ${r.location.start.line}: ${r.mutatorName} → \`${(r.replacement ?? '').slice(0, 60)}\``);
    rows.push({ ...target, score, detected, undetected, survivors, seconds, note: '' });
  }
} finally {
  await database?.stop();
}

console.log('\nmutation score per file');
for (const row of rows) console.log(`${row.score === null ? '   —  ' : `${row.score.toFixed(1).padStart(5)}%`}  ${row.area} (${row.file}) ${row.note}`);

// A partial run keeps the recorded rows of the files it did not run (with their own dates).
const recorded = existsSync(join(root, 'docs/mutation-score.md')) ? readFileSync(join(root, 'docs/mutation-score.md'), 'utf8') : '';
const runAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
const previousRows = recorded
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| area') && !rows.some((row) => line.includes(`\`${row.file}\``)))
  // Rows recorded before the duration column had one cell fewer.
  .map((line) => (line.split(' | ').length === 6 ? line.replace(/ \|$/, ' | — |') : line));
// Hand-written explanations of survivors live under this heading at the end of the file and are kept as they are.
const NOTES = '## Survivors explained';
const notes = recorded.includes(`\n${NOTES}\n`) ? recorded.slice(recorded.indexOf(`\n${NOTES}\n`) + 1).trimEnd() : '';
const previousSurvivors = recorded
  .slice(0, notes ? recorded.indexOf(`\n${NOTES}\n`) : undefined)
  .split(/\n(?=Surviving mutants in )/)
  .filter((part) => part.startsWith('Surviving mutants in ') && !rows.some((row) => part.startsWith(`Surviving mutants in \`${row.file}\``)))
  .map((part) => part.trimEnd());
const lines = [
  '# Mutation score',
  '',
  'Written by `npm run test:mutation` (`-- <file substring>` runs some files; `HABEAS_MUTATION_RECORD=1` records a partial run).',
  'Target: 80 % or more per file. Mutants are placed in the compiled JavaScript; each runs the focused tests below.',
  'Case access, the ledger and Stripe events run their specs against a cloned PostgreSQL template (started by the script),',
  'without starting the app; the API tests (donations-webhooks.e2e, donations-checkout.e2e, stripe-shapes.e2e, access-matrix.e2e) cover the same code end to end.',
  '',
  '| area | file | tests | score | killed / survived | run (UTC) | took |',
  '|---|---|---|---|---|---|---|',
  ...previousRows,
  ...rows.map(
    (row) =>
      `| ${row.area} | \`${row.file}\` | ${row.tests.map((t) => `\`${t.split('/').pop()}\``).join(', ')} | ${row.score === null ? row.note : `${row.score.toFixed(1)} %`} | ${row.score === null ? '' : `${row.detected} / ${row.undetected}`} | ${runAt} | ${row.seconds === undefined ? '' : `${Math.floor(row.seconds / 60)} min ${row.seconds % 60} s`} |`,
  ),
  '',
  ...previousSurvivors.flatMap((part) => [part, '']),
  ...rows.filter((row) => row.survivors?.length).flatMap((row) => [`Surviving mutants in \`${row.file}\`:`, '', ...row.survivors.map((s) => `- ${s}`), '']),
  ...(notes ? [notes, ''] : []),
];
if (only.length === 0 || process.env.HABEAS_MUTATION_RECORD === '1') writeFileSync(join(root, 'docs/mutation-score.md'), `${lines.join('\n')}\n`);
process.exit(rows.some((row) => row.score !== null && row.score < 80) ? 1 : 0);
