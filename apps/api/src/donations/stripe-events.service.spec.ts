import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Pool } from 'pg';
import type Stripe from 'stripe';
import type { DataSource, EntityManager } from 'typeorm';
import { checkoutSession, events, uid } from '../../test/support/stripe-events';
import { shapes } from '../../test/support/stripe-shapes';
import { createTestDatabase, dropTestDatabase } from '../../test/support/test-database';
import { FieldCipher } from '../common/crypto/field-cipher';
import type { JobsService } from '../jobs/jobs.service';
import type { Mail, MailService } from '../mail/mail.service';
import type { AppConfig } from '../config/app-config';
import { CampaignGoalsRepository } from './campaign-goals.repository';
import { DonorLinksRepository } from './donor-links.repository';
import { DonorMails } from './donor-mails';
import { MoneyLedgerRepository } from './money-ledger.repository';
import { MoneyLedger } from './money-ledger.service';
import type { StripeGateway } from './stripe-gateway.service';
import { StripeEventEffects } from './stripe-event-effects';
import { StripeEventsRepository } from './stripe-events.repository';
import { StripeEvents } from './stripe-events.service';

/** Stripe events against a real PostgreSQL, without the app: each event's effect, once, in one transaction. */
describe('Stripe events', () => {
  let url: string;
  let pool: Pool;
  let service: StripeEvents;
  const mails: Mail[] = [];
  const jobs: Array<{ name: string; data: unknown }> = [];
  let caseId: string;
  let slug: string;

  before(async () => {
    FieldCipher.configure({ id: 'feed0001', key: randomBytes(32) });
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 4 });
    const managerOf = (query: (sql: string, params?: unknown[]) => Promise<unknown[]>) => ({ query }) as unknown as EntityManager;
    const db = {
      query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows),
      async transaction<T>(run: (m: EntityManager) => Promise<T>): Promise<T> {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const value = await run(managerOf((sql, params) => client.query(sql, params).then((r) => r.rows)));
          await client.query('commit');
          return value;
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
    } as unknown as DataSource;
    const mail = { queue: async (m: Mail) => (mails.push(m), randomUUID()) } as unknown as MailService;
    const jobQueue = { send: async (name: string, data: unknown) => void jobs.push({ name, data }) } as unknown as JobsService;
    const stripe = { configured: false } as unknown as StripeGateway;
    const links = new DonorLinksRepository(db);
    const donorMails = new DonorMails({ publicUrl: 'https://habeas.example' } as AppConfig, links);
    const ledger = new MoneyLedger(donorMails, new CampaignGoalsRepository(db), new MoneyLedgerRepository());
    const repository = new StripeEventsRepository(db);
    service = new StripeEvents(db, repository, new StripeEventEffects(repository, ledger, donorMails), ledger, mail, stripe, jobQueue);
  });
  after(async () => {
    await pool?.end();
    if (url) await dropTestDatabase(url);
  });
  beforeEach(async () => {
    caseId = randomUUID();
    slug = `case-${caseId.slice(0, 8)}`;
    await pool.query(`insert into cases (id, slug, title) values ($1, $2, 'Дело')`, [caseId, slug]);
  });

  const record = (e: unknown) => service.recordStripeEvent(e as Stripe.Event);
  const pending = async (kind = 'one_off', amount = 5000) =>
    (await pool.query(`insert into donations (case_id, kind, amount_minor, currency) values ($1, $2, $3, 'EUR') returning id`, [caseId, kind, amount])).rows[0]
      .id as string;
  const donation = async (id: string) =>
    (
      await pool.query(
        `select status, paid_minor::int as paid, refunded_minor::int as refunded, disputed_minor::int as disputed, stripe_session_id, stripe_subscription_id,
                subscription_status, payment_failed_at is not null as at_risk, update_card_url, canceled_at is not null as canceled
           from donations where id = $1`,
        [id],
      )
    ).rows[0];
  const issue = async (eventId: string) =>
    (
      await pool.query(
        `select reason, wait_key, payload is not null as held, resolved_at is not null as resolved from stripe_event_issues where event_id = $1`,
        [eventId],
      )
    ).rows[0];

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
      [{ name: 'donations.fees', data: { ref: pi } }],
    );
    const [stored] = (await pool.query(`select type, source from stripe_events where id = $1`, [event.id])).rows;
    assert.deepEqual(stored, { type: 'checkout.session.completed', source: 'webhook' });
  });

  it('records a session without a payment intent under its own id, and an unpaid one not at all until its money arrives', async () => {
    const id = await pending();
    const session: Record<string, unknown> = { ...checkoutSession({ reference: id, amount: 2000, paid: false }), payment_intent: null };
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    assert.deepEqual([(await donation(id)).status, (await donation(id)).paid], ['pending', 0]);
    assert.equal(await record(events.asyncSucceeded(session)), 'applied');
    assert.equal((await donation(id)).paid, 2000);
    assert.equal((await pool.query(`select count(*)::int as n from donation_payments where payment_ref = $1`, [session.id])).rows[0].n, 1);
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
    const session = checkoutSession({ campaign: slug, amount: 3300, email: 'link.donor@example.org' });
    assert.equal(await record(events.sessionCompleted(session)), 'applied');
    const [created] = (await pool.query(`select id, kind, method, donor_id, currency from donations where stripe_session_id = $1`, [session.id])).rows;
    assert.deepEqual([created.kind, created.method, created.currency], ['one_off', 'stripe_payment_link', 'EUR']);
    assert.ok(created.donor_id);
    assert.equal((await donation(created.id)).paid, 3300);

    const lost = events.sessionCompleted(checkoutSession({ campaign: 'no-such-campaign', amount: 3300 }));
    assert.equal(await record(lost), 'needs_attention');
    assert.deepEqual(await issue(lost.id), { reason: 'unknown_campaign', wait_key: null, held: true, resolved: false });
    const [{ payload }] = (await pool.query(`select payload from stripe_event_issues where event_id = $1`, [lost.id])).rows;
    assert.match(payload, /^v2:feed0001:/, 'held sealed');
    assert.equal(await record(lost), 'needs_attention', 'a redelivery is tried again, not taken as a duplicate');
    assert.equal((await pool.query(`select attempts from stripe_event_issues where event_id = $1`, [lost.id])).rows[0].attempts, 2);
  });

  it('refuses a session without an amount or in a currency it does not know', async () => {
    const noAmount = events.sessionCompleted({ ...checkoutSession({ campaign: slug, amount: 1 }), amount_total: null });
    assert.equal(await record(noAmount), 'needs_attention');
    assert.equal((await issue(noAmount.id)).reason, 'missing_amount');
    const odd = events.sessionCompleted(checkoutSession({ campaign: slug, amount: 100, currency: 'xxq' }));
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
    const [row] = (await pool.query(`select amount_minor::int as amount, currency, status from stripe_payouts where id = $1`, [payout])).rows;
    assert.deepEqual(row, { amount: 12345, currency: 'EUR', status: 'failed' });
  });

  it('retries what waits, applying what now can', async () => {
    const lost = events.sessionCompleted(checkoutSession({ campaign: `late-${slug}`, amount: 800 }));
    assert.equal(await record(lost), 'needs_attention');
    const stillLost = events.sessionCompleted(checkoutSession({ campaign: 'never-there', amount: 800 }));
    await record(stillLost);
    await pool.query(`update cases set slug = $2 where id = $1`, [caseId, `late-${slug}`]);
    const result = await service.retryOpenIssues();
    assert.ok(result.fixed >= 1 && result.failed >= 1 && result.checked === result.fixed + result.failed);
    assert.equal((await issue(lost.id)).resolved, true);
    assert.equal((await issue(lost.id)).held, false, 'an applied payload is deleted');
    assert.equal((await issue(stillLost.id)).resolved, false);
    const [source] = (await pool.query(`select source from stripe_events where id = $1`, [lost.id])).rows;
    assert.equal(source.source, 'webhook', 'first seen by the webhook');
  });

  it('ignores event types it does not handle, once', async () => {
    const other = { id: uid('evt'), object: 'event', type: 'customer.created', created: 1, data: { object: { id: uid('cus') } } };
    assert.equal(await record(other), 'applied');
    assert.equal(await record(other), 'duplicate');
  });
});
