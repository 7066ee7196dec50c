import type { StripeIssueReason } from '@habeas/contracts';
import { isIsoCurrency } from '@habeas/contracts';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '../common/group-commit';
import { JobsService } from '../jobs/jobs.service';
import { MailService, type Mail } from '../mail/mail.service';
import { DonorMails } from './donor-mails';
import { insertDonorIdentity } from './donor-identity';
import { MoneyLedger } from './money-ledger.service';
import { heldPayload, holdPayload } from './held-stripe-payload';
import { rowsOf } from './sql';
import { StripeGateway } from './stripe-gateway.service';
import { idOf, invoiceFacts, withFetchedInvoice, type AnyInvoice } from './stripe-shapes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const FEES_JOB = 'donations.fees';

/** Why a signed, well-formed event could not be applied (null: applied). */
type Problem = { reason: StripeIssueReason; waitKey?: string } | null;
export type EventOutcome = 'applied' | 'duplicate' | 'needs_attention';

interface Work {
  mails: Mail[];
  /** Payments recorded in this transaction, whose fee is looked up afterwards. */
  paid: string[];
}

/**
 * Applies Stripe events exactly once: the event id is stored in the same transaction as its effect, so a
 * redelivery (or five at once) finds it and changes nothing; the caller answers 2xx only after commit. An event
 * that cannot be applied is kept as "needs attention" with its reason and retried (redelivery, a linked
 * subscription, reconciliation) until it applies — it is never marked done without its effect.
 */
