import { minorToDecimal } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Mail } from '../mail/mail.service';
import { CampaignGoalsRepository } from './campaign-goals.repository';
import { num, rowsOf } from '../common/database/sql';
import { DonorMails } from './donor-mails';

export interface PaymentFact {
  /** The PaymentIntent (or charge) id: refunds and disputes refer to the payment by it. */
  ref: string;
  invoiceId?: string | null;
  amountMinor: number;
  currency: string;
  at: Date;
}

export interface FeeFact {
  chargeId: string;
  balanceTransactionId: string;
  feeMinor: number;
  netMinor: number;
  /** The balance transaction's (settlement) currency. */
  currency: string;
}

interface DonationRow {
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

/**
 * The money rules shared by webhooks, reconciliation and offline entries. Every method runs inside the
 * caller's transaction and keeps donations, payments, ledger entries and campaign totals in step.
 */
@Injectable()
export class MoneyLedger {
  constructor(
    private readonly donorMails: DonorMails,
    private readonly goals: CampaignGoalsRepository,
  ) {}

  /** Serialises everything that touches one payment (its insertion, refunds, disputes) across transactions. */
  async lockKey(m: EntityManager, key: string): Promise<void> {
    await m.query(`select pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  async donationForUpdate(m: EntityManager, id: string): Promise<DonationRow | undefined> {
    const rows = await rowsOf<DonationRow>(m, `select * from donations where id = $1 for update`, [id]);
    return rows[0];
  }

  /** Records a payment once (keyed by its ref); returns false when it was already recorded. */
  async recordPayment(m: EntityManager, donationId: string, fact: PaymentFact, mails: Mail[]): Promise<boolean> {
    await this.lockKey(m, `pay:${fact.ref}`);
    const donation = await this.donationForUpdate(m, donationId);
    if (!donation) return false;
    const inserted = await rowsOf<{ id: string }>(
      m,
      `insert into donation_payments (donation_id, case_id, payment_ref, invoice_id, amount_minor, currency, paid_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
      [donation.id, donation.case_id, fact.ref, fact.invoiceId ?? null, fact.amountMinor, fact.currency, fact.at],
    );
    if (inserted.length === 0) return false;
    const firstPayment = num(donation.paid_minor) === 0;
    await m.query(
      `update donations set paid_minor = paid_minor + $2, paid_at = coalesce(paid_at, $3), status = case when status in ('pending', 'failed') then 'paid' else status end, updated_at = now() where id = $1`,
      [donation.id, fact.amountMinor, fact.at],
    );
    await this.addToTotals(m, donation.case_id, fact.currency, donation.kind, { raised: fact.amountMinor, donors: firstPayment ? 1 : 0 });
    await this.entry(m, {
      caseId: donation.case_id,
      donationId: donation.id,
      kind: 'payment',
      amount: fact.amountMinor,
      currency: fact.currency,
      ref: fact.ref,
      at: fact.at,
    });
    await this.recordMilestones(m, donation.case_id, fact.currency, fact.at);
    if (firstPayment) {
      const mail = await this.donorMails.thanks(m, donation.id, inserted[0].id, fact.amountMinor, fact.currency, fact.at);
      if (mail) mails.push(mail);
    }
    await this.applyAdjustments(m, fact.ref);
    return true;
  }

  /** Stripe's fee of a payment (from its balance transaction), once; refunds or disputes naming the charge then find it. */
  async recordFee(m: EntityManager, ref: string, fee: FeeFact): Promise<boolean> {
    await this.lockKey(m, `pay:${ref}`);
    const [payment] = await rowsOf<{ case_id: string; kind: string; currency: string; donation_id: string }>(
      m,
      `update donation_payments p set charge_id = $2, balance_transaction_id = $3, fee_minor = $4, fee_currency = $5, net_minor = $6
        from donations d where d.id = p.donation_id and p.payment_ref = $1 and p.fee_minor is null
        returning p.case_id, d.kind, p.currency, p.donation_id`,
      [ref, fee.chargeId, fee.balanceTransactionId, fee.feeMinor, fee.currency, fee.netMinor],
    );
    if (!payment) return false;
    await this.addToTotals(m, payment.case_id, fee.currency, payment.kind, { fees: fee.feeMinor });
    if (fee.currency === payment.currency) await m.query(`update donations set fee_minor = fee_minor + $2 where id = $1`, [payment.donation_id, fee.feeMinor]);
    await this.applyAdjustments(m, ref);
    return true;
  }

  /** Offline money is paid when entered. */
  async recordOffline(m: EntityManager, donationId: string, caseId: string, amount: number, currency: string, at: Date, ref: string): Promise<void> {
    await this.addToTotals(m, caseId, currency, 'offline', { raised: amount, donors: 1 });
    await this.entry(m, { caseId, donationId, kind: 'offline', amount, currency, ref, at });
    await this.recordMilestones(m, caseId, currency, at);
  }

  /**
   * Brings a payment in line with the refund and dispute facts known for it (which may have arrived first);
   * only the difference moves, so applying twice or in any order ends in the same state.
   */
  async applyAdjustments(m: EntityManager, ref: string, at = new Date(), eventRef: string | null = null): Promise<boolean> {
    const payments = await rowsOf<{
      id: string;
      donation_id: string;
      case_id: string;
      amount_minor: string;
      currency: string;
      refunded_minor: string;
      disputed_minor: string;
      payment_ref: string;
      charge_id: string | null;
    }>(m, `select * from donation_payments where payment_ref = $1 or charge_id = $1 order by payment_ref = $1 desc limit 1 for update`, [ref]);
    const payment = payments[0];
    if (!payment) return false;
    // Refunds and disputes name the payment by its PaymentIntent, or by its charge when it has none.
    const keys = [payment.payment_ref, payment.charge_id].filter(Boolean);
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
    const amount = num(payment.amount_minor);
    const refunded = Math.min(amount, num(refund?.amount_refunded));
    const disputed = Math.min(amount - refunded, num(dispute?.withheld));
    const refundDelta = refunded - num(payment.refunded_minor);
    const disputeDelta = disputed - num(payment.disputed_minor);
    if (refundDelta === 0 && disputeDelta === 0) return false;
    const donation = await this.donationForUpdate(m, payment.donation_id);
    if (!donation) return false;
    await m.query(`update donation_payments set refunded_minor = $2, disputed_minor = $3 where id = $1`, [payment.id, refunded, disputed]);
    await m.query(
      `update donations set refunded_minor = refunded_minor + $2, disputed_minor = disputed_minor + $3, updated_at = now(),
         status = case
           when refunded_minor + $2 >= paid_minor and paid_minor > 0 then 'refunded'
           when disputed_minor + $3 > 0 then 'disputed'
           when refunded_minor + $2 > 0 then 'partially_refunded'
           when status in ('refunded', 'partially_refunded', 'disputed') then 'paid'
           else status end
       where id = $1`,
      [donation.id, refundDelta, disputeDelta],
    );
    await this.addToTotals(m, payment.case_id, payment.currency, donation.kind, { refunded: refundDelta, disputed: disputeDelta });
    const base = { caseId: payment.case_id, donationId: donation.id, currency: payment.currency, at, ref: eventRef ?? ref };
    if (refundDelta !== 0) await this.entry(m, { ...base, kind: 'refund', amount: -refundDelta });
    if (disputeDelta > 0) await this.entry(m, { ...base, kind: 'dispute', amount: -disputeDelta });
    if (disputeDelta < 0) await this.entry(m, { ...base, kind: 'dispute_reversal', amount: -disputeDelta });
    return true;
  }

  /** An approved expense leaves the fund: spent totals, a ledger line and a timeline milestone. */
  async expensePaid(
    m: EntityManager,
    e: { id: string; caseId: string; category: string; payee: string; spentOn: string; amountMinor: number; currency: string },
  ): Promise<void> {
    await m.query(
      `insert into campaign_spent_totals (case_id, currency, category, amount_minor) values ($1, $2, $3, $4)
       on conflict (case_id, currency, category) do update set amount_minor = campaign_spent_totals.amount_minor + excluded.amount_minor`,
      [e.caseId, e.currency, e.category, e.amountMinor],
    );
    const at = new Date(`${e.spentOn}T12:00:00Z`);
    await this.entry(m, {
      caseId: e.caseId,
      expenseId: e.id,
      kind: 'expense',
      amount: -e.amountMinor,
      currency: e.currency,
      category: e.category,
      ref: e.payee,
      at,
    });
    await m.query(`insert into money_milestones (case_id, key, title, at) values ($1, $2, $3, now()) on conflict do nothing`, [
      e.caseId,
      `expense:${e.id}`,
      `Expense paid: ${e.category.replace(/_/g, ' ')}, ${minorToDecimal(e.amountMinor, e.currency)} ${e.currency}`,
    ]);
  }

  async addToTotals(
    m: EntityManager,
    caseId: string,
    currency: string,
    kind: string,
    delta: { raised?: number; refunded?: number; disputed?: number; fees?: number; donors?: number },
  ): Promise<void> {
    await m.query(
      `insert into campaign_totals (case_id, currency, kind, raised_minor, refunded_minor, disputed_minor, fee_minor, donor_count)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (case_id, currency, kind) do update set
         raised_minor = campaign_totals.raised_minor + excluded.raised_minor,
         refunded_minor = campaign_totals.refunded_minor + excluded.refunded_minor,
         disputed_minor = campaign_totals.disputed_minor + excluded.disputed_minor,
         fee_minor = campaign_totals.fee_minor + excluded.fee_minor,
         donor_count = campaign_totals.donor_count + excluded.donor_count,
         updated_at = now()`,
      [caseId, currency, kind, delta.raised ?? 0, delta.refunded ?? 0, delta.disputed ?? 0, delta.fees ?? 0, delta.donors ?? 0],
    );
  }

  async entry(
    m: EntityManager,
    e: {
      caseId: string;
      donationId?: string | null;
      expenseId?: string | null;
      kind: string;
      amount: number;
      currency: string;
      ref?: string | null;
      at: Date;
      category?: string | null;
    },
  ): Promise<void> {
    await m.query(
      `insert into ledger_entries (case_id, donation_id, expense_id, kind, amount_minor, currency, category, ref, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.caseId, e.donationId ?? null, e.expenseId ?? null, e.kind, e.amount, e.currency, e.category ?? null, e.ref ?? null, e.at],
    );
  }

  /** Timeline milestones, written once when they happen: the first donation and 25/50/75/100% of the goal in the money's currency. */
  async recordMilestones(m: EntityManager, caseId: string, currency: string, at: Date): Promise<void> {
    await m.query(
      `insert into money_milestones (case_id, key, title, at) values ($1, 'first_donation', 'First donation received', $2) on conflict do nothing`,
      [caseId, at],
    );
    const progress = await this.goals.goalAndNet(m, caseId, currency);
    if (!progress) return;
    for (const percent of [25, 50, 75, 100]) {
      if (progress.net * 100 < progress.goal * percent) break;
      await m.query(`insert into money_milestones (case_id, key, title, at) values ($1, $2, $3, $4) on conflict do nothing`, [
        caseId,
        `goal:${currency}:${percent}`,
        `Fundraising reached ${percent}% of the ${currency} goal`,
        at,
      ]);
    }
  }
}
