import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { spawnApp, waitUntilReady } from './support/app-process';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

/** What a person sees when the app starts: a few readable lines, no framework wiring report, no warnings. */
describe('start-up output', () => {
  let url: string;
  const key = randomBytes(32).toString('hex'); // both starts share the database, so they share its key
  before(async () => {
    url = await createTestDatabase();
  });
  after(async () => {
    if (url) await dropTestDatabase(url);
  });

  const startAndCollect = async (env: Record<string, string>) => {
    const app = await spawnApp({ DATABASE_URL: url, APP_ENCRYPTION_KEY: key, SEED_DEMO: 'false', LOG_LEVEL: 'info', ...env });
    try {
      await waitUntilReady(app);
      return app.output().split('\n').filter(Boolean);
    } finally {
      await app.stop();
    }
  };

  it('logs JSON when stdout is not a terminal, without Nest wiring lines or framework warnings', async () => {
    const lines = await startAndCollect({});
    const records = lines.map((line) => JSON.parse(line) as { level: number; context?: string; msg: string });
    assert.ok(records.some((r) => /Habeas is listening on http:\/\/localhost:\d+/.test(r.msg)), lines.join('\n'));
    const wiring = records.filter((r) => ['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication'].includes(r.context ?? ''));
    assert.deepEqual(wiring, []);
    // The one warning a fresh database deserves: how to create the first admin.
    const warnings = records.filter((r) => r.level >= 40).map((r) => r.msg);
    assert.deepEqual(warnings, ['no admin account exists yet: create one with `npm run admin:create -- EMAIL [NAME]`']);
    assert.ok(records.length <= 6, `start-up says ${records.length} things:\n${lines.join('\n')}`);
  });

  it('writes one readable line per event with LOG_FORMAT=pretty (what a terminal gets)', async () => {
    const lines = await startAndCollect({ LOG_FORMAT: 'pretty' });
    assert.ok(lines.every((line) => !line.trimStart().startsWith('{')), lines.join('\n'));
    assert.ok(lines.some((line) => /^\[\d\d:\d\d:\d\d\] INFO: main: Habeas is listening on http:\/\/localhost:\d+/.test(line)), lines.join('\n'));
    assert.ok(lines.some((line) => /^\[\d\d:\d\d:\d\d\] WARN: main: no admin account exists yet/.test(line)), lines.join('\n'));
  });
});
