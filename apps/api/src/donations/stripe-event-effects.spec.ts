import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { INJECTABLE_WATERMARK } from '@nestjs/common/constants';
import { checkoutSession, events, uid } from '../../test/support/stripe-events';
import { shapes } from '../../test/support/stripe-shapes';
import { stripeEventsHarness } from '../../test/support/stripe-events-harness';
import { DonorMails } from './donor-mails';
import { MoneyLedger } from './money-ledger.service';
import { StripeEventEffects } from './stripe-event-effects';
import { StripeEventsRepository } from './stripe-events.repository';

/** The effect of each kind of Stripe event, exactly: amounts, times, states, and what keeps an event waiting. */
describe('Stripe event effects', () => {
  const h = stripeEventsHarness();
  const { record, pending, donation, issue, payments, raw } = h;
  const epoch = (d: Date | null) => (d === null ? null : Math.floor(d.getTime() / 1000));
  const reason = async (event: { id: string }) => (await issue(event.id))?.reason ?? null;
  const linked = async (email?: string) => {
    const id = await pending('recurring', 1500, email);
    const subscription = uid('sub');
    assert.equal(await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 1500, mode: 'subscription', subscription }))), 'applied');
    return { id, subscription };
  };
  const invoice = (over: object) => ({ id: uid('in'), object: 'invoice', amount_paid: 1500, currency: 'eur', lines: { data: [] }, ...over });

  it('is built by Nest’s injector: injectable, with its collaborators as its constructor’s types', () => {
    assert.equal(Reflect.getMetadata(INJECTABLE_WATERMARK, StripeEventEffects), true);
    assert.deepEqual(Reflect.getMetadata('design:paramtypes', StripeEventEffects), [StripeEventsRepository, MoneyLedger, DonorMails]);
  });

  it('records a paid session of ours at its amount, currency and time, under its payment intent', async () => {
    const id = await pending();
    const pi = uid('pi');
    const session = checkoutSession({ reference: id, amount: 5000, paymentIntent: pi });
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.deepEqual(await payments(id), [{ payment_ref: pi, invoice_id: null, amount: 5000, currency: 'EUR', paid_at: session.created }]);
    for (const [over, why] of [
      [{ currency: null }, 'missing_amount'],
      [{ currency: 'xxq' }, 'unsupported_currency'],
    ] as const) {
      const event = events.sessionCompleted({ ...checkoutSession({ reference: await pending(), amount: 100 }), ...over });
      assert.equal(await record(event), 'needs_attention');
      assert.equal(await reason(event), why);
    }
  });

  it('settles a subscription session by its payment status: a free trial without its subscription waits, an unpaid one does not', async () => {
    const trial = events.sessionCompleted({
      ...checkoutSession({ reference: await pending('recurring'), amount: 0, mode: 'subscription' }),
      payment_status: 'no_payment_required',
    });
    assert.equal(await record(trial), 'needs_attention');
    assert.equal(await reason(trial), 'missing_subscription');
    const unpaid = events.sessionCompleted(checkoutSession({ reference: await pending('recurring'), amount: 1500, mode: 'subscription', paid: false }));
    assert.equal(await record(unpaid), 'applied');
    assert.equal(await reason(unpaid), null);
  });

  it('takes a reference that is not one of our donations as a Payment Link, by its campaign', async () => {
    for (const reference of ['order-17', `x${randomUUID()}`, `${randomUUID()}x`, randomUUID()]) {
      const session = checkoutSession({ reference, campaign: h.slug, amount: 1200 });
      assert.equal(await record(events.sessionCompleted(session)), 'applied', reference);
      const [made] = (await h.pool.query(`select id, kind, method, donor_id, currency from donations where stripe_session_id = $1`, [session.id])).rows;
      assert.deepEqual(
        [made.kind, made.method, made.donor_id, made.currency, (await donation(made.id)).paid],
        ['one_off', 'stripe_payment_link', null, 'EUR', 1200],
        reference,
      );
    }
    const monthly = checkoutSession({ campaign: h.slug, amount: 1000, mode: 'subscription', subscription: uid('sub') });
    assert.equal(await record(events.sessionCompleted(monthly)), 'applied');
    const [made] = (await h.pool.query(`select id, kind from donations where stripe_session_id = $1`, [monthly.id])).rows;
    assert.equal(made.kind, 'recurring');
    assert.deepEqual([(await donation(made.id)).stripe_subscription_id, (await donation(made.id)).subscription_status], [monthly.subscription, 'active']);
    for (const [over, why] of [
      [{ metadata: null }, 'unknown_campaign'],
      [{ currency: null }, 'missing_amount'],
      [{ currency: 'xxq' }, 'unsupported_currency'],
    ] as const) {
      const event = events.sessionCompleted({ ...checkoutSession({ campaign: h.slug, amount: 100 }), ...over });
      assert.equal(await record(event), 'needs_attention');
      assert.equal(await reason(event), why);
    }
  });

  it('records a delayed payment when it succeeds, under the session when there is no payment intent, and a Payment Link donor by email', async () => {
    const id = await pending('one_off', 2000);
    const session: Record<string, unknown> = { ...checkoutSession({ reference: id, amount: 2000, paid: false }), payment_intent: null };
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.equal((await donation(id)).paid, 0);
    assert.equal(await record(events.asyncSucceeded(session)), 'applied');
    assert.deepEqual(
      (await payments(id)).map((p) => [p.payment_ref, p.amount]),
      [[session.id, 2000]],
    );
    const link = checkoutSession({ campaign: h.slug, amount: 3100, email: 'link.giver@example.org' });
    assert.equal(await record(events.sessionCompleted(link)), 'applied');
    const [made] = (await h.pool.query(`select donor_id from donations where stripe_session_id = $1`, [link.id])).rows;
    assert.ok(made.donor_id, 'the donor is kept');
  });

  it('fails a donation whose delayed payment failed when only its session names it, and ignores a session of no donation', async () => {
    const id = await pending();
    const session = checkoutSession({ reference: id, amount: 5000, paid: false });
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.equal(await record(events.asyncFailed({ ...session, client_reference_id: null })), 'applied');
    assert.equal((await donation(id)).status, 'failed');
    const stranger = events.asyncFailed(checkoutSession({ campaign: h.slug, amount: 5000, paid: false }));
    assert.equal(await record(stranger), 'applied');
    assert.equal(
      (await h.pool.query(`select count(*)::int as n from donations where stripe_session_id = $1`, [(stranger.data.object as { id: string }).id])).rows[0].n,
      0,
    );
  });

  it('records a month at the time it was paid, or the event time when the invoice lacks it, and a payment only once', async () => {
    const { id, subscription } = await linked();
    const pi = uid('pi');
    const paidAt = Math.floor(Date.now() / 1000) - 5000;
    const month = raw('invoice.paid', invoice({ subscription, payment_intent: pi, status_transitions: { paid_at: paidAt } }), paidAt + 30);
    assert.equal(await record(month), 'applied');
    const again = raw('invoice.paid', invoice({ subscription, payment_intent: pi, status_transitions: { paid_at: paidAt } }), paidAt + 40);
    assert.equal(await record(again), 'applied');
    const late = raw('invoice.paid', invoice({ subscription, payment_intent: uid('pi') }), paidAt + 50);
    assert.equal(await record(late), 'applied');
    assert.deepEqual(
      (await payments(id)).map((p) => [p.amount, p.currency, p.paid_at]),
      [
        [1500, 'EUR', paidAt],
        [1500, 'EUR', paidAt + 50],
      ],
    );
    assert.equal(h.jobs.filter((j) => JSON.stringify(j.data).includes(pi)).length, 1, 'one fee look-up per payment');
  });

  it('keeps an invoice waiting for what it lacks, and applies a month of nothing without a payment', async () => {
    const { id, subscription } = await linked();
    for (const [type, over, why] of [
      ['invoice.paid', { subscription: null }, 'missing_subscription'],
      ['invoice.payment_failed', { subscription: null }, 'missing_subscription'],
      ['invoice.paid', { subscription, payment_intent: uid('pi'), currency: 'xxq' }, 'unsupported_currency'],
      ['invoice.paid', { subscription, payment_intent: uid('pi'), currency: null }, 'unsupported_currency'],
      ['invoice.paid', { subscription, payment_intent: null }, 'missing_payment_reference'],
      ['invoice.paid', { subscription: null, subscription_details: { metadata: { donation: 'gift-17' } } }, 'unknown_subscription'],
    ] as const) {
      const event = raw(type, invoice(over));
      assert.equal(await record(event), 'needs_attention', `${type} ${why}`);
      assert.equal(await reason(event), why);
    }
    const oneOff = await pending();
    const named = raw('customer.subscription.deleted', { id: uid('sub'), object: 'subscription', canceled_at: null, metadata: { donation: oneOff } });
    assert.equal(await record(named), 'needs_attention', 'a one-off gift has no subscription');
    const bare = raw('customer.subscription.deleted', { id: uid('sub'), object: 'subscription', canceled_at: null });
    assert.equal(await record(bare), 'needs_attention');
    assert.deepEqual(await issue(bare.id), {
      reason: 'unknown_subscription',
      wait_key: `sub:${(bare.data.object as { id: string }).id}`,
      held: true,
      resolved: false,
    });
    const failedUnknown = raw('invoice.payment_failed', invoice({ subscription: 'sub_nobody', amount_paid: 0 }));
    assert.equal(await record(failedUnknown), 'needs_attention');
    assert.deepEqual(await issue(failedUnknown.id), { reason: 'unknown_subscription', wait_key: 'sub:sub_nobody', held: true, resolved: false });
    assert.equal(await record(raw('invoice.paid', invoice({ subscription, payment_intent: null, amount_paid: 0 }))), 'applied');
    assert.equal((await donation(id)).paid, 0);
  });

  it('finds a monthly gift by the donation its invoice names, without inventing a subscription', async () => {
    const id = await pending('recurring', 1500);
    const pi = uid('pi');
    assert.equal(
      await record(raw('invoice.paid', invoice({ subscription: null, payment_intent: pi, subscription_details: { metadata: { donation: id } } }))),
      'applied',
    );
    const row = await donation(id);
    assert.deepEqual([row.paid, row.stripe_subscription_id, row.subscription_status], [1500, null, null]);
  });

  it('marks a failed month at the event time, mails the donor once, and applies waiting events in the order Stripe made them', async () => {
    const { id, subscription } = await linked('card.donor@example.org');
    const at = Math.floor(Date.now() / 1000) - 4000;
    const url = `https://invoice.stripe.com/i/acct_test/${uid('in')}`;
    const before = h.mails.length;
    const failed = raw('invoice.payment_failed', invoice({ subscription, amount_paid: 0, hosted_invoice_url: url }), at);
    assert.equal(await record(failed), 'applied');
    assert.equal(await record(raw('invoice.payment_failed', invoice({ subscription, amount_paid: 0, hosted_invoice_url: url }), at - 100)), 'applied');
    const sent = h.mails.slice(before);
    assert.deepEqual(
      sent.map((m) => m.to),
      ['card.donor@example.org'],
      'an older failure changes nothing and mails nobody',
    );
    assert.ok(sent[0].text.includes(url));
    const row = await donation(id);
    assert.deepEqual([row.subscription_status, epoch(row.payment_failed_at), row.update_card_url], ['past_due', at, url]);

    const later = await pending('recurring', 1500);
    const sub = uid('sub');
    const failedFirst = raw('invoice.payment_failed', invoice({ subscription: sub, amount_paid: 0 }), at);
    const paidNext = raw('invoice.paid', invoice({ subscription: sub, payment_intent: uid('pi') }), at + 60);
    const stillOdd = raw('invoice.paid', invoice({ subscription: sub, payment_intent: uid('pi'), currency: 'xxq' }), at + 120);
    for (const event of [paidNext, stillOdd, failedFirst]) assert.equal(await record(event), 'needs_attention');
    await record(events.sessionCompleted(checkoutSession({ reference: later, amount: 1500, mode: 'subscription', subscription: sub })));
    const settled = await donation(later);
    assert.deepEqual([settled.subscription_status, settled.at_risk, settled.paid], ['active', false, 1500], 'failed, then paid: active');
    assert.deepEqual([(await issue(paidNext.id)).resolved, (await issue(failedFirst.id)).resolved, (await issue(stillOdd.id)).resolved], [true, true, false]);
  });

  it('cancels a monthly gift at the time Stripe canceled it, or at the event time', async () => {
    const { id, subscription } = await linked();
    const canceledAt = Math.floor(Date.now() / 1000) - 3000;
    assert.equal(
      await record(raw('customer.subscription.deleted', { id: subscription, object: 'subscription', canceled_at: canceledAt }, canceledAt + 90)),
      'applied',
    );
    assert.deepEqual([(await donation(id)).subscription_status, epoch((await donation(id)).canceled_at)], ['canceled', canceledAt]);
    const other = await linked();
    assert.equal(
      await record(raw('customer.subscription.deleted', { id: other.subscription, object: 'subscription', canceled_at: null }, canceledAt + 90)),
      'applied',
    );
    assert.equal(epoch((await donation(other.id)).canceled_at), canceledAt + 90);
  });

  it('keeps a refund under the payment it names, and moves the money at the event time', async () => {
    const chargeId = uid('ch');
    assert.equal(await record(shapes.chargeRefundedWithoutIntent(chargeId, 5000, 700)), 'applied');
    const facts = await h.pool.query(`select payment_ref, amount_refunded::int as amount from stripe_refund_facts where payment_ref = $1`, [chargeId]);
    assert.deepEqual(facts.rows, [{ payment_ref: chargeId, amount: 700 }]);
    const id = await pending();
    const pi = uid('pi');
    await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 5000, paymentIntent: pi })));
    const at = Math.floor(Date.now() / 1000) - 2000;
    const refund = raw('charge.refunded', { id: uid('ch'), object: 'charge', payment_intent: pi, amount: 5000, amount_refunded: 1500 }, at);
    assert.equal(await record(refund), 'applied');
    const entries = await h.pool.query(
      `select kind, amount_minor::int as amount, ref, extract(epoch from at)::int as at from ledger_entries where donation_id = $1 and kind <> 'payment'`,
      [id],
    );
    assert.deepEqual(entries.rows, [{ kind: 'refund', amount: -1500, ref: refund.id, at }]);
  });

  it('gives each dispute event its state, under the payment it names', async () => {
    const pi = uid('pi');
    const cases = [
      ['charge.dispute.created', 'needs_response', { payment_intent: pi }, pi, 'open'],
      ['charge.dispute.funds_withdrawn', 'needs_response', { payment_intent: pi }, pi, 'open'],
      ['charge.dispute.funds_reinstated', 'under_review', { payment_intent: pi }, pi, 'won'],
      ['charge.dispute.closed', 'lost', { payment_intent: pi }, pi, 'lost'],
      ['charge.dispute.closed', 'won', { payment_intent: pi }, pi, 'won'],
      ['charge.dispute.closed', 'warning_closed', { payment_intent: pi }, pi, 'won'],
      ['charge.dispute.created', 'warning_needs_response', { payment_intent: pi }, pi, 'won'],
      ['charge.dispute.created', 'needs_response', { payment_intent: null, charge: 'ch_named' }, 'ch_named', 'open'],
      ['charge.dispute.created', 'needs_response', { payment_intent: null, charge: null }, null, 'open'],
    ] as const;
    for (const [type, status, refs, ref, state] of cases) {
      const id = uid('dp');
      assert.equal(await record(raw(type, { id, object: 'dispute', amount: 2100, status, ...refs })), 'applied');
      const [row] = (await h.pool.query(`select payment_ref, amount_minor::int as amount, state from stripe_dispute_facts where dispute_id = $1`, [id])).rows;
      assert.deepEqual(row, { payment_ref: ref ?? id, amount: 2100, state }, `${type} ${status}`);
    }
  });

  it('keeps every payout event with its latest status', async () => {
    const id = uid('po');
    for (const [type, status] of [
      ['payout.created', 'pending'],
      ['payout.updated', 'in_transit'],
      ['payout.paid', 'paid'],
      ['payout.failed', 'failed'],
      ['payout.canceled', 'canceled'],
    ] as const) {
      assert.equal(await record(raw(type, { id, object: 'payout', amount: 9900, currency: 'eur', status, arrival_date: 1780000000 })), 'applied');
      const [row] = (await h.pool.query(`select amount_minor::int as amount, currency, status from stripe_payouts where id = $1`, [id])).rows;
      assert.deepEqual(row, { amount: 9900, currency: 'EUR', status }, type);
    }
  });
});
