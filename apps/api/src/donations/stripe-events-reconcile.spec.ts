import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INJECTABLE_WATERMARK } from '@nestjs/common/constants';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { checkoutSession, events, uid } from '../../test/support/stripe-events';
import { acaciaInvoice, basilInvoice, shapes } from '../../test/support/stripe-shapes';
import { stripeEventsHarness } from '../../test/support/stripe-events-harness';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { MoneyLedger } from './money-ledger.service';
import { StripeEventEffects } from './stripe-event-effects';
import { StripeEventsRepository } from './stripe-events.repository';
import { StripeEvents } from './stripe-events.service';
import { StripeGateway } from './stripe-gateway.service';
import type { AnyInvoice } from './stripe-shapes';

/** What the service adds around each effect: invoices fetched when a payload lacks facts, reconciliation, mails and jobs after commit. */
describe('Stripe events: fetching, reconciliation, after-commit work', () => {
  const h = stripeEventsHarness();
  const { record, pending, donation, issue, payments, raw } = h;
  const flatInvoice = (over: object) => ({ id: uid('in'), object: 'invoice', amount_paid: 1500, currency: 'eur', lines: { data: [] }, ...over });
  const linked = async (email?: string) => {
    const id = await pending('recurring', 1500, email);
    const subscription = uid('sub');
    assert.equal(await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 1500, mode: 'subscription', subscription }))), 'applied');
    return { id, subscription };
  };

  it('fetches an invoice whose payload lacks its payment, and applies it with the fetched payment', async () => {
    const { id, subscription } = await linked();
    const pi = uid('pi');
    const invoice = basilInvoice({ subscription, paymentIntent: pi, amount: 1500 });
    h.fetchable.set(invoice.id as string, acaciaInvoice({ id: invoice.id as string, subscription, paymentIntent: pi, amount: 1500 }));
    const event = raw('invoice.paid', invoice);
    assert.equal(await h.fetching.recordStripeEvent(event), 'applied');
    assert.deepEqual(h.fetched, [invoice.id]);
    assert.deepEqual(
      (await payments(id)).map((p) => [p.payment_ref, p.invoice_id, p.amount, p.currency]),
      [[pi, invoice.id, 1500, 'EUR']],
    );
  });

  it('is built by Nest’s injector: injectable, with its collaborators as its constructor’s types', () => {
    assert.equal(Reflect.getMetadata(INJECTABLE_WATERMARK, StripeEvents), true);
    assert.deepEqual(Reflect.getMetadata('design:paramtypes', StripeEvents), [
      DataSource,
      StripeEventsRepository,
      StripeEventEffects,
      MoneyLedger,
      MailService,
      StripeGateway,
      JobsService,
    ]);
  });

  it('fetches nothing when the payload has what it needs, or when Stripe is not configured', async () => {
    const { id, subscription } = await linked();
    h.fetched.length = 0;
    assert.equal(await h.fetching.recordStripeEvent(events.invoicePaid(subscription, uid('pi'), 1500)), 'applied');
    const free = basilInvoice({ subscription, paymentIntent: null, amount: 0 });
    assert.equal(await h.fetching.recordStripeEvent(raw('invoice.paid', free)), 'applied', 'a month of nothing has no payment to fetch');
    assert.equal(await h.fetching.recordStripeEvent(shapes.invoicePaymentFailedBasil({ subscription, paymentIntent: null, amount: 1500 })), 'applied');
    assert.equal(await h.fetching.recordStripeEvent(events.sessionCompleted(checkoutSession({ reference: await pending(), amount: 700 }))), 'applied');
    const partly = flatInvoice({ subscription, payment_intent: null, amount_paid: 500, status: 'open' });
    assert.equal(await h.fetching.recordStripeEvent(raw('invoice.payment_failed', partly)), 'applied', 'a failed month needs no payment');
    assert.deepEqual(h.fetched, []);
    const lacking = raw('invoice.paid', basilInvoice({ subscription, paymentIntent: uid('pi'), amount: 1500 }));
    assert.equal(await record(lacking), 'needs_attention', 'not configured: the payload as sent');
    assert.equal((await issue(lacking.id)).reason, 'missing_payment_reference');
    assert.deepEqual(h.fetched, []);
    assert.equal((await donation(id)).paid, 1500);
  });

  it('fetches the subscription of a failed invoice that names none, and keeps the payload when the fetch fails', async () => {
    const { id, subscription } = await linked();
    const invoiceId = uid('in');
    const bare = { id: invoiceId, object: 'invoice', amount_paid: 0, currency: 'eur', status: 'open', hosted_invoice_url: null, lines: { data: [] } };
    h.fetchable.set(invoiceId, acaciaInvoice({ id: invoiceId, subscription, paymentIntent: null, amount: 1500, status: 'open' }));
    assert.equal(await h.fetching.recordStripeEvent(raw('invoice.payment_failed', bare)), 'applied');
    assert.equal((await donation(id)).subscription_status, 'past_due');
    const unreachable = raw('invoice.paid', basilInvoice({ subscription, paymentIntent: uid('pi'), amount: 1500 }));
    assert.equal(await h.fetching.recordStripeEvent(unreachable), 'needs_attention');
    assert.ok(h.fetched.includes((unreachable.data.object as { id: string }).id));
    assert.equal((await issue(unreachable.id)).reason, 'missing_payment_reference');
  });

  it('reconciles a lost session, invoice and refund once each, at the time Stripe recorded', async () => {
    const one = await pending('one_off', 2500);
    const pi = uid('pi');
    const session = checkoutSession({ reference: one, amount: 2500, paymentIntent: pi }) as unknown as Stripe.Checkout.Session;
    assert.equal(await h.service.reconcileSession(session), true);
    assert.equal(await h.service.reconcileSession(session), false);
    assert.deepEqual(
      (await payments(one)).map((p) => [p.payment_ref, p.amount, p.paid_at]),
      [[pi, 2500, session.created]],
    );

    const { id, subscription } = await linked();
    const paidAt = Math.floor(Date.now() / 1000) - 7200;
    const invoice = (over: object): AnyInvoice =>
      ({ id: uid('in'), subscription, payment_intent: uid('pi'), amount_paid: 1500, currency: 'eur', lines: { data: [] }, ...over }) as AnyInvoice;
    const withPaidAt = invoice({ status_transitions: { paid_at: paidAt }, created: paidAt - 60 });
    assert.equal(await h.service.reconcileInvoice(withPaidAt), true);
    assert.equal(await h.service.reconcileInvoice(withPaidAt), false);
    const createdOnly = invoice({ created: paidAt - 3600 });
    assert.equal(await h.service.reconcileInvoice(createdOnly), true);
    const neither = invoice({});
    assert.equal(await h.service.reconcileInvoice(neither), true);
    const times = new Map((await payments(id)).map((p) => [p.invoice_id, p.paid_at]));
    assert.equal(times.get(withPaidAt.id), paidAt);
    assert.equal(times.get(createdOnly.id), paidAt - 3600);
    assert.ok(Math.abs(times.get(neither.id) - Date.now() / 1000) < 120, 'neither: now');

    const charge = { id: uid('ch'), payment_intent: pi, amount: 2500, amount_refunded: 1000 } as unknown as Stripe.Charge;
    assert.equal(await h.service.reconcileRefund(charge), true);
    assert.equal(await h.service.reconcileRefund(charge), false);
    assert.equal((await donation(one)).refunded, 1000);
    const entries = await h.pool.query(`select kind, amount_minor::int as amount, ref from ledger_entries where donation_id = $1 order by created_at`, [one]);
    assert.deepEqual(entries.rows.at(-1), { kind: 'refund', amount: -1000, ref: `reconcile:${charge.id}` });
  });

  it('reports a reconciled subscription session that only mailed (a failure that waited for it)', async () => {
    const id = await pending('recurring', 1500, 'monthly.donor@example.org');
    const subscription = uid('sub');
    const failed = shapes.invoicePaymentFailed(subscription);
    assert.equal(await record(failed), 'needs_attention');
    const before = h.mails.length;
    const session = checkoutSession({ reference: id, amount: 1500, mode: 'subscription', subscription }) as unknown as Stripe.Checkout.Session;
    assert.equal(await h.service.reconcileSession(session), true);
    assert.deepEqual(
      h.mails.slice(before).map((m) => m.to),
      ['monthly.donor@example.org'],
    );
    assert.equal((await issue(failed.id)).resolved, true);
    assert.equal(await h.service.reconcileSession(session), false);
  });

  it('records where an event was first seen', async () => {
    const event = raw('customer.created', { id: uid('cus') });
    assert.equal(await record(event, 'reconciliation'), 'applied');
    const [row] = (await h.pool.query(`select source from stripe_events where id = $1`, [event.id])).rows;
    assert.equal(row.source, 'reconciliation');
  });

  it('queues the donor mail after commit, and a mail that cannot be queued does not undo the payment', async () => {
    const id = await pending('one_off', 4200, 'first.donor@example.org');
    const before = h.mails.length;
    assert.equal(await record(events.sessionCompleted(checkoutSession({ reference: id, amount: 4200 }))), 'applied');
    assert.deepEqual(
      h.mails.slice(before).map((m) => m.to),
      ['first.donor@example.org'],
    );
    const other = await pending('one_off', 4300, 'second.donor@example.org');
    h.mailFails = true;
    assert.equal(await record(events.sessionCompleted(checkoutSession({ reference: other, amount: 4300 }))), 'applied');
    assert.deepEqual([(await donation(other)).status, (await donation(other)).paid], ['paid', 4300]);
  });

  it('seals a payload held in plain JSON at start, and it still applies', async () => {
    const event = events.sessionCompleted(checkoutSession({ campaign: h.slug, amount: 900 }));
    await h.pool.query(`insert into stripe_event_issues (event_id, type, reason, payload) values ($1, $2, 'unknown_campaign', $3)`, [
      event.id,
      event.type,
      JSON.stringify(event),
    ]);
    await h.service.onApplicationBootstrap();
    const [{ payload }] = (await h.pool.query(`select payload from stripe_event_issues where event_id = $1`, [event.id])).rows;
    assert.match(payload, /^v2:feed0001:/);
    await h.service.retryOpenIssues();
    assert.equal((await issue(event.id)).resolved, true);
    const [row] = (await h.pool.query(`select source from stripe_events where id = $1`, [event.id])).rows;
    assert.equal(row.source, 'reconciliation', 'first applied by a retry');
  });
});
