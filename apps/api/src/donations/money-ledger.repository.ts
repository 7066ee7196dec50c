import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedRows, rowsOf } from '../common/database/sql';

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
    await preparedRows(m, `select pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  async donationForUpdate(m: EntityManager, id: string): Promise<LedgerDonationRow | undefined> {
    const rows = await rowsOf<LedgerDonationRow>(m, `select * from donations where id = $1 for update`, [id]);
    return rows[0];
  }

  /**
   * Records a payment in one statement, unless its ref is already recorded: under the payment's lock, the payment
   * row, the donation's paid amount (a pending or failed donation becomes paid), the campaign's totals (one more
   * donor for a first payment) and the ledger entry. Answers the new payment's id, or undefined when it was recorded.
   */
  async insertPayment(
    m: EntityManager,
    donation: LedgerDonationRow,
    p: Omit<NewPayment, 'donationId' | 'caseId'>,
    firstPayment: boolean,
  ): Promise<string | undefined> {
    const inserted = await preparedRows<{ id: string }>(
      m,
      `with locked as (select pg_advisory_xact_lock(hashtext('pay:' || $3::text))),
       payment as (
         insert into donation_payments (donation_id, case_id, payment_ref, invoice_id, amount_minor, currency, paid_at)
         select $1, $2, $3, $4, $5, $6, $7 from locked
         on conflict do nothing returning id),
       paid as (
         update donations set paid_minor = paid_minor + $5, paid_at = coalesce(paid_at, $7),
                status = case when status in ('pending', 'failed') then 'paid' else status end, updated_at = now()
          where id = $1 and exists (select 1 from payment)),
       totals as (
         insert into campaign_totals (case_id, currency, kind, stripe, raised_minor, donor_count)
         select $2, $6, $8, pg_backend_pid() % 16, $5, $9 from payment
         on conflict (case_id, currency, kind, stripe) do update set
           raised_minor = campaign_totals.raised_minor + excluded.raised_minor,
           donor_count = campaign_totals.donor_count + excluded.donor_count,
           updated_at = now()),
       entry as (
         insert into ledger_entries (case_id, donation_id, kind, amount_minor, currency, ref, at)
         select $2, $1, 'payment', $5, $6, $3, $7 from payment)
       select id from payment`,
      [donation.id, donation.case_id, p.ref, p.invoiceId, p.amountMinor, p.currency, p.at, donation.kind, firstPayment ? 1 : 0],
    );
    return inserted[0]?.id;
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
  async adjustmentFacts(m: EntityManager, keys: string[]): Promise<{ refunded: string | null; withheld: string }> {
    const [facts] = await preparedRows<{ refunded: string | null; withheld: string }>(
      m,
      `select (select max(amount_refunded) from stripe_refund_facts where payment_ref = any($1)) as refunded,
              (select coalesce(sum(amount_minor), 0) from stripe_dispute_facts where payment_ref = any($1) and state in ('open', 'lost')) as withheld`,
      [keys],
    );
    return facts;
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

  /**
   * The money milestones reached, each written once, in one statement: the first donation, and each quarter of the
   * campaign's goal in this currency that its net total (raised less refunds and disputes, this transaction's
   * movements included) has reached. Quarters are written together and never removed, so once the whole goal is
   * written there is nothing left to add up.
   */
  async moneyMilestones(m: EntityManager, caseId: string, currency: string, at: Date): Promise<void> {
    await preparedRows(
      m,
      `with progress as (
         select g.amount_minor as goal,
                (select coalesce(sum(t.raised_minor - t.refunded_minor - t.disputed_minor), 0) from campaign_totals t
                  where t.case_id = g.case_id and t.currency = g.currency) as net
           from campaign_goals g where g.case_id = $1 and g.currency = $2
            -- Once the whole goal is reached every quarter is written (they are written together): nothing to add up.
            and not exists (select 1 from money_milestones r where r.case_id = $1 and r.key = 'goal:' || $2::text || ':100'))
       insert into money_milestones (case_id, key, title, at)
       select $1, 'first_donation', 'First donation received', $3::timestamptz
       union all
       select $1, 'goal:' || $2::text || ':' || percent, 'Fundraising reached ' || percent || '% of the ' || $2::text || ' goal', $3::timestamptz
         from progress, unnest(array[25, 50, 75, 100]) as percent
        where progress.net * 100 >= progress.goal * percent
       on conflict do nothing`,
      [caseId, currency, at],
    );
  }
}
