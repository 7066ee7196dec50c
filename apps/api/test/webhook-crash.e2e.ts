import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Pool } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { checkoutSession, deliver, events, WEBHOOK_SECRET } from './support/stripe-events';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The production entry point as its own process, so it can be killed with SIGKILL mid-delivery. */
async function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '../src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if ((await fetch(`${baseUrl}/api/health/ready`).catch(() => null))?.ok) return { child, baseUrl };
    await sleep(100);
  }
  throw new Error('the API did not become ready');
}

describe('the API is killed with SIGKILL during webhook delivery', () => {
  let databaseUrl: string;
  let dataDir: string;
  let db: Pool;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];
  before(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'habeas-crash-'));
    db = new Pool({ connectionString: databaseUrl, max: 2 });
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'demo-password-for-tests-1',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_SECRET_KEY: 'sk_test_crash',
      LOG_LEVEL: 'silent',
    };
  });
  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records every event Stripe would retry exactly once after the restart', async () => {
    const first = await startApi(env);
    children.push(first.child);
    const all = Array.from({ length: 120 }, (_, i) => events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 1000 + i })));
    const acknowledged = new Set<string>();
    let sent = 0;
    const senders = Array.from({ length: 8 }, async () => {
      while (sent < all.length) {
        const event = all[sent++] as unknown as { id: string };
        const result = await deliver(first.baseUrl, event).catch(() => ({ status: 0, body: null }));
        if (result.status >= 200 && result.status < 300) acknowledged.add(event.id);
      }
    });
    await sleep(300);
    first.child.kill('SIGKILL');
    await Promise.all(senders);
    assert.ok(acknowledged.size < all.length, 'the kill interrupted delivery');

    // Stripe retries what it did not get a 2xx for, and may deliver the rest again too.
    const second = await startApi(env);
    children.push(second.child);
    for (const event of all as unknown as Array<{ id: string }>) {
      const result = await deliver(second.baseUrl, event);
      assert.ok(result.status >= 200 && result.status < 300, `redelivery of ${event.id}: ${result.status}`);
    }
    const ids = (all as unknown as Array<{ id: string; data: { object: { id: string } } }>).map((e) => e.id);
    const stored = await db.query(`select count(*)::int as n from stripe_events where id = any($1)`, [ids]);
    assert.equal(stored.rows[0].n, all.length);
    const sessions = (all as unknown as Array<{ data: { object: { id: string } } }>).map((e) => e.data.object.id);
    const donations = await db.query(
      `select count(*)::int as n, count(distinct stripe_session_id)::int as d from donations where stripe_session_id = any($1)`,
      [sessions],
    );
    assert.deepEqual(donations.rows[0], { n: all.length, d: all.length }, 'one donation per session, none lost, none doubled');
    second.child.kill('SIGTERM');
  });
});
