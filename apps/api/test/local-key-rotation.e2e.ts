import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { keyId } from '../src/config/local-secrets';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { runApiCli } from './support/cli';
import { HttpClient } from './support/http-client';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const DEMO_PASSWORD = 'rotation-demo-password';

async function firstIncident(baseUrl: string, password = DEMO_PASSWORD): Promise<{ id: string; description: string }> {
  const medic = new HttpClient(baseUrl);
  assert.equal((await medic.post('/api/auth/login', { email: 'medic@demo.local', password })).status, 200);
  const list = await medic.get('/api/cases/vorontsov/medical-incidents?limit=1');
  const incident = await medic.get(`/api/medical-incidents/${list.body.items[0].id}`);
  assert.equal(incident.status, 200, incident.text);
  return { id: incident.body.id, description: incident.body.description };
}

function localKeyId(dataDir: string): string {
  return keyId(Buffer.from(readFileSync(join(dataDir, 'secrets', 'encryption.key'), 'utf8').trim(), 'base64'));
}

describe('rotating the local encryption key', () => {
  const root = mkdtempSync(join(tmpdir(), 'habeas-rotation-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const apps: AppProcess[] = [];
  after(async () => {
    for (const app of apps) await app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses while the app runs, then writes a new key that the next start uses, and the data reads the same (DEMO_PASSWORD reset too)', async () => {
    const first = await spawnApp({ DATA_DIR: dataDir, DEMO_PASSWORD });
    apps.push(first);
    await waitUntilReady(first);
    const before = await firstIncident(first.baseUrl);
    const oldKey = localKeyId(dataDir);

    const refused = await runApiCli('database/reencrypt.js', ['--new-key'], { DATA_DIR: dataDir });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Habeas is already running with DATA_DIR .* stop it first/);
    assert.equal(localKeyId(dataDir), oldKey, 'nothing changed');
    await first.stop();

    const rotated = await runApiCli('database/reencrypt.js', ['--new-key'], { DATA_DIR: dataDir });
    assert.equal(rotated.code, 0, rotated.stderr);
    const newKey = localKeyId(dataDir);
    assert.notEqual(newKey, oldKey);
    assert.match(rotated.stdout, new RegExp(`new local key ${newKey} written to .*/secrets/encryption.key`));
    assert.match(rotated.stdout, /re-encrypted \d+ value\(s\) in medical_incidents\.description/);
    assert.match(rotated.stdout, new RegExp(`done: every encrypted field is sealed under key ${newKey}; key\\(s\\) ${oldKey} no longer needed and removed`));
    assert.equal(readFileSync(join(dataDir, 'secrets', 'encryption.old.keys'), 'utf8'), '', 'the retired key is gone');

    // Also a lost demo password: DEMO_PASSWORD on a later start resets the demo users' passwords.
    const second = await spawnApp({ DATA_DIR: dataDir, DEMO_PASSWORD: 'a-new-demo-password' });
    apps.push(second);
    await waitUntilReady(second);
    assert.deepEqual(await firstIncident(second.baseUrl, 'a-new-demo-password'), before);
  });

  it('tells an operator whose key comes from APP_ENCRYPTION_KEY how to rotate it', async () => {
    const url = await createTestDatabase();
    try {
      const result = await runApiCli('database/reencrypt.js', ['--new-key'], { DATABASE_URL: url, APP_ENCRYPTION_KEY: randomBytes(32).toString('hex') });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /comes from APP_ENCRYPTION_KEY, so it is yours to rotate: set APP_ENCRYPTION_KEY to a new key .* APP_ENCRYPTION_KEYS_OLD/);
    } finally {
      await dropTestDatabase(url);
    }
  });
});
