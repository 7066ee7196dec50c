import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/database/sql';

export interface LedgerDonationRow {
  id: string;
  case_id: string;
  kind: 'one_off' | 'recurring' | 'offline';
  currency: string;
  paid_minor: string;
  refunded_minor: string;
  disputed_minor: string;
  donor_id: string | null;
  status: string;
}

export interface LedgerPaymentRow {
  id: string;
  donation_id: string;
  case_id: string;
  amount_minor: string;
  currency: string;
  refunded_minor: string;
  disputed_minor: string;
  payment_ref: string;
  charge_id: string | null;
}

export interface NewPayment {
  donationId: string;
  caseId: string;
  ref: string;
  invoiceId: string | null;
  amountMinor: number;
  currency: string;
  at: Date;
}

export interface StoredFee {
  chargeId: string;
  balanceTransactionId: string;
  feeMinor: number;
  netMinor: number;
  currency: string;
}

export interface TotalsDelta {
  raised?: number;
  refunded?: number;
  disputed?: number;
  fees?: number;
  donors?: number;
}

export interface LedgerEntry {
  caseId: string;
  donationId?: string | null;
  expenseId?: string | null;
  kind: string;
  amount: number;
  currency: string;
  ref?: string | null;
  at: Date;
  category?: string | null;
}

/**
 * Every query of the money ledger. Each method runs on the caller's transaction (`m`): the ledger's rules decide
 * what moves, and the locks taken here hold until that transaction ends.
 */