@Injectable()
export class StripeEvents implements OnApplicationBootstrap {
  private readonly logger = new Logger('StripeEvents');
  /** Webhook events arriving together commit together (docs/decisions/0024-webhook-group-commit.md). */
  private readonly webhookCommits = new GroupCommit<EntityManager>((run) => this.db.transaction(run));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: MoneyLedger,
    private readonly mail: MailService,
    private readonly stripe: StripeGateway,
    private readonly jobs: JobsService,
    private readonly donorMails: DonorMails,
  ) {}

  /** Seals payloads held in plain JSON before they were sealed (see held-stripe-payload.ts). */
  async onApplicationBootstrap(): Promise<void> {
    const plain = await rowsOf<{ event_id: string; payload: string }>(
      this.db,
      `select event_id, payload from stripe_event_issues where starts_with(payload, '{')`,
    );
    for (const row of plain) {
      await this.db.query(`update stripe_event_issues set payload = $2 where event_id = $1 and payload = $3`, [
        row.event_id,
        holdPayload(heldPayload(row.payload, row.event_id)),
        row.payload,
      ]);
    }
  }

  /** Records the event and its effect in one transaction. */
  async recordStripeEvent(event: Stripe.Event, source: 'webhook' | 'reconciliation' = 'webhook'): Promise<EventOutcome> {
    const prepared = await this.prepare(event);
    return this.inTransaction(source === 'webhook', async (m, work) => {
      await this.ledger.lockKey(m, `event:${event.id}`);
      const stored = await rowsOf<{ id: string }>(m, `insert into stripe_events (id, type, source) values ($1, $2, $3) on conflict do nothing returning id`, [
        event.id,
        event.type,
        source,
      ]);
      const [open] = await rowsOf<{ event_id: string }>(m, `select event_id from stripe_event_issues where event_id = $1 and resolved_at is null`, [event.id]);
      if (stored.length === 0 && !open) return 'duplicate';
      const problem = await this.apply(m, prepared, work);
      if (problem) {
        await m.query(
          `insert into stripe_event_issues (event_id, type, reason, wait_key, payload) values ($1, $2, $3, $4, $5)
           on conflict (event_id) do update set reason = excluded.reason, wait_key = excluded.wait_key, payload = excluded.payload, attempts = stripe_event_issues.attempts + 1, last_tried_at = now()`,
          [event.id, event.type, problem.reason, problem.waitKey ?? null, holdPayload(event)],
        );
        return 'needs_attention';
      }
      if (open) await m.query(`update stripe_event_issues set resolved_at = now(), last_tried_at = now(), payload = null where event_id = $1`, [event.id]);
      return 'applied';
    });
  }

  /** Every event still waiting, oldest first, tried again (reconciliation); returns how many now applied and how many still wait. */
  async retryOpenIssues(limit = 200): Promise<{ checked: number; fixed: number; failed: number }> {
    const open = await rowsOf<{ event_id: string; payload: string }>(
      this.db,
      `select event_id, payload from stripe_event_issues where resolved_at is null and payload is not null order by first_seen_at limit $1`,
      [limit],
    );
    let fixed = 0;
    for (const { event_id, payload } of open) if ((await this.recordStripeEvent(heldPayload(payload, event_id), 'reconciliation')) === 'applied') fixed += 1;
    return { checked: open.length, fixed, failed: open.length - fixed };
  }

  /** For reconciliation: applies a paid Checkout Session found by listing; true when it fixed something. */
  async reconcileSession(session: Stripe.Checkout.Session): Promise<boolean> {
    return this.inTransaction(false, async (m, work) => {
      await this.sessionPaid(m, session, work);
      return work.paid.length > 0 || work.mails.length > 0;
    });
  }

  /** For reconciliation: a paid invoice (one month of a monthly gift) whose webhook may have been lost. */
  async reconcileInvoice(invoice: AnyInvoice): Promise<boolean> {
    return this.inTransaction(false, async (m, work) => {
      await this.invoicePaid(m, invoice, invoice.status_transitions?.paid_at ?? invoice.created ?? Math.floor(Date.now() / 1000), work);
      return work.paid.length > 0;
    });
  }

  /** For reconciliation: a refunded charge whose webhook may have been lost; true when it moved money. */
  async reconcileRefund(charge: Stripe.Charge): Promise<boolean> {
    return this.db.transaction((m) => this.chargeRefunded(m, charge, new Date(), `reconcile:${charge.id}`));
  }

  /** One transaction (shared with other webhook events when `grouped`); mails and fee look-ups go out only after it committed. */
  private async inTransaction<T>(grouped: boolean, run: (m: EntityManager, work: Work) => Promise<T>): Promise<T> {
    const unit = async (m: EntityManager) => {
      const work: Work = { mails: [], paid: [] };
      const value = await run(m, work);
      for (const ref of work.paid)
        await this.jobs.send(FEES_JOB, { ref }, { singletonKey: `fee:${ref}`, retryLimit: 5, retryDelay: 60, retryBackoff: true }, m);
      return { value, work };
    };
    const { value: result, work } = grouped ? await this.webhookCommits.run(unit) : await this.db.transaction(unit);
    for (const mail of work.mails) {
      try {
        await this.mail.queue(mail);
      } catch (error) {
        this.logger.error({ err: error }, 'could not queue a donor mail');
      }
    }
    return result;
  }

  /**
   * A payload in a newer API version may lack what the app needs (a basil invoice without `payments`): the same
   * invoice is fetched with the SDK's pinned version, outside any transaction. Unreachable: the payload as sent.
   */
  private async prepare(event: Stripe.Event): Promise<Stripe.Event> {
    if (event.type !== 'invoice.paid' && event.type !== 'invoice.payment_failed') return event;
    const invoice = event.data.object as unknown as AnyInvoice;
    const facts = invoiceFacts(invoice);
    const lacksPayment = event.type === 'invoice.paid' && facts.amountPaid > 0 && !facts.paymentRef;
    if ((facts.subscription && !lacksPayment) || !this.stripe.configured) return event;
    try {
      const fetched = (await this.stripe.api().invoices.retrieve(invoice.id)) as unknown as AnyInvoice;
      return { ...event, data: { ...event.data, object: withFetchedInvoice(invoice, fetched) } } as unknown as Stripe.Event;
    } catch (error) {
      this.logger.warn({ err: error, invoice: invoice.id }, 'could not fetch an invoice the webhook payload lacked facts of');
      return event;
    }
  }

  private async apply(m: EntityManager, event: Stripe.Event, work: Work): Promise<Problem> {
    const at = new Date(event.created * 1000);
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return this.sessionPaid(m, event.data.object, work);
      case 'checkout.session.async_payment_failed': {
        const { donationId } = await this.donationOfSession(m, event.data.object, false);
        if (donationId)
          await m.query(`update donations set status = 'failed', updated_at = now() where id = $1 and status = 'pending' and paid_minor = 0`, [donationId]);
        return null;
      }
      case 'invoice.paid':
        return this.invoicePaid(m, event.data.object as unknown as AnyInvoice, event.created, work);
      case 'invoice.payment_failed':
        return this.invoiceFailed(m, event.data.object as unknown as AnyInvoice, at, work);
      case 'customer.subscription.deleted':
        return this.subscriptionDeleted(m, event.data.object, at);
      case 'charge.refunded':
        await this.chargeRefunded(m, event.data.object, at, event.id);
        return null;
      case 'charge.dispute.created':
      case 'charge.dispute.funds_withdrawn':
      case 'charge.dispute.funds_reinstated':
      case 'charge.dispute.closed':
        await this.disputeChanged(m, event.type, event.data.object, at, event.id);
        return null;
      case 'payout.created':
      case 'payout.updated':
      case 'payout.paid':
      case 'payout.failed':
      case 'payout.canceled':
        await this.payoutChanged(m, event.data.object);
        return null;
      default:
        return null;
    }
  }

  /** A completed (or async-succeeded) Checkout Session. */
  private async sessionPaid(m: EntityManager, session: Stripe.Checkout.Session, work: Work): Promise<Problem> {
    const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
    const { donationId, problem } = await this.donationOfSession(m, session, paid);
    if (!donationId) return problem;
    if (session.mode === 'subscription') {
      const subscription = idOf(session.subscription);
      if (!subscription) return paid ? { reason: 'missing_subscription' } : null;
      await this.linkSubscription(m, donationId, subscription, work);
      return null;
    }
    // An unpaid completed session (bank debits, vouchers) is settled later by checkout.session.async_payment_*.
    if (!paid) return null;
    if (!session.amount_total || !session.currency) return { reason: 'missing_amount' };
    if (!isIsoCurrency(session.currency.toUpperCase())) return { reason: 'unsupported_currency' };
    const ref = idOf(session.payment_intent) ?? session.id;
    const fact = { ref, amountMinor: session.amount_total, currency: session.currency.toUpperCase(), at: new Date(session.created * 1000) };
    if (await this.ledger.recordPayment(m, donationId, fact, work.mails)) work.paid.push(ref);
    return null;
  }

  /**
   * The donation a session belongs to: ours (client_reference_id), or — for Payment Links — a new donation
   * when the session is paid and `metadata.campaign` names a known case.
   */
  private async donationOfSession(
    m: EntityManager,
    session: Stripe.Checkout.Session,
    createIfPaid: boolean,
  ): Promise<{ donationId: string | null; problem: Problem }> {
    const reference = session.client_reference_id;
    if (reference && UUID.test(reference)) {
      const rows = await rowsOf<{ id: string }>(
        m,
        `update donations set stripe_session_id = coalesce(stripe_session_id, $2), updated_at = now() where id = $1 returning id`,
        [reference, session.id],
      );
      if (rows[0]) return { donationId: rows[0].id, problem: null };
    }
    await this.ledger.lockKey(m, `session:${session.id}`);
    const [known] = await rowsOf<{ id: string }>(m, `select id from donations where stripe_session_id = $1`, [session.id]);
    if (known) return { donationId: known.id, problem: null };
    if (!createIfPaid) return { donationId: null, problem: null };
    const slug = session.metadata?.campaign;
    const [theCase] = slug ? await rowsOf<{ id: string }>(m, `select id from cases where slug = $1`, [slug]) : [];
    if (!theCase) return { donationId: null, problem: { reason: 'unknown_campaign' } };
    if (!session.amount_total || !session.currency) return { donationId: null, problem: { reason: 'missing_amount' } };
    if (!isIsoCurrency(session.currency.toUpperCase())) return { donationId: null, problem: { reason: 'unsupported_currency' } };
    const email = session.customer_details?.email ?? null;
    const donorId = email ? await this.paymentLinkDonor(m, email) : null;
    const [created] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, stripe_session_id, method) values ($1, $2, $3, $4, $5, $6, 'stripe_payment_link') returning id`,
      [theCase.id, donorId, session.mode === 'subscription' ? 'recurring' : 'one_off', session.amount_total, session.currency.toUpperCase(), session.id],
    );
    return { donationId: created.id, problem: null };
  }

  private async paymentLinkDonor(m: EntityManager, email: string): Promise<string> {
    return insertDonorIdentity(m, { email, showName: false });
  }

  /** Links a recurring donation to its subscription and applies the events that were waiting for it. */
  private async linkSubscription(m: EntityManager, donationId: string, subscription: string, work: Work): Promise<void> {
    await this.ledger.lockKey(m, `sub:${subscription}`);
    await m.query(
      `update donations set stripe_subscription_id = $2, subscription_status = coalesce(subscription_status, 'active'), updated_at = now()
        where id = $1 and stripe_subscription_id is null`,
      [donationId, subscription],
    );
    const rows = await rowsOf<{ event_id: string; payload: string }>(
      m,
      `select event_id, payload from stripe_event_issues where wait_key = $1 and resolved_at is null and payload is not null for update`,
      [`sub:${subscription}`],
    );
    const waiting = rows.map((row) => ({ eventId: row.event_id, event: heldPayload(row.payload, row.event_id) }));
    for (const pending of waiting.sort((a, b) => a.event.created - b.event.created)) {
      const problem = await this.apply(m, pending.event, work);
      if (!problem)
        await m.query(`update stripe_event_issues set resolved_at = now(), last_tried_at = now(), payload = null where event_id = $1`, [pending.eventId]);
    }
  }

  private async donationOfSubscription(m: EntityManager, subscription: string | null, hint: string | null | undefined): Promise<string | null> {
    if (subscription) {
      await this.ledger.lockKey(m, `sub:${subscription}`);
      const [bySubscription] = await rowsOf<{ id: string }>(m, `select id from donations where stripe_subscription_id = $1`, [subscription]);
      if (bySubscription) return bySubscription.id;
    }
    if (hint && UUID.test(hint)) {
      const [byId] = await rowsOf<{ id: string }>(m, `select id from donations where id = $1 and kind = 'recurring'`, [hint]);
      if (byId) {
        if (subscription)
          await m.query(
            `update donations set stripe_subscription_id = $2, subscription_status = coalesce(subscription_status, 'active') where id = $1 and stripe_subscription_id is null`,
            [byId.id, subscription],
          );
        return byId.id;
      }
    }
    return null;
  }

  /** One month of a monthly gift, in whichever invoice shape it came. */
  private async invoicePaid(m: EntityManager, invoice: AnyInvoice, createdAt: number, work: Work): Promise<Problem> {
    const facts = invoiceFacts(invoice);
    if (!facts.subscription && !facts.donationHint) return { reason: 'missing_subscription' };
    const donationId = await this.donationOfSubscription(m, facts.subscription, facts.donationHint);
    if (!donationId) return { reason: 'unknown_subscription', waitKey: `sub:${facts.subscription}` };
    if (!facts.amountPaid) return null;
    if (!facts.currency || !isIsoCurrency(facts.currency)) return { reason: 'unsupported_currency' };
    if (!facts.paymentRef) return { reason: 'missing_payment_reference' };
    const at = new Date((facts.paidAt ?? createdAt) * 1000);
    const fact = { ref: facts.paymentRef, invoiceId: invoice.id, amountMinor: facts.amountPaid, currency: facts.currency, at };
    if (await this.ledger.recordPayment(m, donationId, fact, work.mails)) work.paid.push(facts.paymentRef);
    await m.query(
      `update donations set subscription_status = 'active', payment_failed_at = null, update_card_url = null where id = $1 and subscription_status = 'past_due'`,
      [donationId],
    );
    return null;
  }

  /** A monthly payment failed: the gift is at risk until a later invoice is paid; the donor is told how to update the card. */
  private async invoiceFailed(m: EntityManager, invoice: AnyInvoice, at: Date, work: Work): Promise<Problem> {
    const facts = invoiceFacts(invoice);
    if (!facts.subscription && !facts.donationHint) return { reason: 'missing_subscription' };
    const donationId = await this.donationOfSubscription(m, facts.subscription, facts.donationHint);
    if (!donationId) return { reason: 'unknown_subscription', waitKey: `sub:${facts.subscription}` };
    const changed = await rowsOf<{ id: string }>(
      m,
      `update donations set subscription_status = 'past_due', payment_failed_at = $2, update_card_url = $3, updated_at = now()
        where id = $1 and subscription_status is distinct from 'canceled' and (payment_failed_at is null or payment_failed_at < $2) returning id`,
      [donationId, at, invoice.hosted_invoice_url ?? null],
    );
    if (changed.length > 0) {
      const mail = await this.donorMails.paymentFailed(m, donationId, invoice.hosted_invoice_url ?? null, invoice.id);
      if (mail) work.mails.push(mail);
    }
    return null;
  }

  private async subscriptionDeleted(m: EntityManager, subscription: Stripe.Subscription, at: Date): Promise<Problem> {
    const donationId = await this.donationOfSubscription(m, subscription.id, subscription.metadata?.donation);
    if (!donationId) return { reason: 'unknown_subscription', waitKey: `sub:${subscription.id}` };
    const canceledAt = subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : at;
    await m.query(`update donations set subscription_status = 'canceled', canceled_at = coalesce(canceled_at, $2), updated_at = now() where id = $1`, [
      donationId,
      canceledAt,
    ]);
    return null;
  }

  /** Stores the cumulative refunded amount of a charge (greatest wins) and applies it if the payment is known. */
  private async chargeRefunded(m: EntityManager, charge: Stripe.Charge, at: Date, entryRef: string): Promise<boolean> {
    const ref = idOf(charge.payment_intent) ?? charge.id;
    await this.ledger.lockKey(m, `pay:${ref}`);
    await m.query(
      `insert into stripe_refund_facts (payment_ref, amount_refunded) values ($1, $2)
       on conflict (payment_ref) do update set amount_refunded = greatest(stripe_refund_facts.amount_refunded, excluded.amount_refunded), updated_at = now()`,
      [ref, charge.amount_refunded],
    );
    return this.ledger.applyAdjustments(m, ref, at, entryRef);
  }

  /**
   * Money is withheld while a dispute is open or lost; an inquiry (`warning_*`) withholds nothing. A final state
   * (won, lost) is never reopened by a late event.
   */
  private async disputeChanged(m: EntityManager, type: string, dispute: Stripe.Dispute, at: Date, eventId: string): Promise<void> {
    const ref = idOf(dispute.payment_intent) ?? idOf(dispute.charge) ?? dispute.id;
    const inquiry = dispute.status.startsWith('warning_');
    const state =
      type === 'charge.dispute.closed' ? (dispute.status === 'lost' ? 'lost' : 'won') : type === 'charge.dispute.funds_reinstated' || inquiry ? 'won' : 'open';
    await this.ledger.lockKey(m, `pay:${ref}`);
    await m.query(
      `insert into stripe_dispute_facts (dispute_id, payment_ref, amount_minor, state) values ($1, $2, $3, $4)
       on conflict (dispute_id) do update set
         state = case when stripe_dispute_facts.state = 'open' then excluded.state else stripe_dispute_facts.state end,
         updated_at = now()`,
      [dispute.id, ref, dispute.amount, state],
    );
    await this.ledger.applyAdjustments(m, ref, at, eventId);
  }

  private async payoutChanged(m: EntityManager, payout: Stripe.Payout): Promise<void> {
    await m.query(
      `insert into stripe_payouts (id, amount_minor, currency, status, arrival_date) values ($1, $2, $3, $4, to_timestamp($5)::date)
       on conflict (id) do update set status = excluded.status, arrival_date = excluded.arrival_date, updated_at = now()`,
      [payout.id, payout.amount, payout.currency.toUpperCase(), payout.status, payout.arrival_date],
    );
  }
}
