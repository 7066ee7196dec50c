import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FieldCipher } from '../src/common/crypto/field-cipher';
import { keyId } from '../src/config/local-secrets';
import { startTestApp, type TestApp } from './support/test-app';

function runReencrypt(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [join(__dirname, '../src/database/reencrypt.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('re-encryption under a new key', () => {
  let t: TestApp;
  const oldKey = randomBytes(32).toString('hex');
  const newKey = randomBytes(32).toString('hex');
  before(async () => {
    t = await startTestApp({ env: { APP_ENCRYPTION_KEY: oldKey } });
  });
  after(async () => {
    await t?.close();
  });

  it('re-seals every encrypted field so the app reads them with only the new key', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', {
      occurredAt: new Date().toISOString(),
      type: 'check_up',
      severity: 'low',
      source: 'family',
      description: 'rotated description',
      outcome: 'rotated outcome',
      vitals: [{ at: new Date().toISOString(), pulse: 77 }],
    });
    assert.equal(created.status, 201);
    const oldId = keyId(Buffer.from(oldKey, 'hex'));
    const newId = keyId(Buffer.from(newKey, 'hex'));

    const refused = await runReencrypt({ DATABASE_URL: t.databaseUrl, DATA_DIR: t.config.dataDir, APP_ENCRYPTION_KEY: newKey });
    assert.notEqual(refused.code, 0, 'without the old key it cannot read, and says so');
    assert.match(refused.out, /unknown key id/);

    const run = await runReencrypt({ DATABASE_URL: t.databaseUrl, DATA_DIR: t.config.dataDir, APP_ENCRYPTION_KEY: newKey, APP_ENCRYPTION_KEYS_OLD: oldKey });
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /medical_incidents\.description/);
    const rows = await t.db.query(`select description, outcome, vitals from medical_incidents`);
    assert.ok(rows.rowCount! > 0);
    for (const row of rows.rows) for (const value of Object.values(row)) if (value !== null) assert.equal(FieldCipher.keyIdOf(String(value)), newId);
    const leftovers = await t.db.query(`select count(*)::int as n from medical_incidents where description like $1 or outcome like $1 or vitals like $1`, [
      `v1:${oldId}:%`,
    ]);
    assert.equal(leftovers.rows[0].n, 0);

    // A second app with only the new key reads what the first sealed with the old one.
    const fresh = await startTestApp({ databaseUrl: t.databaseUrl, seed: false, env: { APP_ENCRYPTION_KEY: newKey } });
    try {
      const reader = await fresh.signIn('lawyer@demo.local');
      const one = await reader.get(`/api/medical-incidents/${created.body.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.description, 'rotated description');
      assert.equal(one.body.vitals[0].pulse, 77);
    } finally {
      await fresh.close();
      FieldCipher.configure({ id: oldId, key: Buffer.from(oldKey, 'hex') });
    }

    const again = await runReencrypt({ DATABASE_URL: t.databaseUrl, DATA_DIR: t.config.dataDir, APP_ENCRYPTION_KEY: newKey });
    assert.equal(again.code, 0, 'a rerun finds nothing left to do');
  });
});
