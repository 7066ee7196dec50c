import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { MailService } from '../src/mail/mail.service';
import { openOutboxMail, OutboxMailEntity } from '../src/mail/outbox-mail.entity';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import type { HttpClient } from './support/http-client';
import { jobsSettled, MAIL_DELIVERY } from './support/jobs-settled';
import { checkoutSession, deliver, events, stripeTestEnv, uid } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

describe('erasing donors erases every trace of them', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let finance: HttpClient;
  let admin: HttpClient;
  let caseId: string;

  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: { ...stripeTestEnv(stripe.url), MAIL_RETENTION_DAYS: '7' } });
    finance = await t.signIn('finance@demo.local');
    admin = await t.signIn('admin@demo.local');
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
  });
  after(async () => {
    await t?.close();
    await stripe?.close();
  });

  /** Every outbox mail, opened, that mentions `text` anywhere. */
  async function mailsMentioning(text: string): Promise<OutboxMailEntity[]> {
    const all = (await t.app.get(DataSource).getRepository(OutboxMailEntity).find()).map(openOutboxMail);
    return all.filter((mail) => [mail.recipient, mail.subject, mail.body].some((field) => field?.includes(text)));
  }

  async function offlineGift(name: string, email: string): Promise<{ id: string; donorId: string }> {
    const created = await finance.post('/api/donations/offline', { caseId, amountMinor: 2500, currency: 'EUR', method: 'bank transfer', name, email });
    assert.equal(created.status, 201, created.text);
    return { id: created.body.id, donorId: created.body.donorId };
  }

  it('deletes the thank-you mail (name, email, amount) with the donor', async () => {
    const gift = await offlineGift('Olga Erasable', 'olga.erasable@example.org');
    assert.equal((await mailsMentioning('olga.erasable@example.org')).length, 1);
    assert.equal((await finance.post(`/api/donors/${gift.donorId}/erase`)).status, 204);
    assert.deepEqual(await mailsMentioning('olga.erasable@example.org'), []);
    assert.deepEqual(await mailsMentioning('Olga Erasable'), []);
  });

  it('deletes the mails of every donor with "erase all", monthly-gift notices too', async () => {
    await offlineGift('Pavel Everyone', 'pavel.everyone@example.org');
    const subscription = uid('sub');
    const session = checkoutSession({ campaign: 'vorontsov', amount: 1500, mode: 'subscription', subscription, email: 'monthly.everyone@example.org' });
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
    assert.equal((await deliver(t.baseUrl, events.invoicePaid(subscription, uid('pi'), 1500))).status, 200);
    assert.ok((await mailsMentioning('monthly.everyone@example.org')).length >= 1);
    assert.ok((await mailsMentioning('pavel.everyone@example.org')).length >= 1);
    assert.equal((await admin.post('/api/donors/erase-all')).status, 200);
    assert.deepEqual(await mailsMentioning('pavel.everyone@example.org'), []);
    assert.deepEqual(await mailsMentioning('monthly.everyone@example.org'), []);
    assert.deepEqual(await mailsMentioning('Pavel Everyone'), []);
  });

  it('purges recipient, subject and body of delivered mails after the retention period, and only those', async () => {
    const mail = t.app.get(MailService);
    const manager = t.app.get(DataSource).manager;
    const old = await mail.queue({ to: 'old@example.org', subject: 'Old news', text: 'old body' }, manager);
    const recent = await mail.queue({ to: 'recent@example.org', subject: 'Recent', text: 'recent body' }, manager);
    const waiting = await mail.queue({ to: 'waiting@example.org', subject: 'Waiting', text: 'waiting body' }, manager);
    // Their delivery jobs run first (no SMTP here: each is logged), so none rewrites a status set below.
    await jobsSettled(t.db, [MAIL_DELIVERY]);
    await t.db.query(`update mail_outbox set status = 'sent', sent_at = now() - interval '8 days' where id = $1`, [old]);
    await t.db.query(`update mail_outbox set status = 'sent', sent_at = now() - interval '6 days' where id = $1`, [recent]);
    await t.db.query(`update mail_outbox set status = 'failed', updated_at = now() - interval '30 days' where id = $1`, [waiting]);
    assert.ok((await mail.purgeDelivered()) >= 1);
    const rows = await t.app
      .get(DataSource)
      .getRepository(OutboxMailEntity)
      .findBy([{ id: old! }, { id: recent! }, { id: waiting! }])
      .then((mails) => mails.map(openOutboxMail));
    const byId = new Map(rows.map((row) => [row.id, row]));
    assert.deepEqual(
      { recipient: byId.get(old!)!.recipient, body: byId.get(old!)!.body, subject: byId.get(old!)!.subject, status: byId.get(old!)!.status },
      { recipient: null, body: null, subject: null, status: 'sent' },
    );
    assert.ok(byId.get(old!)!.purgedAt);
    assert.equal(byId.get(recent!)!.body, 'recent body');
    assert.equal(byId.get(waiting!)!.body, 'waiting body', 'an undelivered mail is kept whole');
  });

  it('seals a held Stripe payload and deletes it once the event is applied', async () => {
    const subscription = uid('sub');
    const invoice = events.invoicePaid(subscription, uid('pi'), 1500) as unknown as { data: { object: Record<string, unknown> } };
    invoice.data.object.customer_email = 'held.payload@example.org';
    invoice.data.object.customer_name = 'Held Payload Donor';
    assert.equal((await deliver(t.baseUrl, invoice)).status, 200);
    const held = await t.db.query(`select payload from stripe_event_issues where wait_key = $1`, [`sub:${subscription}`]);
    assert.equal(held.rows.length, 1);
    assert.match(held.rows[0].payload, /^v2:/);
    assert.doesNotMatch(held.rows[0].payload, /held\.payload|Held Payload/);
    const issues = await finance.get('/api/donations/attention?limit=100');
    assert.equal(issues.status, 200, issues.text);
    assert.ok(
      issues.body.items.some((item: { type: string; objectId: string }) => item.objectId === invoice.data.object.id),
      'finance still sees the held event',
    );
    const session = checkoutSession({ campaign: 'vorontsov', amount: 1500, mode: 'subscription', subscription });
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
    const after = await t.db.query(`select payload, resolved_at from stripe_event_issues where wait_key = $1`, [`sub:${subscription}`]);
    assert.ok(after.rows[0].resolved_at, 'the held event was applied');
    assert.equal(after.rows[0].payload, null);
  });
});
