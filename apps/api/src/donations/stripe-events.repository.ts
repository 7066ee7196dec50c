import type { StripeIssueReason } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { preparedRows, rowsOf } from '../common/database/sql';
import type { LedgerDonationRow } from './money-ledger.repository';

/** A held event: its id and its sealed payload (see held-stripe-payload.ts). */
export interface HeldEvent {
  event_id: string;
  payload: string;
}

/**
 * What Stripe events write: the events applied (`stripe_events`), those waiting (`stripe_event_issues`), the facts
 * of refunds, disputes and payouts, and the donation columns Stripe owns (session, subscription and its status).
 */
@Injectable()
export class StripeEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Issues whose payload is still plain JSON (held before payloads were sealed). */
  plainIssuePayloads(): Promise<HeldEvent[]> {
    return rowsOf<HeldEvent>(this.db, `select event_id, payload from stripe_event_issues where starts_with(payload, '{')`);
  }

  /** Replaces a plain payload by its sealed form, unless it changed meanwhile. */
  async resealIssuePayload(eventId: string, sealed: string, plain: string): Promise<void> {
    await this.db.query(`update stripe_event_issues set payload = $2 where event_id = $1 and payload = $3`, [eventId, sealed, plain]);
  }

  /** Stores the event id; false when it was stored before. */
  /**
   * Stores the event id unless it is stored (`stored`: it was new) and says whether it waits as needing attention
   * (`open`). Run it after the event's lock: the statement's snapshot then sees what the lock's last holder committed.
   */
  async storeEvent(m: EntityManager, event: Stripe.Event, source: 'webhook' | 'reconciliation'): Promise<{ stored: boolean; open: boolean }> {
    const [row] = await preparedRows<{ stored: boolean; open: boolean }>(
      m,
      `with stored as (insert into stripe_events (id, type, source) values ($1, $2, $3) on conflict do nothing returning id)
       select exists (select 1 from stored) as stored,
              exists (select 1 from stripe_event_issues where event_id = $1 and resolved_at is null) as open`,
      [event.id, event.type, source],
    );
    return row;
  }

  /** Keeps the event as needing attention (again), with why, what it waits for and its sealed payload. */
  async recordIssue(m: EntityManager, event: Stripe.Event, reason: StripeIssueReason, waitKey: string | null, sealedPayload: string): Promise<void> {
    await m.query(
      `insert into stripe_event_issues (event_id, type, reason, wait_key, payload) values ($1, $2, $3, $4, $5)
       on conflict (event_id) do update set reason = excluded.reason, wait_key = excluded.wait_key, payload = excluded.payload, attempts = stripe_event_issues.attempts + 1, last_tried_at = now()`,
      [event.id, event.type, reason, waitKey, sealedPayload],
    );
  }

  async resolveIssue(m: EntityManager, eventId: string): Promise<void> {
    await m.query(`update stripe_event_issues set resolved_at = now(), last_tried_at = now(), payload = null where event_id = $1`, [eventId]);
  }

  /** Up to `limit` unresolved issues with their payloads, oldest first. */
  openIssues(limit: number): Promise<HeldEvent[]> {
    return rowsOf<HeldEvent>(
      this.db,
      `select event_id, payload from stripe_event_issues where resolved_at is null and payload is not null order by first_seen_at limit $1`,
      [limit],
    );
  }

  /** Unresolved issues waiting for this key (a subscription), locked. */
  waitingFor(m: EntityManager, waitKey: string): Promise<HeldEvent[]> {
    return rowsOf<HeldEvent>(
      m,
      `select event_id, payload from stripe_event_issues where wait_key = $1 and resolved_at is null and payload is not null for update`,
      [waitKey],
    );
  }

  /** Records the session on our donation (keeping one recorded before); the donation's id, or undefined when there is none. */
  /** Claims our donation for its Checkout Session; answers its row, locked until the transaction ends. */
  async claimSession(m: EntityManager, donationId: string, sessionId: string): Promise<LedgerDonationRow | undefined> {
    const rows = await preparedRows<LedgerDonationRow>(
      m,
      `update donations set stripe_session_id = coalesce(stripe_session_id, $2), updated_at = now() where id = $1 returning *`,
      [donationId, sessionId],
    );
    return rows[0];
  }

  /** The donation already made for a session (after the session's lock), and the case a campaign slug names. */
  async sessionDonationAndCase(m: EntityManager, sessionId: string, slug: string | null): Promise<{ known: string | null; caseId: string | null }> {
    const [row] = await preparedRows<{ known: string | null; case_id: string | null }>(
      m,
      `select (select id from donations where stripe_session_id = $1) as known, (select id from cases where slug = $2) as case_id`,
      [sessionId, slug],
    );
    return { known: row.known, caseId: row.case_id };
  }

  /** A donation made through a Payment Link (no donation of ours existed before the session). */
  async insertPaymentLinkDonation(
    m: EntityManager,
    donation: { caseId: string; donorId: string | null; kind: 'one_off' | 'recurring'; amountMinor: number; currency: string; sessionId: string },
  ): Promise<LedgerDonationRow> {
    const [created] = await preparedRows<LedgerDonationRow>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, stripe_session_id, method) values ($1, $2, $3, $4, $5, $6, 'stripe_payment_link') returning *`,
      [donation.caseId, donation.donorId, donation.kind, donation.amountMinor, donation.currency, donation.sessionId],
    );
    return created;
  }

  /** An async payment failed: a pending donation that received nothing is failed. */
  async failPendingDonation(m: EntityManager, donationId: string): Promise<void> {
    await m.query(`update donations set status = 'failed', updated_at = now() where id = $1 and status = 'pending' and paid_minor = 0`, [donationId]);
  }

  /** Links the donation to its subscription, unless it already has one. */
  async linkSubscription(m: EntityManager, donationId: string, subscription: string): Promise<void> {
    await m.query(
      `update donations set stripe_subscription_id = $2, subscription_status = coalesce(subscription_status, 'active'), updated_at = now()
        where id = $1 and stripe_subscription_id is null`,
      [donationId, subscription],
    );
  }

  async donationOfSubscription(m: EntityManager, subscription: string): Promise<string | undefined> {
    const [row] = await rowsOf<{ id: string }>(m, `select id from donations where stripe_subscription_id = $1`, [subscription]);
    return row?.id;
  }

  async recurringDonation(m: EntityManager, donationId: string): Promise<string | undefined> {
    const [row] = await rowsOf<{ id: string }>(m, `select id from donations where id = $1 and kind = 'recurring'`, [donationId]);
    return row?.id;
  }

  /** A paid invoice ends a past-due spell. */
  async clearPastDue(m: EntityManager, donationId: string): Promise<void> {
    await m.query(
      `update donations set subscription_status = 'active', payment_failed_at = null, update_card_url = null where id = $1 and subscription_status = 'past_due'`,
      [donationId],
    );
  }

  /** Marks the gift past due from `at` (a later failure than any recorded, of a gift not canceled); true when it changed. */
  async markPastDue(m: EntityManager, donationId: string, at: Date, updateCardUrl: string | null): Promise<boolean> {
    const changed = await rowsOf<{ id: string }>(
      m,
      `update donations set subscription_status = 'past_due', payment_failed_at = $2, update_card_url = $3, updated_at = now()
        where id = $1 and subscription_status is distinct from 'canceled' and (payment_failed_at is null or payment_failed_at < $2) returning id`,
      [donationId, at, updateCardUrl],
    );
    return changed.length > 0;
  }

  async markCanceled(m: EntityManager, donationId: string, canceledAt: Date): Promise<void> {
    await m.query(`update donations set subscription_status = 'canceled', canceled_at = coalesce(canceled_at, $2), updated_at = now() where id = $1`, [
      donationId,
      canceledAt,
    ]);
  }

  /** The cumulative refunded amount of a payment; the greatest seen wins (events arrive in any order). */
  async recordRefundFact(m: EntityManager, paymentRef: string, amountRefunded: number): Promise<void> {
    await m.query(
      `insert into stripe_refund_facts (payment_ref, amount_refunded) values ($1, $2)
       on conflict (payment_ref) do update set amount_refunded = greatest(stripe_refund_facts.amount_refunded, excluded.amount_refunded), updated_at = now()`,
      [paymentRef, amountRefunded],
    );
  }

  /** A dispute's state; a final state (won, lost) is never reopened by a late event. */
  async recordDisputeFact(m: EntityManager, dispute: { id: string; paymentRef: string; amountMinor: number; state: 'open' | 'won' | 'lost' }): Promise<void> {
    await m.query(
      `insert into stripe_dispute_facts (dispute_id, payment_ref, amount_minor, state) values ($1, $2, $3, $4)
       on conflict (dispute_id) do update set
         state = case when stripe_dispute_facts.state = 'open' then excluded.state else stripe_dispute_facts.state end,
         updated_at = now()`,
      [dispute.id, dispute.paymentRef, dispute.amountMinor, dispute.state],
    );
  }

  /** Payments since `since` whose Stripe fee is not known yet, oldest first. */
  async paymentsWithoutFee(since: Date, limit: number): Promise<string[]> {
    const rows = await rowsOf<{ payment_ref: string }>(
      this.db,
      `select payment_ref from donation_payments where fee_minor is null and paid_at >= $1 order by paid_at limit $2`,
      [since, limit],
    );
    return rows.map((row) => row.payment_ref);
  }

  async upsertPayout(m: EntityManager, payout: Stripe.Payout): Promise<void> {
    await m.query(
      `insert into stripe_payouts (id, amount_minor, currency, status, arrival_date) values ($1, $2, $3, $4, to_timestamp($5)::date)
       on conflict (id) do update set status = excluded.status, arrival_date = excluded.arrival_date, updated_at = now()`,
      [payout.id, payout.amount, payout.currency.toUpperCase(), payout.status, payout.arrival_date],
    );
  }
}
