import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { createEmptyDatabase } from './support/empty-database';
import { dropTestDatabase } from './support/test-app';

const repositoryRoot = join(__dirname, '../../../..');

describe('replicas starting together', () => {
  const apps: AppProcess[] = [];
  let url: string | undefined;
  after(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    if (url) await dropTestDatabase(url);
  });

  it('three instances started at once on an empty database all become ready, and each says once that no admin exists', async () => {
    url = await createEmptyDatabase();
    const env = { DATABASE_URL: url, APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'), SEED_DEMO: 'false', LOG_LEVEL: 'warn' };
    apps.push(...(await Promise.all([spawnApp(env), spawnApp(env), spawnApp(env)])));
    await Promise.all(apps.map((app) => waitUntilReady(app, 180_000)));
    for (const app of apps) {
      const output = app.output();
      assert.doesNotMatch(output, /deadlock|failed to start/i, output);
      assert.equal(output.match(/no admin account exists yet: create one with `npm run admin:create -- EMAIL \[NAME\]`/g)?.length, 1, output);
    }
    const health = await Promise.all(apps.map(async (app) => (await fetch(`${app.baseUrl}/api/health/ready`)).status));
    assert.deepEqual(health, [200, 200, 200]);
  });

  it('a second `npm start` on a data folder in use says so at once, before building anything', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'habeas-second-start-'));
    try {
      writeFileSync(join(dataDir, 'habeas.pid'), `${process.pid}\n`); // a live process holds the folder
      const child = spawn(process.execPath, [join(repositoryRoot, 'scripts/start.mjs')], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 1);
      assert.equal(output, `Habeas is already running with DATA_DIR ${dataDir} (pid ${process.pid}); stop it first, or set another DATA_DIR and PORT\n`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
