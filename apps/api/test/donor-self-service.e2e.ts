import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { OutboxMailEntity } from '../src/mail/outbox-mail.entity';
import { mailedLink, subscriptionAt } from './support/donor-links';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import type { HttpClient } from './support/http-client';
import { checkoutSession, deliver, events, stripeTestEnv, uid } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

/** The pinned API version of the Stripe SDK the app uses (its calls carry it as Stripe-Version). */
const PINNED = '2025-02-24.acacia';

describe('donors’ receipts and private links', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let finance: HttpClient;
  let anon: HttpClient;
  let caseId: string;

  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: stripeTestEnv(stripe.url) });
    finance = await t.signIn('finance@demo.local');
    anon = t.client();
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
    const saved = await finance.put('/api/fund-settings', { legalName: { ru: 'АНО «Правовая защита»', en: 'Legal Defence ANO' } });
    assert.equal(saved.status, 200, saved.text);
    const settings = await finance.get(`/api/cases/${caseId}/campaign`);
    const put = await finance.put(`/api/cases/${caseId}/campaign`, { ...settings.body, currencies: ['EUR', 'JPY', 'KWD'], maxAmountMinor: 1_000_000 });
    assert.equal(put.status, 200, put.text);
  });
  after(async () => {
    await t?.close();
    await stripe?.close();
  });

  /** Checkout as the donation page does it, then Stripe's completion: returns the donation id. */
  async function give(spec: { email: string; language: 'ru' | 'en'; amount: number; monthly?: string; name?: string }): Promise<string> {
    const checkout = await anon.post('/api/public/campaigns/vorontsov/checkout', {
      amountMinor: spec.amount,
      currency: 'EUR',
      interval: spec.monthly ? 'month' : undefined,
      anonymous: true,
      email: spec.email,
      name: spec.name,
      language: spec.language,
    });
    assert.equal(checkout.status, 201, checkout.text);
    const [donation] = (await t.db.query(`select id from donations where stripe_session_id = $1`, [checkout.body.url.split('/').pop()])).rows;
    const session = checkoutSession({
      reference: donation.id,
      amount: spec.amount,
      mode: spec.monthly ? 'subscription' : 'payment',
      subscription: spec.monthly ?? null,
      email: spec.email,
    });
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
    if (spec.monthly) assert.equal((await deliver(t.baseUrl, events.invoicePaid(spec.monthly, uid('pi'), spec.amount))).status, 200);
    return donation.id;
  }

  const thanksMail = (donationId: string) => mailedLink(t, donationId);

  async function pdfText(path: string): Promise<{ status: number; text: string; type: string | null }> {
    const response = await fetch(`${t.baseUrl}${path}`);
    if (response.status !== 200) return { status: response.status, text: '', type: response.headers.get('content-type') };
    const { extractText, getDocumentProxy } = await import('unpdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, ' ');
    return { status: 200, text, type: response.headers.get('content-type') };
  }

  it('sends the donor’s language to Stripe Checkout and keeps it for the donor', async () => {
    const id = await give({ email: 'lang.en@example.org', language: 'en', amount: 2500 });
    const create = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions').at(-1)!;
    assert.equal(create.form.locale, 'en');
    const [row] = (await t.db.query(`select di.language from donations d join donor_identities di on di.id = d.donor_id where d.id = $1`, [id])).rows;
    assert.equal(row.language, 'en');
    assert.equal((await thanksMail(id)).subject, 'Thank you for your donation');
  });

  it('mails a Russian donor a receipt link; the PDF is in Russian with the fund’s legal name and nothing about the case but its title', async () => {
    const id = await give({ email: 'receipt.ru@example.org', language: 'ru', amount: 5000, name: 'Ольга Квитанцина' });
    const mail = await thanksMail(id);
    assert.equal(mail.subject, 'Спасибо за пожертвование');
    const receipt = await pdfText(mail.receiptPath);
    assert.equal(receipt.status, 200);
    assert.equal(receipt.type, 'application/pdf');
    for (const expected of ['Квитанция о пожертвовании', 'АНО «Правовая защита»', 'Ольга Квитанцина', '50,00', 'EUR'])
      assert.ok(receipt.text.includes(expected), expected);
    const [theCase] = (await t.db.query(`select title, court, judge, court_case_number from cases where id = $1`, [caseId])).rows;
    const [ru] = (await t.db.query(`select title from campaign_texts where case_id = $1 and language = 'ru'`, [caseId])).rows;
    const campaignTitle: string = ru?.title || theCase.title;
    assert.ok(receipt.text.includes(campaignTitle.slice(0, 20)), `the campaign title is printed: ${campaignTitle} in ${receipt.text}`);
    for (const secret of [theCase.court, theCase.judge, theCase.court_case_number].filter(Boolean))
      assert.ok(!receipt.text.includes(secret), `the receipt says nothing about the case (${secret})`);
    const english = await pdfText(`${mail.receiptPath}?language=en`);
    assert.ok(english.text.includes('Donation receipt') && english.text.includes('Legal Defence ANO') && english.text.includes('€50.00'), english.text);
  });

  it('shows the donor their gifts and lets them cancel a monthly gift through Stripe’s API, in the pinned version', async () => {
    const subscription = subscriptionAt(stripe);
    const id = await give({ email: 'monthly.cancel@example.org', language: 'en', amount: 1500, monthly: subscription });
    const { token } = await thanksMail(id);
    const page = await anon.get(`/api/public/donor-links/${token}`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.language, 'en');
    assert.equal(page.body.gifts.length, 1);
    const [gift] = page.body.gifts;
    assert.deepEqual([gift.id, gift.kind, gift.changeable, gift.receipts.length, gift.amountMinor], [id, 'recurring', true, 1, 1500]);
    assert.equal(JSON.stringify(page.body).includes('monthly.cancel@example.org'), false, 'no e-mail on the page');

    const canceled = await anon.post(`/api/public/donor-links/${token}/gifts/${id}/cancel`);
    assert.equal(canceled.status, 200, canceled.text);
    assert.deepEqual([canceled.body.subscriptionStatus, canceled.body.changeable], ['canceled', false]);
    assert.equal(stripe.subscriptions[subscription].status, 'canceled');
    const call = stripe.requests.find((r) => r.method === 'DELETE' && r.path === `/v1/subscriptions/${subscription}`);
    assert.equal(call?.headers['stripe-version'], PINNED);
    const [row] = (await t.db.query(`select subscription_status, canceled_at from donations where id = $1`, [id])).rows;
    assert.equal(row.subscription_status, 'canceled');
    assert.ok(row.canceled_at);
    assert.equal((await anon.post(`/api/public/donor-links/${token}/gifts/${id}/cancel`)).status, 409, 'twice is refused, not re-sent');
    // Stripe's own event afterwards changes nothing more.
    assert.equal((await deliver(t.baseUrl, events.subscriptionDeleted(subscription))).status, 200);
    assert.equal((await t.db.query(`select subscription_status from donations where id = $1`, [id])).rows[0].subscription_status, 'canceled');
  });

  it('changes a monthly amount at Stripe from the next invoice on, within the limits of its currency', async () => {
    const subscription = subscriptionAt(stripe);
    const id = await give({ email: 'monthly.change@example.org', language: 'ru', amount: 1000, monthly: subscription });
    const { token } = await thanksMail(id);
    const tooSmall = await anon.patch(`/api/public/donor-links/${token}/gifts/${id}`, { amountMinor: 50 });
    assert.equal(tooSmall.status, 422, tooSmall.text);
    const changed = await anon.patch(`/api/public/donor-links/${token}/gifts/${id}`, { amountMinor: 3000 });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.amountMinor, 3000);
    const form = stripe.subscriptions[subscription].updated_form as Record<string, string>;
    assert.equal(form['items[0][price_data][unit_amount]'], '3000');
    assert.equal(form['items[0][price_data][currency]'], 'eur');
    assert.equal(form['items[0][price_data][recurring][interval]'], 'month');
    assert.equal(form.proration_behavior, 'none');
  });

  it('answers 404 to a wrong token, to another donor’s gift, and to a one-off gift’s change with 409', async () => {
    const mine = await give({ email: 'mine@example.org', language: 'en', amount: 2000 });
    const theirs = await give({ email: 'theirs@example.org', language: 'en', amount: 2000 });
    const { token } = await thanksMail(mine);
    assert.equal((await anon.get(`/api/public/donor-links/${'x'.repeat(43)}`)).status, 404);
    // One character changed (a token that already ends in A changes to B, else the link would be the same).
    assert.equal((await anon.get(`/api/public/donor-links/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).status, 404);
    assert.equal((await anon.post(`/api/public/donor-links/${token}/gifts/${theirs}/cancel`)).status, 404);
    const theirReceipt = (await t.db.query(`select id from donation_payments where donation_id = $1`, [theirs])).rows[0].id;
    assert.equal((await fetch(`${t.baseUrl}/api/public/donor-links/${token}/receipts/${theirReceipt}`)).status, 404);
    assert.equal((await anon.post(`/api/public/donor-links/${token}/gifts/${mine}/cancel`)).status, 409);
  });

  it('stops the link and the receipts of an erased donor (404), and erases the mail that carried them', async () => {
    const id = await give({ email: 'erase.me@example.org', language: 'ru', amount: 2000 });
    const mail = await thanksMail(id);
    assert.equal((await anon.get(`/api/public/donor-links/${mail.token}`)).status, 200);
    const donorId = (await t.db.query(`select donor_id from donations where id = $1`, [id])).rows[0].donor_id;
    assert.equal((await finance.post(`/api/donors/${donorId}/erase`)).status, 204);
    assert.equal((await anon.get(`/api/public/donor-links/${mail.token}`)).status, 404);
    assert.equal((await pdfText(mail.receiptPath)).status, 404);
    assert.equal((await t.db.query(`select count(*)::int as n from donor_links where donor_id = $1`, [donorId])).rows[0].n, 0);
    assert.equal(
      await t.app
        .get(DataSource)
        .getRepository(OutboxMailEntity)
        .countBy({ dedupeKey: `donation-thanks:${id}` }),
      0,
    );
  });

  it('checks checkout amounts by the currency’s exponent', async () => {
    const tryGift = (amountMinor: number, currency: string) =>
      anon.post('/api/public/campaigns/vorontsov/checkout', { amountMinor, currency, anonymous: true }).then((r) => r.status);
    assert.equal(await tryGift(50, 'JPY'), 422, '¥50 is under the smallest gift');
    assert.equal(await tryGift(5000, 'JPY'), 201, '¥5,000');
    assert.equal(await tryGift(500, 'KWD'), 422, '0.500 KWD');
    assert.equal(await tryGift(5000, 'KWD'), 201, '5.000 KWD');
    assert.equal(await tryGift(2_000_000, 'KWD'), 201, '2,000.000 KWD is under €10,000’s carried-over largest gift');
    assert.equal(await tryGift(1_000_001, 'EUR'), 422);
    const campaign = await anon.get('/api/public/campaigns/vorontsov');
    const jpy = campaign.body.limits.find((l: { currency: string }) => l.currency === 'JPY');
    assert.deepEqual([jpy.minAmountMinor, jpy.presets[0]], [100, 1000]);
  });
});
