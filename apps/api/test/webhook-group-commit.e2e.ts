import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FakeStripe } from './support/fake-stripe';
import { checkoutSession, deliver, events } from './support/stripe-events';
import { startStripeTestApp, stopStripeTestApp } from './support/stripe-test-app';
import type { TestApp } from './support/test-app';

/** Webhook events arriving together commit together; each is still stored once and counted once. */
describe('webhook events in a burst (group commit)', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  before(async () => ({ t, stripe } = await startStripeTestApp()));
  after(() => stopStripeTestApp({ t, stripe }));

  const raised = async () =>
    Number(
      (
        await t.db.query(
          `select coalesce(sum(raised_minor), 0) as n from campaign_totals t join cases c on c.id = t.case_id where c.slug = 'vorontsov' and t.currency = 'EUR'`,
        )
      ).rows[0].n,
    );

  it('acknowledges 60 events sent at once, stores each once, and a redelivery among them counts once', async () => {
    const before = await raised();
    const distinct = Array.from({ length: 60 }, () => events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 1500 })));
    const repeated = distinct[0];
    const responses = await Promise.all([...distinct, repeated, repeated, repeated].map((event) => deliver(t.baseUrl, event)));
    assert.deepEqual(
      responses.map((r) => r.status),
      responses.map(() => 200),
    );
    assert.equal(responses.filter((r) => r.body.duplicate).length, 3, 'the three redeliveries are duplicates');
    const ids = distinct.map((event) => event.id);
    const stored = await t.db.query(`select id from stripe_events where id = any($1)`, [ids]);
    assert.equal(stored.rowCount, 60);
    const sessions = distinct.map((event) => (event.data.object as { id: string }).id);
    const donations = await t.db.query(`select stripe_session_id from donations where stripe_session_id = any($1) and status = 'paid'`, [sessions]);
    assert.equal(donations.rowCount, 60);
    assert.equal((await raised()) - before, 60 * 1500, 'the totals count every event once');
  });

  it('keeps an event that cannot be applied apart from the good ones in the same burst', async () => {
    const good = Array.from({ length: 10 }, () => events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 700 })));
    const stray = events.sessionCompleted(checkoutSession({ campaign: 'no-such-campaign', amount: 700 }));
    const responses = await Promise.all([...good.slice(0, 5), stray, ...good.slice(5)].map((event) => deliver(t.baseUrl, event)));
    assert.ok(responses.every((r) => r.status === 200));
    assert.equal(responses[5].body.needsAttention, true);
    assert.equal(responses.filter((r) => r.body.needsAttention).length, 1);
    const stored = await t.db.query(`select count(*)::int as n from stripe_events where id = any($1)`, [good.map((event) => event.id)]);
    assert.equal(stored.rows[0].n, 10);
  });
});
