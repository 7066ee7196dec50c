import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FakeStripe } from './support/fake-stripe';
import { startStripeTestApp, stopStripeTestApp } from './support/stripe-test-app';
import type { TestApp } from './support/test-app';

describe('donations: the public campaign and Checkout', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  before(async () => ({ t, stripe } = await startStripeTestApp()));
  after(() => stopStripeTestApp({ t, stripe }));

  it('shows the public campaign with totals per currency, and never a hidden donor name or any email', async () => {
    const response = await t.client().get('/api/public/campaigns/vorontsov');
    assert.equal(response.status, 200);
    const body = response.body;
    assert.equal(body.title, 'Владимир Воронцов');
    assert.deepEqual([body.texts.ru.title, body.texts.en.title], ['Владимир Воронцов', 'Vladimir Vorontsov'], 'the title in each language');
    assert.deepEqual(body.goal, { amountMinor: 2000000, currency: 'EUR' });
    assert.ok(body.raised.some((m: { currency: string; amountMinor: number }) => m.currency === 'EUR' && m.amountMinor > 0));
    assert.ok(body.donorCount >= 7);
    assert.ok(body.supporters.some((s: { name: string | null }) => s.name === 'Anna K.'));
    assert.ok(body.spent.some((s: { category: string }) => s.category === 'legal_fees'));
    assert.ok(!response.text.includes('Hidden Donor'), 'a donor who chose not to be shown is named');
    assert.ok(!response.text.includes('@'), 'an email appears on the public page');
    assert.equal((await t.client().get('/api/public/campaigns/second-case')).status, 404);
    assert.equal((await t.client().get('/api/public/campaigns/nope')).status, 404);
  });

  it('creates a one-off Checkout Session with the exact parameters and a pending donation', async () => {
    stripe.requests.length = 0;
    const response = await t.client().post('/api/public/campaigns/vorontsov/checkout', {
      amountMinor: 2500,
      currency: 'eur',
      anonymous: false,
      name: 'Irina',
      email: 'irina@example.org',
      message: 'Hold on',
    });
    assert.equal(response.status, 201, response.text);
    assert.match(response.body.url, /\/checkout\/cs_test_fake_/);
    const [sent] = stripe.requests;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/v1/checkout/sessions');
    const { rows } = await t.db.query(
      `select id, status, kind, amount_minor::int as amount, currency, stripe_session_id from donations where stripe_session_id = $1`,
      [response.body.url.split('/').pop()],
    );
    assert.equal(rows.length, 1);
    const donation = rows[0];
    assert.deepEqual(
      { status: donation.status, kind: donation.kind, amount: donation.amount, currency: donation.currency },
      { status: 'pending', kind: 'one_off', amount: 2500, currency: 'EUR' },
    );
    assert.equal(sent.headers['idempotency-key'], `checkout:${donation.id}`);
    assert.deepEqual(
      {
        mode: sent.form.mode,
        ref: sent.form.client_reference_id,
        campaign: sent.form['metadata[campaign]'],
        currency: sent.form['line_items[0][price_data][currency]'],
        amount: sent.form['line_items[0][price_data][unit_amount]'],
        quantity: sent.form['line_items[0][quantity]'],
        recurring: sent.form['line_items[0][price_data][recurring][interval]'],
        success: sent.form.success_url,
        cancel: sent.form.cancel_url,
        descriptor: sent.form['payment_intent_data[statement_descriptor_suffix]'],
        email: sent.form.customer_email,
      },
      {
        mode: 'payment',
        ref: donation.id,
        campaign: 'vorontsov',
        currency: 'eur',
        amount: '2500',
        quantity: '1',
        recurring: undefined,
        success: 'https://habeas.example/donate/vorontsov?status=success',
        cancel: 'https://habeas.example/donate/vorontsov?status=cancel',
        descriptor: 'HABEAS FUND',
        email: 'irina@example.org',
      },
    );
    const identity = await t.db.query(`select di.name, di.email from donor_identities di join donations d on d.donor_id = di.id where d.id = $1`, [
      donation.id,
    ]);
    assert.ok(!identity.rows[0].email.includes('irina'), 'the donor email is stored in clear');
  });

  it('creates a monthly donation as a subscription with an inline recurring price', async () => {
    stripe.requests.length = 0;
    const response = await t
      .client()
      .post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 1000, currency: 'USD', interval: 'month', anonymous: true });
    assert.equal(response.status, 201, response.text);
    const [sent] = stripe.requests;
    assert.equal(sent.form.mode, 'subscription');
    assert.equal(sent.form['line_items[0][price_data][recurring][interval]'], 'month');
    assert.equal(sent.form['line_items[0][price_data][currency]'], 'usd');
    assert.equal(sent.form['subscription_data[metadata][campaign]'], 'vorontsov');
    assert.equal(sent.form['subscription_data[metadata][donation]'], sent.form.client_reference_id);
    assert.equal(sent.form.customer_email, undefined);
  });

  it('refuses amounts outside the limits, unknown currencies and bad input with 4xx', async () => {
    const c = t.client();
    const post = (body: object) => c.post('/api/public/campaigns/vorontsov/checkout', body);
    assert.equal((await post({ amountMinor: 99, currency: 'EUR', anonymous: true })).status, 422);
    assert.equal((await post({ amountMinor: 1_000_001, currency: 'EUR', anonymous: true })).status, 422);
    assert.equal((await post({ amountMinor: 1000, currency: 'JPY', anonymous: true })).status, 422);
    assert.equal((await post({ amountMinor: '1000', currency: 'EUR', anonymous: true })).status, 400);
    assert.equal((await post({ amountMinor: 1000, currency: 'EUR', anonymous: true, email: 'not-an-email' })).status, 400);
    assert.equal((await post({ amountMinor: 1000, currency: 'EUR', anonymous: true, interval: 'year' })).status, 400);
    assert.equal((await c.post('/api/public/campaigns/second-case/checkout', { amountMinor: 1000, currency: 'EUR', anonymous: true })).status, 404);
  });

  it('limits Checkout attempts per address', async () => {
    let status = 0;
    for (let i = 0; i < 22 && status !== 429; i++) {
      status = (await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 500, currency: 'EUR', anonymous: true })).status;
    }
    assert.equal(status, 429);
  });
});
