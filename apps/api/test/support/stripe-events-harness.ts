import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import { Pool } from 'pg';
import type Stripe from 'stripe';
import type { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import type { AppConfig } from '../../src/config/app-config';
import { DonorLinksRepository } from '../../src/donations/donor-links.repository';
import { insertDonorIdentity } from '../../src/donations/donor-identity';
import { DonorMails } from '../../src/donations/donor-mails';
import { MoneyLedgerRepository } from '../../src/donations/money-ledger.repository';
import { MoneyLedger } from '../../src/donations/money-ledger.service';
import { StripeEventEffects } from '../../src/donations/stripe-event-effects';
import { StripeEventsRepository } from '../../src/donations/stripe-events.repository';
import { StripeEvents } from '../../src/donations/stripe-events.service';
import type { StripeGateway } from '../../src/donations/stripe-gateway.service';
import type { JobsService } from '../../src/jobs/jobs.service';
import type { Mail, MailService } from '../../src/mail/mail.service';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface SentJob {
  name: string;
  data: unknown;
  options: unknown;
  /** Whether it was sent on the caller's transaction. */
  onTransaction: boolean;
}

/**
 * Stripe events against a real PostgreSQL, without the app: the service, its effects and the ledger wired by hand
 * on a cloned database; mails and jobs are kept in arrays. Registers the file's before/after/beforeEach hooks.
 */
export function stripeEventsHarness() {
  const h = {
    url: '',
    pool: undefined as unknown as Pool,
    db: undefined as unknown as DataSource,
    service: undefined as unknown as StripeEvents,
    mails: [] as Mail[],
    jobs: [] as SentJob[],
    caseId: '',
    slug: '',
    /** A second service whose gateway reaches "Stripe": `invoices.retrieve` answers from `fetchable` (or throws). */
    fetching: undefined as unknown as StripeEvents,
    fetchable: new Map<string, unknown>(),
    fetched: [] as string[],
    /** When set, queuing a mail fails (the event must apply all the same). */
    mailFails: false,
  };

  before(async () => {
    FieldCipher.configure({ id: 'feed0001', key: randomBytes(32) });
    h.url = await createTestDatabase();
    h.pool = new Pool({ connectionString: h.url, max: 4 });
    const managerOf = (query: (sql: string, params?: unknown[]) => Promise<unknown[]>) => ({ query }) as unknown as EntityManager;
    h.db = {
      query: (sql: string, params?: unknown[]) => h.pool.query(sql, params).then((r) => r.rows),
      async transaction<T>(run: (m: EntityManager) => Promise<T>): Promise<T> {
        const client = await h.pool.connect();
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
    const mail = {
      queue: async (m: Mail) => {
        if (h.mailFails) throw new Error('mail queue down');
        h.mails.push(m);
        return randomUUID();
      },
    } as unknown as MailService;
    const jobQueue = {
      send: async (name: string, data: unknown, options: unknown, m?: EntityManager) => void h.jobs.push({ name, data, options, onTransaction: Boolean(m) }),
    } as unknown as JobsService;
    const links = new DonorLinksRepository(h.db);
    const donorMails = new DonorMails({ publicUrl: 'https://habeas.example' } as AppConfig, links);
    const ledger = new MoneyLedger(donorMails, new MoneyLedgerRepository());
    const repository = new StripeEventsRepository(h.db);
    const effects = new StripeEventEffects(repository, ledger, donorMails);
    h.service = new StripeEvents(h.db, repository, effects, ledger, mail, { configured: false } as unknown as StripeGateway, jobQueue);
    const reachable = {
      configured: true,
      api: () => ({
        invoices: {
          retrieve: async (id: string) => {
            h.fetched.push(id);
            const invoice = h.fetchable.get(id);
            if (!invoice) throw new Error('no such invoice');
            return invoice;
          },
        },
      }),
    } as unknown as StripeGateway;
    h.fetching = new StripeEvents(h.db, repository, effects, ledger, mail, reachable, jobQueue);
  });
  after(async () => {
    await h.pool?.end();
    if (h.url) await dropTestDatabase(h.url);
  });
  beforeEach(async () => {
    h.caseId = randomUUID();
    h.slug = `case-${h.caseId.slice(0, 8)}`;
    h.mailFails = false;
    await h.pool.query(`insert into cases (id, slug, title) values ($1, $2, 'Дело')`, [h.caseId, h.slug]);
  });

  const record = (e: unknown, source?: 'webhook' | 'reconciliation') => h.service.recordStripeEvent(e as Stripe.Event, source);
  /** A pending donation of ours; with `email`, its donor can be mailed. */
  const pending = async (kind = 'one_off', amount = 5000, email?: string) => {
    const donorId = email
      ? await insertDonorIdentity({ query: (sql: string, params?: unknown[]) => h.pool.query(sql, params) } as never, { email, showName: false })
      : null;
    const { rows } = await h.pool.query(`insert into donations (case_id, kind, amount_minor, currency, donor_id) values ($1, $2, $3, 'EUR', $4) returning id`, [
      h.caseId,
      kind,
      amount,
      donorId,
    ]);
    return rows[0].id as string;
  };
  const donation = async (id: string) =>
    (
      await h.pool.query(
        `select status, paid_minor::int as paid, refunded_minor::int as refunded, disputed_minor::int as disputed, stripe_session_id, stripe_subscription_id,
                subscription_status, payment_failed_at is not null as at_risk, payment_failed_at, update_card_url, canceled_at is not null as canceled, canceled_at
           from donations where id = $1`,
        [id],
      )
    ).rows[0];
  const issue = async (eventId: string) =>
    (
      await h.pool.query(
        `select reason, wait_key, payload is not null as held, resolved_at is not null as resolved from stripe_event_issues where event_id = $1`,
        [eventId],
      )
    ).rows[0];
  const payments = async (donationId: string) =>
    (
      await h.pool.query(
        `select payment_ref, invoice_id, amount_minor::int as amount, currency, extract(epoch from paid_at)::int as paid_at
           from donation_payments where donation_id = $1 order by paid_at`,
        [donationId],
      )
    ).rows;
  /** A bare event of any type, created at `created` (seconds). */
  const raw = (type: string, object: object, created = Math.floor(Date.now() / 1000) - 600): Stripe.Event =>
    ({ id: `evt_${randomBytes(8).toString('hex')}`, object: 'event', type, created, data: { object } }) as unknown as Stripe.Event;

  return Object.assign(h, { record, pending, donation, issue, payments, raw });
}