@Injectable()
export class MoneyLedgerRepository {
  /** A transaction-scoped advisory lock on a key (a payment, a session, a subscription, an event). */
  async lockKey(m: EntityManager, key: string): Promise<void> {
    await m.query(`select pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  async donationForUpdate(m: EntityManager, id: string): Promise<LedgerDonationRow | undefined> {
    const rows = await rowsOf<LedgerDonationRow>(m, `select * from donations where id = $1 for update`, [id]);
    return rows[0];
  }

  /** Inserts the payment unless its ref is already recorded; answers the new row's id, or undefined when it was. */
  async insertPayment(m: EntityManager, p: NewPayment): Promise<string | undefined> {
    const inserted = await rowsOf<{ id: string }>(
      m,
      `insert into donation_payments (donation_id, case_id, payment_ref, invoice_id, amount_minor, currency, paid_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
      [p.donationId, p.caseId, p.ref, p.invoiceId, p.amountMinor, p.currency, p.at],
    );
    return inserted[0]?.id;
  }

  /** Adds a payment to its donation: paid amount, first paid date, and a pending or failed donation becomes paid. */
  async addPaidToDonation(m: EntityManager, donationId: string, amountMinor: number, at: Date): Promise<void> {
    await m.query(
      `update donations set paid_minor = paid_minor + $2, paid_at = coalesce(paid_at, $3), status = case when status in ('pending', 'failed') then 'paid' else status end, updated_at = now() where id = $1`,
      [donationId, amountMinor, at],
    );
  }

  /** Stores Stripe's fee on the payment with this ref unless one is stored; answers the payment (with its donation's kind) or undefined. */
  async storeFee(m: EntityManager, ref: string, fee: StoredFee): Promise<{ case_id: string; kind: string; currency: string; donation_id: string } | undefined> {
    const [payment] = await rowsOf<{ case_id: string; kind: string; currency: string; donation_id: string }>(
      m,
      `update donation_payments p set charge_id = $2, balance_transaction_id = $3, fee_minor = $4, fee_currency = $5, net_minor = $6
        from donations d where d.id = p.donation_id and p.payment_ref = $1 and p.fee_minor is null
        returning p.case_id, d.kind, p.currency, p.donation_id`,
      [ref, fee.chargeId, fee.balanceTransactionId, fee.feeMinor, fee.currency, fee.netMinor],
    );
    return payment;
  }

  async addFeeToDonation(m: EntityManager, donationId: string, feeMinor: number): Promise<void> {
    await m.query(`update donations set fee_minor = fee_minor + $2 where id = $1`, [donationId, feeMinor]);
  }

  /** The payment a ref names (its PaymentIntent first, else its charge), locked. */
  async paymentForUpdate(m: EntityManager, ref: string): Promise<LedgerPaymentRow | undefined> {
    const payments = await rowsOf<LedgerPaymentRow>(
      m,
      `select * from donation_payments where payment_ref = $1 or charge_id = $1 order by payment_ref = $1 desc limit 1 for update`,
      [ref],
    );
    return payments[0];
  }

  /** The refund and dispute facts known for a payment under any of its keys: the most refunded, and what open or lost disputes withhold. */
  async adjustmentFacts(m: EntityManager, keys: string[]): Promise<{ refunded: string | null | undefined; withheld: string | undefined }> {
    const [refund] = await rowsOf<{ amount_refunded: string }>(
      m,
      `select max(amount_refunded) as amount_refunded from stripe_refund_facts where payment_ref = any($1)`,
      [keys],
    );
    const [dispute] = await rowsOf<{ withheld: string }>(
      m,
      `select coalesce(sum(amount_minor), 0) as withheld from stripe_dispute_facts where payment_ref = any($1) and state in ('open', 'lost')`,
      [keys],
    );
    return { refunded: refund?.amount_refunded, withheld: dispute?.withheld };
  }

  async setPaymentAdjustments(m: EntityManager, paymentId: string, refunded: number, disputed: number): Promise<void> {
    await m.query(`update donation_payments set refunded_minor = $2, disputed_minor = $3 where id = $1`, [paymentId, refunded, disputed]);
  }

  /** Moves a donation's refunded and disputed amounts by the deltas; its status follows from the new amounts. */
  async adjustDonation(m: EntityManager, donationId: string, refundDelta: number, disputeDelta: number): Promise<void> {
    await m.query(
      `update donations set refunded_minor = refunded_minor + $2, disputed_minor = disputed_minor + $3, updated_at = now(),
         status = case
           when refunded_minor + $2 >= paid_minor and paid_minor > 0 then 'refunded'
           when disputed_minor + $3 > 0 then 'disputed'
           when refunded_minor + $2 > 0 then 'partially_refunded'
           when status in ('refunded', 'partially_refunded', 'disputed') then 'paid'
           else status end
       where id = $1`,
      [donationId, refundDelta, disputeDelta],
    );
  }

  async addSpent(m: EntityManager, caseId: string, currency: string, category: string, amountMinor: number): Promise<void> {
    await m.query(
      `insert into campaign_spent_totals (case_id, currency, category, amount_minor) values ($1, $2, $3, $4)
       on conflict (case_id, currency, category) do update set amount_minor = campaign_spent_totals.amount_minor + excluded.amount_minor`,
      [caseId, currency, category, amountMinor],
    );
  }

  /**
   * Adds to the stripe of the caller's connection (one of 16 rows per campaign, currency and kind), so transactions
   * on different connections do not queue on one row lock; every reader sums the stripes (decision 0024).
   */
  async addToTotals(m: EntityManager, caseId: string, currency: string, kind: string, delta: TotalsDelta): Promise<void> {
    await m.query(
      `insert into campaign_totals (case_id, currency, kind, stripe, raised_minor, refunded_minor, disputed_minor, fee_minor, donor_count)
       values ($1, $2, $3, pg_backend_pid() % 16, $4, $5, $6, $7, $8)
       on conflict (case_id, currency, kind, stripe) do update set
         raised_minor = campaign_totals.raised_minor + excluded.raised_minor,
         refunded_minor = campaign_totals.refunded_minor + excluded.refunded_minor,
         disputed_minor = campaign_totals.disputed_minor + excluded.disputed_minor,
         fee_minor = campaign_totals.fee_minor + excluded.fee_minor,
         donor_count = campaign_totals.donor_count + excluded.donor_count,
         updated_at = now()`,
      [caseId, currency, kind, delta.raised ?? 0, delta.refunded ?? 0, delta.disputed ?? 0, delta.fees ?? 0, delta.donors ?? 0],
    );
  }

  async entry(m: EntityManager, e: LedgerEntry): Promise<void> {
    await m.query(
      `insert into ledger_entries (case_id, donation_id, expense_id, kind, amount_minor, currency, category, ref, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.caseId, e.donationId ?? null, e.expenseId ?? null, e.kind, e.amount, e.currency, e.category ?? null, e.ref ?? null, e.at],
    );
  }

  /** A timeline milestone, written once per key. */
  async milestone(m: EntityManager, caseId: string, key: string, title: string, at: Date | 'now'): Promise<void> {
    if (at === 'now') {
      await m.query(`insert into money_milestones (case_id, key, title, at) values ($1, $2, $3, now()) on conflict do nothing`, [caseId, key, title]);
      return;
    }
    await m.query(`insert into money_milestones (case_id, key, title, at) values ($1, $2, $3, $4) on conflict do nothing`, [caseId, key, title, at]);
  }
}
