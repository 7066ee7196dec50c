import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { MailService, type Mail } from '../mail/mail.service';
import { sealText } from './donor-identity';
import { MoneyLedger } from './money-ledger.service';
import { rowsOf } from './sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : value.id;

/**
 * Applies Stripe events exactly once: the event id is stored in the same transaction as its effect,
 * so a redelivery (or five at once) finds it and changes nothing; the caller answers 2xx only after commit.
 */
@Injectable()
export class StripeEvents {
  private readonly logger = new Logger('StripeEvents');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: MoneyLedger,
    private readonly mail: MailService,
  ) {}

  /** Records the event and its effect in one transaction; returns false for a duplicate. */
  async recordStripeEvent(event: Stripe.Event, source: 'webhook' | 'reconciliation' = 'webhook'): Promise<boolean> {
    const mails: Mail[] = [];
    const applied = await this.db.transaction(async (m) => {
      const stored = await rowsOf(m, `insert into stripe_events (id, type, source) values ($1, $2, $3) on conflict do nothing returning id`, [
        event.id,
        event.type,
        source,
      ]);
      if (stored.length === 0) return false;
      await this.apply(m, event, mails);
      return true;
    });
    await this.sendAfterCommit(mails);
    return applied;
  }

  /** For reconciliation: applies a paid Checkout Session found by listing; true when it fixed something. */
  async reconcileSession(session: Stripe.Checkout.Session): Promise<boolean> {
    const mails: Mail[] = [];
    const fixed = await this.db.transaction((m) => this.sessionPaid(m, session, mails));
    await this.sendAfterCommit(mails);
    return fixed;
  }

  /** For reconciliation: a refunded charge whose webhook may have been lost; true when it moved money. */
  async reconcileRefund(charge: Stripe.Charge): Promise<boolean> {
    return this.db.transaction((m) => this.chargeRefunded(m, charge, new Date(), `reconcile:${charge.id}`));
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

  private async sendAfterCommit(mails: Mail[]): Promise<void> {
    for (const mail of mails) {
      try {
        await this.mail.queue(mail);
      } catch (error) {
        this.logger.error({ err: error }, 'could not queue a donor mail');
      }
    }
  }

  private async apply(m: EntityManager, event: Stripe.Event, mails: Mail[]): Promise<void> {
    const at = new Date(event.created * 1000);
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        await this.sessionPaid(m, event.data.object, mails);
        return;
      case 'checkout.session.async_payment_failed': {
        const donation = await this.donationOfSession(m, event.data.object, false);
        if (donation)
          await m.query(`update donations set status = 'failed', updated_at = now() where id = $1 and status = 'pending' and paid_minor = 0`, [donation]);
        return;
      }
      case 'invoice.paid':
        await this.invoicePaid(m, event, mails);
        return;
      case 'customer.subscription.deleted':
        await this.subscriptionDeleted(m, event);
        return;
      case 'charge.refunded':
        await this.chargeRefunded(m, event.data.object, at, event.id);
        return;
      case 'charge.dispute.created':
      case 'charge.dispute.closed': {
        const dispute = event.data.object;
        const ref = idOf(dispute.payment_intent) ?? idOf(dispute.charge) ?? dispute.id;
        const state = event.type === 'charge.dispute.created' ? 'open' : dispute.status === 'lost' ? 'lost' : 'won';
        await this.ledger.lockKey(m, `pay:${ref}`);
        await m.query(
          `insert into stripe_dispute_facts (dispute_id, payment_ref, amount_minor, state) values ($1, $2, $3, $4)
           on conflict (dispute_id) do update set state = case when stripe_dispute_facts.state = 'open' then excluded.state else stripe_dispute_facts.state end, updated_at = now()`,
          [dispute.id, ref, dispute.amount, state],
        );
        await this.ledger.applyAdjustments(m, ref, at, event.id);
        return;
      }
      default:
        return;
    }
  }

  /** A completed (or async-succeeded) Checkout Session; returns true when it recorded new money or a new link. */
  private async sessionPaid(m: EntityManager, session: Stripe.Checkout.Session, mails: Mail[]): Promise<boolean> {
    const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
    const donationId = await this.donationOfSession(m, session, paid);
    if (!donationId) return false;
    if (session.mode === 'subscription') {
      const subscription = idOf(session.subscription);
      return subscription ? this.linkSubscription(m, donationId, subscription, mails) : false;
    }
    if (!paid || !session.amount_total || !session.currency) return false;
    return this.ledger.recordPayment(
      m,
      donationId,
      {
        ref: idOf(session.payment_intent) ?? session.id,
        amountMinor: session.amount_total,
        currency: session.currency.toUpperCase(),
        at: new Date(session.created * 1000),
      },
      mails,
    );
  }

  /**
   * The donation a session belongs to: ours (client_reference_id), or — for Payment Links — a new donation
   * when the session is paid and `metadata.campaign` names a known case.
   */
  private async donationOfSession(m: EntityManager, session: Stripe.Checkout.Session, createIfPaid: boolean): Promise<string | null> {
    const reference = session.client_reference_id;
    if (reference && UUID.test(reference)) {
      const rows = await rowsOf<{ id: string }>(
        m,
        `update donations set stripe_session_id = coalesce(stripe_session_id, $2), updated_at = now() where id = $1 returning id`,
        [reference, session.id],
      );
      if (rows[0]) return rows[0].id;
    }
    await this.ledger.lockKey(m, `session:${session.id}`);
    const [known] = await rowsOf<{ id: string }>(m, `select id from donations where stripe_session_id = $1`, [session.id]);
    if (known) return known.id;
    const slug = session.metadata?.campaign;
    if (!createIfPaid || !slug || !session.amount_total || !session.currency) return null;
    const [theCase] = await rowsOf<{ id: string }>(m, `select id from cases where slug = $1`, [slug]);
    if (!theCase) return null;
    const email = session.customer_details?.email ?? null;
    const donorId = email ? await this.paymentLinkDonor(m, email) : null;
    const [created] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, stripe_session_id, method) values ($1, $2, $3, $4, $5, $6, 'stripe_payment_link') returning id`,
      [theCase.id, donorId, session.mode === 'subscription' ? 'recurring' : 'one_off', session.amount_total, session.currency.toUpperCase(), session.id],
    );
    return created.id;
  }

  private async paymentLinkDonor(m: EntityManager, email: string): Promise<string> {
    const [row] = await rowsOf<{ id: string }>(m, `insert into donor_identities (email, show_name) values ($1, false) returning id`, [sealText(email)]);
    return row.id;
  }

  /** Links a recurring donation to its subscription and replays events that were waiting for it. */
  private async linkSubscription(m: EntityManager, donationId: string, subscription: string, mails: Mail[]): Promise<boolean> {
    await this.ledger.lockKey(m, `sub:${subscription}`);
    const linked = await rowsOf<{ id: string }>(
      m,
      `update donations set stripe_subscription_id = $2, subscription_status = coalesce(subscription_status, 'active'), updated_at = now()
        where id = $1 and stripe_subscription_id is null returning id`,
      [donationId, subscription],
    );
    const waiting = await rowsOf<{ event_id: string; payload: Stripe.Event }>(
      m,
      `delete from stripe_pending_events where wait_key = $1 returning event_id, payload`,
      [`sub:${subscription}`],
    );
    for (const pending of waiting.sort((a, b) => a.payload.created - b.payload.created)) await this.apply(m, pending.payload, mails);
    return linked.length > 0 || waiting.length > 0;
  }

  private async donationOfSubscription(m: EntityManager, subscription: string | null, metadataDonation: string | undefined): Promise<string | null> {
    if (subscription) {
      await this.ledger.lockKey(m, `sub:${subscription}`);
      const [bySubscription] = await rowsOf<{ id: string }>(m, `select id from donations where stripe_subscription_id = $1`, [subscription]);
      if (bySubscription) return bySubscription.id;
    }
    if (metadataDonation && UUID.test(metadataDonation)) {
      const [byId] = await rowsOf<{ id: string }>(m, `select id from donations where id = $1 and kind = 'recurring'`, [metadataDonation]);
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

  private async hold(m: EntityManager, event: Stripe.Event, subscription: string | null): Promise<void> {
    if (!subscription) return;
    await m.query(`insert into stripe_pending_events (event_id, wait_key, payload) values ($1, $2, $3) on conflict do nothing`, [
      event.id,
      `sub:${subscription}`,
      event,
    ]);
  }

  private async invoicePaid(m: EntityManager, event: Stripe.Event, mails: Mail[]): Promise<void> {
    const invoice = event.data.object as Stripe.Invoice;
    const subscription = idOf(invoice.subscription);
    const metadata = invoice.subscription_details?.metadata ?? invoice.lines?.data?.[0]?.metadata ?? {};
    const donationId = await this.donationOfSubscription(m, subscription, metadata.donation);
    if (!donationId) return this.hold(m, event, subscription);
    if (!invoice.amount_paid) return;
    const ref = idOf(invoice.payment_intent) ?? idOf(invoice.charge) ?? invoice.id;
    const at = new Date((invoice.status_transitions?.paid_at ?? event.created) * 1000);
    await this.ledger.recordPayment(
      m,
      donationId,
      { ref, invoiceId: invoice.id, amountMinor: invoice.amount_paid, currency: invoice.currency.toUpperCase(), at },
      mails,
    );
  }

  private async subscriptionDeleted(m: EntityManager, event: Stripe.Event): Promise<void> {
    const subscription = event.data.object as Stripe.Subscription;
    const donationId = await this.donationOfSubscription(m, subscription.id, subscription.metadata?.donation);
    if (!donationId) return this.hold(m, event, subscription.id);
    const at = new Date((subscription.canceled_at ?? event.created) * 1000);
    await m.query(`update donations set subscription_status = 'canceled', canceled_at = coalesce(canceled_at, $2), updated_at = now() where id = $1`, [
      donationId,
      at,
    ]);
  }
}
