import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '../common/group-commit';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { heldPayload, holdPayload } from './held-stripe-payload';
import { MoneyLedger } from './money-ledger.service';
import { StripeEventEffects, type Work } from './stripe-event-effects';
import { StripeEventsRepository } from './stripe-events.repository';
import { StripeGateway } from './stripe-gateway.service';
import { invoiceFacts, withFetchedInvoice, type AnyInvoice } from './stripe-shapes';

export const FEES_JOB = 'donations.fees';
/** Webhook transactions open side by side (each on its own connection, adding to its own totals stripe). */
const WEBHOOK_LANES = 4;

export type EventOutcome = 'applied' | 'duplicate' | 'needs_attention';

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
  private readonly webhookCommits = new GroupCommit<EntityManager>((run) => this.db.transaction(run), 100, WEBHOOK_LANES);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: StripeEventsRepository,
    private readonly effects: StripeEventEffects,
    private readonly ledger: MoneyLedger,
    private readonly mail: MailService,
    private readonly stripe: StripeGateway,
    private readonly jobs: JobsService,
  ) {}

  /** Seals payloads held in plain JSON before they were sealed (see held-stripe-payload.ts). */
  async onApplicationBootstrap(): Promise<void> {
    for (const row of await this.events.plainIssuePayloads()) {
      await this.events.resealIssuePayload(row.event_id, holdPayload(heldPayload(row.payload, row.event_id)), row.payload);
    }
  }

  /** Records the event and its effect in one transaction. */
  async recordStripeEvent(event: Stripe.Event, source: 'webhook' | 'reconciliation' = 'webhook'): Promise<EventOutcome> {
    const prepared = await this.prepare(event);
    return this.inTransaction(source === 'webhook', async (m, work) => {
      await this.ledger.lockKey(m, `event:${event.id}`);
      const { stored, open } = await this.events.storeEvent(m, event, source);
      if (!stored && !open) return 'duplicate';
      const problem = await this.effects.apply(m, prepared, work);
      if (problem) {
        await this.events.recordIssue(m, event, problem.reason, problem.waitKey ?? null, holdPayload(event));
        return 'needs_attention';
      }
      if (open) await this.events.resolveIssue(m, event.id);
      return 'applied';
    });
  }

  /** Every event still waiting, oldest first, tried again (reconciliation); returns how many now applied and how many still wait. */
  async retryOpenIssues(limit = 200): Promise<{ checked: number; fixed: number; failed: number }> {
    const open = await this.events.openIssues(limit);
    let fixed = 0;
    for (const { event_id, payload } of open) if ((await this.recordStripeEvent(heldPayload(payload, event_id), 'reconciliation')) === 'applied') fixed += 1;
    return { checked: open.length, fixed, failed: open.length - fixed };
  }

  /** For reconciliation: applies a paid Checkout Session found by listing; true when it fixed something. */
  async reconcileSession(session: Stripe.Checkout.Session): Promise<boolean> {
    return this.inTransaction(false, async (m, work) => {
      await this.effects.sessionPaid(m, session, work);
      return work.paid.length > 0 || work.mails.length > 0;
    });
  }

  /** For reconciliation: a paid invoice (one month of a monthly gift) whose webhook may have been lost. */
  async reconcileInvoice(invoice: AnyInvoice): Promise<boolean> {
    return this.inTransaction(false, async (m, work) => {
      await this.effects.invoicePaid(m, invoice, invoice.status_transitions?.paid_at ?? invoice.created ?? Math.floor(Date.now() / 1000), work);
      return work.paid.length > 0;
    });
  }

  /** For reconciliation: a refunded charge whose webhook may have been lost; true when it moved money. */
  async reconcileRefund(charge: Stripe.Charge): Promise<boolean> {
    return this.db.transaction((m) => this.effects.chargeRefunded(m, charge, new Date(), `reconcile:${charge.id}`));
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
}
