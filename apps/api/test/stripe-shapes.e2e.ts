/**
 * Longer than 300 lines on purpose: one app and one fake Stripe serve every payload shape Stripe sends (each API
 * version, async payments, fees, disputes, payouts); splitting would start them again per shape.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { StripeFees } from '../src/donations/stripe-fees.service';
import { openOutboxMail, OutboxMailEntity } from '../src/mail/outbox-mail.entity';
import type { FakeStripe } from './support/fake-stripe';
import { waitFor } from './support/wait-for';
import { checkoutSession, deliver, events, uid } from './support/stripe-events';
import { acaciaInvoice, paymentIntentWithFee, shapes } from './support/stripe-shapes';
import { startStripeTestApp, stopStripeTestApp } from './support/stripe-test-app';
import type { TestApp } from './support/test-app';

interface DonationState {
  id: string;
  status: string;
  paid: number;
  refunded: number;
  disputed: number;
  subscription_status: string | null;
}

describe('Stripe payloads in every shape Stripe sends', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  before(async () => ({ t, stripe } = await startStripeTestApp()));
  after(() => stopStripeTestApp({ t, stripe }));

  async function donation(where: string, value: string): Promise<DonationState | undefined> {
    const { rows } = await t.db.query<DonationState>(
      `select id, status, paid_minor::int as paid, refunded_minor::int as refunded, disputed_minor::int as disputed, subscription_status from donations where ${where} = $1`,
      [value],
    );
    return rows[0];
  }

  /** A monthly gift started through the app's own Checkout, linked to `subscription` by checkout.session.completed. */
  async function monthlyGift(subscription: string, email?: string): Promise<string> {
    const checkout = await t.client().post('/api/public/campaigns/vorontsov/checkout', {
      amountMinor: 1500,
      currency: 'EUR',
      interval: 'month',
      anonymous: true,
      ...(email ? { email, name: 'Мария' } : {}),
    });
    assert.equal(checkout.status, 201, checkout.text);
    const sessionId = checkout.body.url.split('/').pop();
    const { rows } = await t.db.query(`select id from donations where stripe_session_id = $1`, [sessionId]);
    const session = checkoutSession({ id: sessionId, reference: rows[0].id, campaign: 'vorontsov', amount: 1500, mode: 'subscription', subscription });
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
    return rows[0].id;
  }

  async function openIssues(finance: Awaited<ReturnType<TestApp['signIn']>>) {
    const response = await finance.get('/api/donations/attention');
    assert.equal(response.status, 200, response.text);
    return response.body.items as Array<{ eventId: string; reason: string; objectId: string | null; amount: { amountMinor: number; currency: string } | null }>;
  }

  it('records invoice.paid in the basil shape with payments (parent.subscription_details, payments.data[].payment)', async () => {
    const subscription = uid('sub');
    const pi = uid('pi');
    await monthlyGift(subscription);
    const response = await deliver(t.baseUrl, shapes.invoicePaidBasil({ subscription, paymentIntent: pi, amount: 1500, withPayments: true }));
    assert.deepEqual(response.body, { received: true, duplicate: false, needsAttention: false });
    const gift = await donation('stripe_subscription_id', subscription);
    assert.deepEqual({ status: gift?.status, paid: gift?.paid }, { status: 'paid', paid: 1500 });
    const { rows } = await t.db.query(`select payment_ref from donation_payments where donation_id = $1`, [gift?.id]);
    assert.deepEqual(
      rows.map((row) => row.payment_ref),
      [pi],
    );
  });

  it('fetches a basil invoice that lacks its payment through the pinned API version, and records it', async () => {
    const subscription = uid('sub');
    const pi = uid('pi');
    await monthlyGift(subscription);
    const event = shapes.invoicePaidBasil({ subscription, paymentIntent: pi, amount: 1500 });
    const invoiceId = (event.data.object as { id: string }).id;
    stripe.invoices.push(acaciaInvoice({ id: invoiceId, subscription, paymentIntent: pi, amount: 1500 }));
    const response = await deliver(t.baseUrl, event);
    assert.equal(response.body.needsAttention, false);
    assert.ok(stripe.requests.some((r) => r.method === 'GET' && r.path === `/v1/invoices/${invoiceId}`));
    assert.equal((await donation('stripe_subscription_id', subscription))?.paid, 1500);
    const { rows } = await t.db.query(`select payment_ref from donation_payments where invoice_id = $1`, [invoiceId]);
    assert.equal(rows[0].payment_ref, pi);
    stripe.invoices.length = 0;
  });

  it('keeps a basil invoice it cannot complete as needs attention, shows it to finance, and reconciliation applies it', async () => {
    const subscription = uid('sub');
    const pi = uid('pi');
    await monthlyGift(subscription);
    const event = shapes.invoicePaidBasil({ subscription, paymentIntent: pi, amount: 1500 });
    const invoiceId = (event.data.object as { id: string }).id;
    const response = await deliver(t.baseUrl, event);
    assert.equal(response.status, 200);
    assert.equal(response.body.needsAttention, true);
    assert.equal((await donation('stripe_subscription_id', subscription))?.paid, 0);
    // A redelivery is not a duplicate to drop: it is tried again.
    assert.equal((await deliver(t.baseUrl, event)).body.needsAttention, true);
    const finance = await t.signIn('finance@demo.local');
    const [issue] = (await openIssues(finance)).filter((item) => item.eventId === event.id);
    assert.deepEqual(
      { reason: issue.reason, objectId: issue.objectId, amount: issue.amount },
      { reason: 'missing_payment_reference', objectId: invoiceId, amount: { amountMinor: 1500, currency: 'EUR' } },
    );
    assert.equal((await finance.get('/api/donations/summary')).body.needsAttention >= 1, true);
    assert.equal((await (await t.signIn('lawyer@demo.local')).get('/api/donations/attention')).status, 403);

    stripe.invoices.push(acaciaInvoice({ id: invoiceId, subscription, paymentIntent: pi, amount: 1500 }));
    const run = await finance.post('/api/donations/reconciliation');
    assert.equal(run.status, 200, run.text);
    assert.ok(run.body.fixed >= 1);
    assert.equal((await donation('stripe_subscription_id', subscription))?.paid, 1500);
    assert.ok(!(await openIssues(finance)).some((item) => item.eventId === event.id));
    assert.equal((await deliver(t.baseUrl, event)).body.duplicate, true);
    assert.equal((await donation('stripe_subscription_id', subscription))?.paid, 1500);
    stripe.invoices.length = 0;
  });

  it('holds an invoice that arrives before its Checkout Session and applies it once the subscription is linked', async () => {
    const subscription = uid('sub');
    const pi = uid('pi');
    const invoice = shapes.invoicePaidBasil({ subscription, paymentIntent: pi, amount: 1500, withPayments: true });
    assert.equal((await deliver(t.baseUrl, invoice)).body.needsAttention, true);
    const finance = await t.signIn('finance@demo.local');
    assert.equal((await openIssues(finance)).find((item) => item.eventId === invoice.id)?.reason, 'unknown_subscription');
    await monthlyGift(subscription);
    assert.equal((await donation('stripe_subscription_id', subscription))?.paid, 1500);
    assert.ok(!(await openIssues(finance)).some((item) => item.eventId === invoice.id));
  });

  it('finds the donation of an old invoice whose metadata is only on its lines', async () => {
    const checkout = await t
      .client()
      .post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 2000, currency: 'EUR', interval: 'month', anonymous: true });
    const sessionId = checkout.body.url.split('/').pop();
    const { rows } = await t.db.query(`select id from donations where stripe_session_id = $1`, [sessionId]);
    const subscription = uid('sub');
    const response = await deliver(t.baseUrl, shapes.invoicePaidLinesOnly(subscription, uid('pi'), 2000, rows[0].id));
    assert.equal(response.body.needsAttention, false);
    const gift = await donation('id', rows[0].id);
    assert.deepEqual({ paid: gift?.paid, subscription: gift?.subscription_status }, { paid: 2000, subscription: 'active' });
  });

  it('keeps a paid Payment Link session of an unknown campaign as needs attention', async () => {
    const event = events.sessionCompleted(checkoutSession({ campaign: 'no-such-case', amount: 4200, currency: 'usd' }));
    assert.equal((await deliver(t.baseUrl, event)).body.needsAttention, true);
    const finance = await t.signIn('finance@demo.local');
    const issue = (await openIssues(finance)).find((item) => item.eventId === event.id);
    assert.deepEqual({ reason: issue?.reason, amount: issue?.amount }, { reason: 'unknown_campaign', amount: { amountMinor: 4200, currency: 'USD' } });
  });

  for (const shape of ['acacia', 'basil'] as const) {
    it(`marks a monthly gift at risk on invoice.payment_failed (${shape}), mails the donor, and clears it when a later invoice is paid`, async () => {
      const subscription = uid('sub');
      const email = `donor-${uid('m')}@example.org`;
      const id = await monthlyGift(subscription, email);
      const failed =
        shape === 'basil' ? shapes.invoicePaymentFailedBasil({ subscription, paymentIntent: null, amount: 1500 }) : shapes.invoicePaymentFailed(subscription);
      assert.equal((await deliver(t.baseUrl, failed)).body.needsAttention, false);
      assert.equal((await donation('id', id))?.subscription_status, 'past_due');
      const mails = (await t.app.get(DataSource).getRepository(OutboxMailEntity).find()).map(openOutboxMail).filter((mail) => mail.recipient === email);
      const notice = mails.find((mail) => mail.subject?.includes('не прошло'));
      assert.ok(notice, `no failed-payment mail in ${JSON.stringify(mails.map((m) => m.subject))}`);
      assert.match(notice.body ?? '', /https:\/\/invoice\.stripe\.com\/i\//);
      const finance = await t.signIn('finance@demo.local');
      const atRisk = (await finance.get('/api/donations/summary')).body.atRisk as Array<{ donationId: string; amountMinor: number }>;
      assert.deepEqual(
        atRisk.filter((gift) => gift.donationId === id).map((gift) => gift.amountMinor),
        [1500],
      );
      await deliver(t.baseUrl, shapes.invoicePaidBasil({ subscription, paymentIntent: uid('pi'), amount: 1500, withPayments: true }));
      assert.equal((await donation('id', id))?.subscription_status, 'active');
      assert.ok(!((await finance.get('/api/donations/summary')).body.atRisk as Array<{ donationId: string }>).some((gift) => gift.donationId === id));
    });
  }

  it('records the fee and net from the balance transaction after the payment, and a refund naming only the charge finds its payment', async () => {
    const pi = uid('pi');
    const intent = paymentIntentWithFee(pi, 10000, 315);
    stripe.paymentIntents[pi] = intent;
    await deliver(t.baseUrl, events.sessionCompleted(checkoutSession({ campaign: 'second-case', amount: 10000, paymentIntent: pi })));
    // The job queued with the payment looks the fee up once the payment is committed.
    await waitFor(
      'the fee of the payment',
      async () => (await t.db.query(`select 1 from donation_payments where payment_ref = $1 and fee_minor is not null`, [pi])).rows.length > 0,
    );
    assert.equal(await t.app.get(StripeFees).fill(pi), false, 'a fee is recorded once');
    const { rows } = await t.db.query(
      `select fee_minor::int as fee, net_minor::int as net, fee_currency, charge_id from donation_payments where payment_ref = $1`,
      [pi],
    );
    const chargeId = (intent.latest_charge as { id: string }).id;
    assert.deepEqual(rows[0], { fee: 315, net: 9685, fee_currency: 'EUR', charge_id: chargeId });
    const finance = await t.signIn('finance@demo.local');
    const eur = (await finance.get('/api/donations/summary')).body.totals.find(
      (row: { currency: string; kind: string }) => row.currency === 'EUR' && row.kind === 'one_off',
    );
    assert.ok(eur.feesMinor >= 315);
    assert.equal(eur.netMinor, eur.grossMinor - eur.feesMinor);

    await deliver(t.baseUrl, shapes.chargeRefundedWithoutIntent(chargeId, 10000, 2500));
    const gift = await donation(
      'stripe_session_id',
      (await t.db.query(`select d.stripe_session_id from donations d join donation_payments p on p.donation_id = d.id where p.payment_ref = $1`, [pi])).rows[0]
        .stripe_session_id,
    );
    assert.deepEqual({ status: gift?.status, refunded: gift?.refunded }, { status: 'partially_refunded', refunded: 2500 });
  });

  it('withholds nothing for an inquiry, withholds on funds_withdrawn and releases on funds_reinstated', async () => {
    const pi = uid('pi');
    await deliver(t.baseUrl, events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 3000, paymentIntent: pi })));
    const byPayment = async () =>
      (await t.db.query(`select disputed_minor::int as disputed from donation_payments where payment_ref = $1`, [pi])).rows[0].disputed;
    await deliver(t.baseUrl, shapes.disputeInquiry(uid('du'), pi, 3000));
    assert.equal(await byPayment(), 0);
    const dispute = uid('du');
    await deliver(t.baseUrl, shapes.disputeFunds('funds_withdrawn', dispute, pi, 3000));
    assert.equal(await byPayment(), 3000);
    await deliver(t.baseUrl, shapes.disputeFunds('funds_reinstated', dispute, pi, 3000));
    assert.equal(await byPayment(), 0);
    await deliver(t.baseUrl, events.disputeClosed(dispute, pi, 3000, 'won'));
    assert.equal(await byPayment(), 0);
  });

  it('records payouts to the bank and shows them to finance', async () => {
    const id = uid('po');
    await deliver(t.baseUrl, shapes.payout('payout.paid', id, 123456));
    const finance = await t.signIn('finance@demo.local');
    const payouts = (await finance.get('/api/donations/summary')).body.payouts as Array<{ id: string; amountMinor: number; status: string }>;
    assert.deepEqual(
      payouts.filter((p) => p.id === id).map((p) => [p.amountMinor, p.status]),
      [[123456, 'paid']],
    );
  });

  it('keeps donorCount and the supporters list in agreement after a refund and a dispute', async () => {
    const campaign = async () => (await t.client().get('/api/public/campaigns/vorontsov')).body;
    const before = await campaign();
    const refunded = uid('pi');
    const disputed = uid('pi');
    for (const [pi, name] of [
      [refunded, 'Refunded Supporter'],
      [disputed, 'Disputed Supporter'],
    ]) {
      const checkout = await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 2500, currency: 'EUR', anonymous: false, name });
      const sessionId = checkout.body.url.split('/').pop();
      const { rows } = await t.db.query(`select id from donations where stripe_session_id = $1`, [sessionId]);
      await deliver(
        t.baseUrl,
        events.sessionCompleted(checkoutSession({ id: sessionId, reference: rows[0].id, campaign: 'vorontsov', amount: 2500, paymentIntent: pi })),
      );
    }
    const during = await campaign();
    assert.equal(during.donorCount, before.donorCount + 2);
    assert.ok(during.supporters.some((s: { name: string | null }) => s.name === 'Refunded Supporter'));
    await deliver(t.baseUrl, events.chargeRefunded(refunded, 2500, 2500));
    await deliver(t.baseUrl, events.disputeCreated(uid('du'), disputed, 2500));
    const afterwards = await campaign();
    assert.equal(afterwards.donorCount, before.donorCount);
    const names = afterwards.supporters.map((s: { name: string | null }) => s.name);
    assert.ok(!names.includes('Refunded Supporter') && !names.includes('Disputed Supporter'), names.join(', '));
  });

  it('answers 502 with its own message when Stripe fails during reconciliation, never Stripe 4xx, and shows the failed run', async () => {
    const finance = await t.signIn('finance@demo.local');
    for (const failure of [
      { status: 400, type: 'invalid_request_error', message: 'Stripe secret detail: invalid parameter foo' },
      { status: 500, type: 'api_error', message: 'Something went wrong on Stripe' },
    ]) {
      stripe.failWith = failure;
      const response = await finance.post('/api/donations/reconciliation');
      assert.equal(response.status, 502, response.text);
      assert.match(response.body.message, /^Stripe refused or failed listing/);
      assert.ok(!response.text.includes('secret detail'), 'Stripe text passed through');
      const run = (await finance.get('/api/donations/summary')).body.lastReconciliation;
      assert.ok(run.finishedAt && run.failedCount >= 1 && run.error.startsWith('Stripe refused or failed'), JSON.stringify(run));
      assert.equal(run.errorKind, 'stripe_failed');
    }
    stripe.failWith = null;
    const ok = await finance.post('/api/donations/reconciliation');
    assert.equal(ok.status, 200, ok.text);
    assert.equal((await finance.get('/api/donations/summary')).body.lastReconciliation.error, null);
  });

  it('refuses a currency that is not ISO 4217 in offline donations, expenses, campaigns and Checkout', async () => {
    const finance = await t.signIn('finance@demo.local');
    const { rows } = await t.db.query(`select id from cases where slug = 'vorontsov'`);
    const offline = await finance.post('/api/donations/offline', { caseId: rows[0].id, amountMinor: 5000, currency: 'XYZ', method: 'cash' });
    assert.equal(offline.status, 400);
    assert.match(offline.body.message, /ISO 4217/);
    const expense = await finance.post(`/api/cases/${rows[0].id}/expenses`, {
      category: 'travel',
      payee: 'Railways',
      spentOn: '2026-01-10',
      amountMinor: 100,
      currency: 'ABC',
    });
    assert.equal(expense.status, 400);
    const checkout = await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 5000, currency: 'XXX', anonymous: true });
    assert.equal(checkout.status, 400);
    const jpy = await finance.post('/api/donations/offline', { caseId: rows[0].id, amountMinor: 5000, currency: 'jpy', method: 'cash' });
    assert.equal(jpy.status, 201, jpy.text);
    assert.equal(jpy.body.currency, 'JPY');
  });
});
