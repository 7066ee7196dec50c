import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Pool } from 'pg';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { checkoutSession, deliver, events, WEBHOOK_SECRET } from './support/stripe-events';
import { createTestDatabase, dropTestDatabase } from './support/test-app';
import { waitFor } from './support/wait-for';

type StripeEvent = { id: string; data: { object: { id: string } } };

/**
 * The stand-in for Stripe: it delivers each event until it gets a 2xx, never again after one (Stripe's rule:
 * an acknowledged event is done). An app that answers 2xx before its commit loses events here for good.
 */
function stripeDelivery(all: StripeEvent[], concurrency = 8) {
  const acknowledged = new Set<string>();
  let next = 0;
  let target = '';
  const senders = (baseUrl: string) => {
    target = baseUrl;
    next = 0;
    const pending = all.filter((event) => !acknowledged.has(event.id));
    return Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < pending.length) {
          const event = pending[next++];
          const result = await deliver(target, event).catch(() => ({ status: 0 }));
          if (result.status >= 200 && result.status < 300) acknowledged.add(event.id);
        }
      }),
    );
  };
  return { acknowledged, deliverPendingTo: senders };
}

describe('the API is killed with SIGKILL during webhook delivery', () => {
  let databaseUrl: string;
  let dataDir: string;
  let db: Pool;
  let env: Record<string, string>;
  const apps: AppProcess[] = [];
  before(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'habeas-crash-'));
    db = new Pool({ connectionString: databaseUrl, max: 2 });
    env = {
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
    for (const app of apps) if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await db?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every acknowledged event exactly once when Stripe retries only the unacknowledged ones', async () => {
    const first = await spawnApp(env);
    apps.push(first);
    await waitUntilReady(first);
    const all = Array.from({ length: 200 }, (_, i) =>
      events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 1000 + i })),
    ) as unknown as StripeEvent[];
    const stripe = stripeDelivery(all);
    const firstRound = stripe.deliverPendingTo(first.baseUrl);
    await waitFor('events acknowledged by the first instance', () => stripe.acknowledged.size >= 30);
    first.child.kill('SIGKILL');
    await firstRound;
    const acknowledgedByFirst = new Set(stripe.acknowledged);
    assert.ok(acknowledgedByFirst.size < all.length, 'the kill interrupted delivery');

    const second = await spawnApp(env);
    apps.push(second);
    await waitUntilReady(second);
    await stripe.deliverPendingTo(second.baseUrl);
    assert.equal(stripe.acknowledged.size, all.length, 'the second instance acknowledged every retried event');

    const ids = all.map((e) => e.id);
    const stored = await db.query<{ id: string; n: number }>(`select id, count(*)::int as n from stripe_events where id = any($1) group by id`, [ids]);
    const storedCount = new Map(stored.rows.map((row) => [row.id, row.n]));
    const lost = [...acknowledgedByFirst].filter((id) => storedCount.get(id) !== 1);
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledgedByFirst.size} events acknowledged before the kill were not stored exactly once`);
    assert.deepEqual(
      ids.filter((id) => storedCount.get(id) !== 1),
      [],
      'every event stored exactly once',
    );
    const sessions = all.map((e) => e.data.object.id);
    const donations = await db.query(
      `select count(*)::int as n, count(distinct stripe_session_id)::int as d from donations where stripe_session_id = any($1)`,
      [sessions],
    );
    assert.deepEqual(donations.rows[0], { n: all.length, d: all.length }, 'one donation per session, none lost, none doubled');

    // Stripe may still deliver an acknowledged event again (at least once): nothing changes.
    for (const event of all.slice(0, 10)) assert.equal((await deliver(second.baseUrl, event)).status, 200);
    const again = await db.query(`select count(*)::int as n from donations where stripe_session_id = any($1)`, [sessions]);
    assert.equal(again.rows[0].n, all.length, 'a repeated event changes nothing');
    await second.stop();
  });
});
