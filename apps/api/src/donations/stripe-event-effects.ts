import type { StripeIssueReason } from '@habeas/contracts';
import { isIsoCurrency } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import type { EntityManager } from 'typeorm';
import type { Mail } from '../mail/mail.service';
import { DonorMails } from './donor-mails';
import { insertDonorIdentity } from './donor-identity';
import { heldPayload } from './held-stripe-payload';
import type { LedgerDonationRow } from './money-ledger.repository';
import { MoneyLedger } from './money-ledger.service';
import { StripeEventsRepository } from './stripe-events.repository';
import { idOf, invoiceFacts, type AnyInvoice } from './stripe-shapes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a signed, well-formed event could not be applied (null: applied). */
export type Problem = { reason: StripeIssueReason; waitKey?: string } | null;

/** What an applied event leaves to do once its transaction committed. */
export interface Work {
  mails: Mail[];
  /** Payments recorded in this transaction, whose fee is looked up afterwards. */
  paid: string[];
}

/**
 * The effect of each kind of Stripe event on donations and the ledger, in the caller's transaction: payments,
 * monthly gifts and their subscriptions, refunds, disputes and payouts. `StripeEvents` decides when one runs.
 */
@Injectable()
export class StripeEventEffects {
  constructor(
    private readonly events: StripeEventsRepository,
    private readonly ledger: MoneyLedger,
    private readonly donorMails: DonorMails,
  ) {}

  /** Applies one event's effect in the caller's transaction; the problem that keeps it waiting, or null once applied. */
  async apply(m: EntityManager, event: Stripe.Event, work: Work): Promise<Problem> {
    const at = new Date(event.created * 1000);
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded':
        return this.sessionPaid(m, event.data.object, work);
      case 'checkout.session.async_payment_failed': {
        const { donationId } = await this.donationOfSession(m, event.data.object, false);
        if (donationId) await this.events.failPendingDonation(m, donationId);
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
  async sessionPaid(m: EntityManager, session: Stripe.Checkout.Session, work: Work): Promise<Problem> {
    const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
    const { donationId, held, problem } = await this.donationOfSession(m, session, paid);
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
    if (await this.ledger.recordPayment(m, donationId, fact, work.mails, held)) work.paid.push(ref);
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
  ): Promise<{ donationId: string | null; held?: LedgerDonationRow; problem: Problem }> {
    const reference = session.client_reference_id;
    if (reference && UUID.test(reference)) {
      const claimed = await this.events.claimSession(m, reference, session.id);
      if (claimed) return { donationId: claimed.id, held: claimed, problem: null };
    }
    await this.ledger.lockKey(m, `session:${session.id}`);
    const { known, caseId } = await this.events.sessionDonationAndCase(m, session.id, session.metadata?.campaign || null);
    if (known) return { donationId: known, problem: null };
    if (!createIfPaid) return { donationId: null, problem: null };
    if (!caseId) return { donationId: null, problem: { reason: 'unknown_campaign' } };
    if (!session.amount_total || !session.currency) return { donationId: null, problem: { reason: 'missing_amount' } };
    if (!isIsoCurrency(session.currency.toUpperCase())) return { donationId: null, problem: { reason: 'unsupported_currency' } };
    const email = session.customer_details?.email ?? null;
    const donorId = email ? await insertDonorIdentity(m, { email, showName: false }) : null;
    const created = await this.events.insertPaymentLinkDonation(m, {
      caseId,
      donorId,
      kind: session.mode === 'subscription' ? 'recurring' : 'one_off',
      amountMinor: session.amount_total,
      currency: session.currency.toUpperCase(),
      sessionId: session.id,
    });
    return { donationId: created.id, held: created, problem: null };
  }

  /** Links a recurring donation to its subscription and applies the events that were waiting for it. */
  private async linkSubscription(m: EntityManager, donationId: string, subscription: string, work: Work): Promise<void> {
    await this.ledger.lockKey(m, `sub:${subscription}`);
    await this.events.linkSubscription(m, donationId, subscription);
    const rows = await this.events.waitingFor(m, `sub:${subscription}`);
    const waiting = rows.map((row) => ({ eventId: row.event_id, event: heldPayload(row.payload, row.event_id) }));
    for (const pending of waiting.sort((a, b) => a.event.created - b.event.created)) {
      const problem = await this.apply(m, pending.event, work);
      if (!problem) await this.events.resolveIssue(m, pending.eventId);
    }
  }

  private async donationOfSubscription(m: EntityManager, subscription: string | null, hint: string | null | undefined): Promise<string | null> {
    if (subscription) {
      await this.ledger.lockKey(m, `sub:${subscription}`);
      const bySubscription = await this.events.donationOfSubscription(m, subscription);
      if (bySubscription) return bySubscription;
    }
    if (hint && UUID.test(hint)) {
      const byId = await this.events.recurringDonation(m, hint);
      if (byId) {
        if (subscription) await this.events.linkSubscription(m, byId, subscription);
        return byId;
      }
    }
    return null;
  }

  /** One month of a monthly gift, in whichever invoice shape it came. */
  async invoicePaid(m: EntityManager, invoice: AnyInvoice, createdAt: number, work: Work): Promise<Problem> {
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
    await this.events.clearPastDue(m, donationId);
    return null;
  }

  /** A monthly payment failed: the gift is at risk until a later invoice is paid; the donor is told how to update the card. */
  private async invoiceFailed(m: EntityManager, invoice: AnyInvoice, at: Date, work: Work): Promise<Problem> {
    const facts = invoiceFacts(invoice);
    if (!facts.subscription && !facts.donationHint) return { reason: 'missing_subscription' };
    const donationId = await this.donationOfSubscription(m, facts.subscription, facts.donationHint);
    if (!donationId) return { reason: 'unknown_subscription', waitKey: `sub:${facts.subscription}` };
    if (await this.events.markPastDue(m, donationId, at, invoice.hosted_invoice_url ?? null)) {
      const mail = await this.donorMails.paymentFailed(m, donationId, invoice.hosted_invoice_url ?? null, invoice.id);
      if (mail) work.mails.push(mail);
    }
    return null;
  }

  private async subscriptionDeleted(m: EntityManager, subscription: Stripe.Subscription, at: Date): Promise<Problem> {
    const donationId = await this.donationOfSubscription(m, subscription.id, subscription.metadata?.donation);
    if (!donationId) return { reason: 'unknown_subscription', waitKey: `sub:${subscription.id}` };
    const canceledAt = subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : at;
    await this.events.markCanceled(m, donationId, canceledAt);
    return null;
  }

  /** Stores the cumulative refunded amount of a charge (greatest wins) and applies it if the payment is known. */
  async chargeRefunded(m: EntityManager, charge: Stripe.Charge, at: Date, entryRef: string): Promise<boolean> {
    const ref = idOf(charge.payment_intent) ?? charge.id;
    await this.ledger.lockKey(m, `pay:${ref}`);
    await this.events.recordRefundFact(m, ref, charge.amount_refunded);
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
    await this.events.recordDisputeFact(m, { id: dispute.id, paymentRef: ref, amountMinor: dispute.amount, state });
    await this.ledger.applyAdjustments(m, ref, at, eventId);
  }

  private async payoutChanged(m: EntityManager, payout: Stripe.Payout): Promise<void> {
    await this.events.upsertPayout(m, payout);
  }
}
