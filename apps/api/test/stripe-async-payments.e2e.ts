import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FakeStripe } from './support/fake-stripe';
import { checkoutSession, deliver, events, uid } from './support/stripe-events';
import { startStripeTestApp, stopStripeTestApp } from './support/stripe-test-app';
import type { TestApp } from './support/test-app';

/**
 * Bank debits and vouchers: Checkout completes unpaid, and the money arrives (or not) days later as
 * checkout.session.async_payment_succeeded / async_payment_failed.
 */
describe('Stripe asynchronous payments', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  before(async () => ({ t, stripe } = await startStripeTestApp()));
  after(() => stopStripeTestApp({ t, stripe }));

  /** A donation begun on the public page: pending, with its Checkout Session. */
  async function pending(amountMinor: number): Promise<{ id: string; sessionId: string }> {
    const checkout = await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor, currency: 'EUR', anonymous: true });
    assert.equal(checkout.status, 201, checkout.text);
    const sessionId = checkout.body.url.split('/').pop();
    const [row] = (await t.db.query(`select id from donations where stripe_session_id = $1`, [sessionId])).rows;
    return { id: row.id, sessionId };
  }

  async function state(donationId: string) {
    const [row] = (
      await t.db.query(
        `select d.status, d.paid_minor::int as paid, (select count(*)::int from ledger_entries l where l.donation_id = d.id) as entries,
                (select count(*)::int from donation_payments p where p.donation_id = d.id) as payments
           from donations d where d.id = $1`,
        [donationId],
      )
    ).rows;
    return row;
  }

  const raisedEur = async () =>
    (await t.db.query(`select coalesce(sum(raised_minor), 0)::int as n from campaign_totals where currency = 'EUR'`)).rows[0].n as number;

  it('keeps an unpaid completed session pending, then records it paid exactly once when the payment succeeds', async () => {
    const { id, sessionId } = await pending(2600);
    const session = checkoutSession({ id: sessionId, reference: id, campaign: 'vorontsov', amount: 2600, paymentIntent: uid('pi'), paid: false });
    const raised = await raisedEur();
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
    assert.deepEqual(await state(id), { status: 'pending', paid: 0, entries: 0, payments: 0 });

    const succeeded = events.asyncSucceeded(session);
    const first = await deliver(t.baseUrl, succeeded);
    assert.equal(first.status, 200);
    assert.equal(first.body.duplicate, false);
    assert.deepEqual(await state(id), { status: 'paid', paid: 2600, entries: 1, payments: 1 });
    const again = await deliver(t.baseUrl, succeeded);
    assert.equal(again.body.duplicate, true);
    assert.deepEqual(await state(id), { status: 'paid', paid: 2600, entries: 1, payments: 1 });
    assert.equal((await raisedEur()) - raised, 2600);
  });

  it('marks the donation failed when the payment fails, and moves no money', async () => {
    const { id, sessionId } = await pending(1900);
    const session = checkoutSession({ id: sessionId, reference: id, campaign: 'vorontsov', amount: 1900, paymentIntent: uid('pi'), paid: false });
    const raised = await raisedEur();
    await deliver(t.baseUrl, events.sessionCompleted(session));
    assert.equal((await deliver(t.baseUrl, events.asyncFailed(session))).status, 200);
    assert.deepEqual(await state(id), { status: 'failed', paid: 0, entries: 0, payments: 0 });
    assert.equal(await raisedEur(), raised);
  });

  it('never lets a late failure notice undo a payment that arrived', async () => {
    const { id, sessionId } = await pending(1100);
    const session = checkoutSession({ id: sessionId, reference: id, campaign: 'vorontsov', amount: 1100, paymentIntent: uid('pi') });
    await deliver(t.baseUrl, events.sessionCompleted(session));
    assert.deepEqual(await state(id), { status: 'paid', paid: 1100, entries: 1, payments: 1 });
    await deliver(t.baseUrl, events.asyncFailed(session));
    assert.deepEqual(await state(id), { status: 'paid', paid: 1100, entries: 1, payments: 1 });
  });

  it('creates a Payment Link donation only once its asynchronous payment succeeds', async () => {
    const session = checkoutSession({ reference: null, campaign: 'vorontsov', amount: 3700, paymentIntent: uid('pi'), paid: false });
    const ofSession = async () => (await t.db.query(`select id from donations where stripe_session_id = $1`, [session.id])).rows;
    await deliver(t.baseUrl, events.sessionCompleted(session));
    assert.deepEqual(await ofSession(), [], 'nothing is recorded for money that has not arrived');
    await deliver(t.baseUrl, events.asyncFailed(session));
    assert.deepEqual(await ofSession(), []);
    await deliver(t.baseUrl, events.asyncSucceeded(session));
    const rows = await ofSession();
    assert.equal(rows.length, 1);
    assert.deepEqual(await state(rows[0].id), { status: 'paid', paid: 3700, entries: 1, payments: 1 });
  });
});
