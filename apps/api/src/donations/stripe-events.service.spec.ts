import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkoutSession, events, uid } from '../../test/support/stripe-events';
import { shapes } from '../../test/support/stripe-shapes';
import { stripeEventsHarness } from '../../test/support/stripe-events-harness';

/** Stripe events against a real PostgreSQL, without the app: each event's effect, once, in one transaction. */
describe('Stripe events', () => {
  const h = stripeEventsHarness();
  const { record, pending, donation, issue } = h;
  const { mails, jobs } = h;

  it('applies a completed session once, links it to its donation, and queues the fee look-up', async () => {
    const id = await pending();
    const pi = uid('pi');
    const session = checkoutSession({ reference: id, amount: 5000, paymentIntent: pi });
    const event = events.sessionCompleted(session);
    assert.equal(await record(event), 'applied');
    assert.equal(await record(event), 'duplicate');
    const row = await donation(id);
    assert.deepEqual([row.status, row.paid, row.stripe_session_id], ['paid', 5000, session.id]);
    assert.deepEqual(
      jobs.filter((j) => JSON.stringify(j.data).includes(pi)),
      [
        {
          name: 'donations.fees',
          data: { ref: pi },
          options: { singletonKey: `fee:${pi}`, retryLimit: 5, retryDelay: 60, retryBackoff: true },
          onTransaction: true,
        },
      ],
    );
    const [stored] = (await h.pool.query(`select type, source from stripe_events where id = $1`, [event.id])).rows;
    assert.deepEqual(stored, { type: 'checkout.session.completed', source: 'webhook' });
  });

  it('records a session without a payment intent under its own id, and an unpaid one not at all until its money arrives', async () => {
    const id = await pending();
    const session: Record<string, unknown> = { ...checkoutSession({ reference: id, amount: 2000, paid: false }), payment_intent: null };
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.deepEqual([(await donation(id)).status, (await donation(id)).paid], ['pending', 0]);
    assert.equal(await record(events.asyncSucceeded(session)), 'applied');
    assert.equal((await donation(id)).paid, 2000);
    assert.equal((await h.pool.query(`select count(*)::int as n from donation_payments where payment_ref = $1`, [session.id])).rows[0].n, 1);
  });

  it('fails a pending donation whose delayed payment failed, but never a paid one', async () => {
    const failing = await pending();
    await record(events.asyncFailed(checkoutSession({ reference: failing, amount: 5000, paid: false })));
    assert.equal((await donation(failing)).status, 'failed');
    const paid = await pending();
    const session = checkoutSession({ reference: paid, amount: 5000 });
    await record(events.sessionCompleted(session));
    await record(events.asyncFailed(session));
    assert.equal((await donation(paid)).status, 'paid');
  });

  it('creates a Payment Link donation with its donor for a known campaign, and holds one for an unknown campaign', async () => {
    const session = checkoutSession({ campaign: h.slug, amount: 3300, email: 'link.donor@example.org' });
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    const [created] = (await h.pool.query(`select id, kind, method, donor_id, currency from donations where stripe_session_id = $1`, [session.id])).rows;
    assert.deepEqual([created.kind, created.method, created.currency], ['one_off', 'stripe_payment_link', 'EUR']);
    assert.ok(created.donor_id);
    assert.equal((await donation(created.id)).paid, 3300);

    const lost = events.sessionCompleted(checkoutSession({ campaign: 'no-such-campaign', amount: 3300 }));
    assert.equal(await record(lost), 'needs_attention');
    assert.deepEqual(await issue(lost.id), { reason: 'unknown_campaign', wait_key: null, held: true, resolved: false });
    const [{ payload }] = (await h.pool.query(`select payload from stripe_event_issues where event_id = $1`, [lost.id])).rows;
    assert.match(payload, /^v2:feed0001:/, 'held sealed');
    assert.equal(await record(lost), 'needs_attention', 'a redelivery is tried again, not taken as a duplicate');
    assert.equal((await h.pool.query(`select attempts from stripe_event_issues where event_id = $1`, [lost.id])).rows[0].attempts, 2);
  });

  it('refuses a session without an amount or in a currency it does not know', async () => {
    const noAmount = events.sessionCompleted({ ...checkoutSession({ campaign: h.slug, amount: 1 }), amount_total: null });
    assert.equal(await record(noAmount), 'needs_attention');
    assert.equal((await issue(noAmount.id)).reason, 'missing_amount');
    const odd = events.sessionCompleted(checkoutSession({ campaign: h.slug, amount: 100, currency: 'xxq' }));
    assert.equal(await record(odd), 'needs_attention');
    assert.equal((await issue(odd.id)).reason, 'unsupported_currency');
    const id = await pending();
    const ours = events.sessionCompleted({ ...checkoutSession({ reference: id, amount: 1 }), amount_total: 0 });
    assert.equal(await record(ours), 'needs_attention');
    assert.equal((await issue(ours.id)).reason, 'missing_amount');
  });

  it('holds a month paid before its subscription is known, and applies it when the subscription is linked', async () => {
    const id = await pending('recurring', 1500);
    const subscription = uid('sub');
    const early = events.invoicePaid(subscription, uid('pi'), 1500);
    assert.equal(await record(early), 'needs_attention');
    assert.deepEqual(await issue(early.id), { reason: 'unknown_subscription', wait_key: `sub:${subscription}`, held: true, resolved: false });
    const session = checkoutSession({ reference: id, amount: 1500, mode: 'subscription', subscription });
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.deepEqual(await issue(early.id), { reason: 'unknown_subscription', wait_key: `sub:${subscription}`, held: false, resolved: true });
    const row = await donation(id);
    assert.deepEqual([row.stripe_subscription_id, row.subscription_status, row.paid, row.status], [subscription, 'active', 1500, 'paid']);
    assert.equal(await record(events.invoicePaid(subscription, uid('pi'), 1500)), 'applied');
    assert.equal((await donation(id)).paid, 3000);
  });

  it('marks a monthly gift at risk on a failed payment, mails the donor, and clears it on the next paid month', async () => {
    const id = await pending('recurring', 1500);
    const subscription = uid('sub');
    await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 1500, mode: 'subscription', subscription })));
    const before = mails.length;
    assert.equal(await record(shapes.invoicePaymentFailed(subscription)), 'applied');
    const row = await donation(id);
    assert.deepEqual([row.subscription_status, row.at_risk], ['past_due', true]);
    assert.match(row.update_card_url, /^https:\/\/invoice\.stripe\.com\//);
    assert.equal(mails.length, before, 'no donor identity, no mail');
    await record(events.invoicePaid(subscription, uid('pi'), 1500));
    const cleared = await donation(id);
    assert.deepEqual([cleared.subscription_status, cleared.at_risk, cleared.update_card_url], ['active', false, null]);
    assert.equal(await record(events.subscriptionDeleted(subscription)), 'applied');
    assert.deepEqual([(await donation(id)).subscription_status, (await donation(id)).canceled], ['canceled', true]);
    assert.equal(await record(shapes.invoicePaymentFailed(subscription)), 'applied');
    assert.equal((await donation(id)).subscription_status, 'canceled', 'a canceled gift is not put at risk again');
  });

  it('finds a monthly gift by the donation named in the subscription when the subscription id is new', async () => {
    const id = await pending('recurring', 1500);
    const subscription = uid('sub');
    assert.equal(await record(events.invoicePaid(subscription, uid('pi'), 1500, 'eur', id)), 'applied');
    assert.deepEqual([(await donation(id)).stripe_subscription_id, (await donation(id)).paid], [subscription, 1500]);
    const unknown = events.subscriptionDeleted(uid('sub'));
    assert.equal(await record(unknown), 'needs_attention');
    assert.equal((await issue(unknown.id)).reason, 'unknown_subscription');
  });

  it('applies refunds and disputes in any order, and a closed dispute is never reopened', async () => {
    const id = await pending();
    const pi = uid('pi');
    assert.equal(await record(events.chargeRefunded(pi, 5000, 1000)), 'applied', 'a refund before its payment is kept');
    await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 5000, paymentIntent: pi })));
    assert.deepEqual([(await donation(id)).status, (await donation(id)).refunded], ['partially_refunded', 1000]);
    await record(events.chargeRefunded(pi, 5000, 500));
    assert.equal((await donation(id)).refunded, 1000, 'the greatest refunded amount wins');
    const dispute = uid('dp');
    await record(events.disputeCreated(dispute, pi, 4000));
    assert.deepEqual([(await donation(id)).status, (await donation(id)).disputed], ['disputed', 4000]);
    await record(events.disputeClosed(dispute, pi, 4000, 'won'));
    assert.deepEqual([(await donation(id)).status, (await donation(id)).disputed], ['partially_refunded', 0]);
    await record(events.disputeCreated(dispute, pi, 4000));
    assert.equal((await donation(id)).disputed, 0, 'a late "created" does not reopen a won dispute');
    const inquiry = uid('dp');
    await record(shapes.disputeInquiry(inquiry, pi, 4000));
    assert.equal((await donation(id)).disputed, 0, 'an inquiry withholds nothing');
    const lost = uid('dp');
    await record(events.disputeClosed(lost, pi, 4000, 'lost'));
    assert.equal((await donation(id)).disputed, 4000);
    await record(shapes.disputeFunds('funds_reinstated', lost, pi, 4000));
    assert.equal((await donation(id)).disputed, 4000, 'lost is final');
  });

  it('keeps payouts with their latest status', async () => {
    const payout = uid('po');
    await record(shapes.payout('payout.paid', payout, 12345));
    await record(shapes.payout('payout.failed', payout, 12345));
    const [row] = (await h.pool.query(`select amount_minor::int as amount, currency, status from stripe_payouts where id = $1`, [payout])).rows;
    assert.deepEqual(row, { amount: 12345, currency: 'EUR', status: 'failed' });
  });

  it('retries what waits, applying what now can', async () => {
    const lost = events.sessionCompleted(checkoutSession({ campaign: `late-${h.slug}`, amount: 800 }));
    assert.equal(await record(lost), 'needs_attention');
    const stillLost = events.sessionCompleted(checkoutSession({ campaign: 'never-there', amount: 800 }));
    await record(stillLost);
    await h.pool.query(`update cases set slug = $2 where id = $1`, [h.caseId, `late-${h.slug}`]);
    const open = (await h.pool.query(`select count(*)::int as n from stripe_event_issues where resolved_at is null and payload is not null`)).rows[0].n;
    assert.ok(open >= 2);
    assert.deepEqual(await h.service.retryOpenIssues(), { checked: open, fixed: 1, failed: open - 1 }, 'only the case that now exists was waiting for it');
    assert.deepEqual(await h.service.retryOpenIssues(1), { checked: 1, fixed: 0, failed: 1 }, 'at most `limit` at a time');
    assert.equal((await issue(lost.id)).resolved, true);
    assert.equal((await issue(lost.id)).held, false, 'an applied payload is deleted');
    assert.equal((await issue(stillLost.id)).resolved, false);
    const [source] = (await h.pool.query(`select source from stripe_events where id = $1`, [lost.id])).rows;
    assert.equal(source.source, 'webhook', 'first seen by the webhook');
  });

  it('ignores event types it does not handle, once', async () => {
    const other = { id: uid('evt'), object: 'event', type: 'customer.created', created: 1, data: { object: { id: uid('cus') } } };
    assert.equal(await record(other), 'applied');
    assert.equal(await record(other), 'duplicate');
  });
});
