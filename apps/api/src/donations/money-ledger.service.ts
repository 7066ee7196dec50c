import { minorToDecimal } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Mail } from '../mail/mail.service';
import { num } from '../common/database/sql';
import { DonorMails } from './donor-mails';
import { MoneyLedgerRepository, type LedgerDonationRow } from './money-ledger.repository';

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

/**
 * The money rules shared by webhooks, reconciliation and offline entries. Every method runs inside the
 * caller's transaction and keeps donations, payments, ledger entries and campaign totals in step.
 */
@Injectable()
export class MoneyLedger {
  constructor(
    private readonly donorMails: DonorMails,
    private readonly repository: MoneyLedgerRepository,
  ) {}

  /** Serialises everything that touches one payment (its insertion, refunds, disputes) across transactions. */
  lockKey(m: EntityManager, key: string): Promise<void> {
    return this.repository.lockKey(m, key);
  }

  /**
   * Records a payment once (keyed by its ref); returns false when it was already recorded. `held` is the donation's
   * row when the caller already holds it locked (inserted or claimed in this transaction): it is not read again.
   */
  async recordPayment(m: EntityManager, donationId: string, fact: PaymentFact, mails: Mail[], held?: LedgerDonationRow): Promise<boolean> {
    let donation = held;
    if (!donation) {
      await this.lockKey(m, `pay:${fact.ref}`);
      donation = await this.repository.donationForUpdate(m, donationId);
    }
    if (!donation) return false;
    const firstPayment = num(donation.paid_minor) === 0;
    const paymentId = await this.repository.insertPayment(m, donation, { ...fact, invoiceId: fact.invoiceId ?? null }, firstPayment);
    if (paymentId === undefined) return false;
    await this.recordMilestones(m, donation.case_id, fact.currency, fact.at);
    if (firstPayment && donation.donor_id) {
      const mail = await this.donorMails.thanks(m, donation.id, paymentId, fact.amountMinor, fact.currency, fact.at);
      if (mail) mails.push(mail);
    }
    // A refund or dispute of this payment may have arrived before it: only then is there anything to apply.
    const early = await this.repository.adjustmentFacts(m, [fact.ref]);
    if (num(early.refunded) > 0 || num(early.withheld) > 0) await this.applyAdjustments(m, fact.ref);
    return true;
  }

  /** Stripe's fee of a payment (from its balance transaction), once; refunds or disputes naming the charge then find it. */
  async recordFee(m: EntityManager, ref: string, fee: FeeFact): Promise<boolean> {
    await this.lockKey(m, `pay:${ref}`);
    const payment = await this.repository.storeFee(m, ref, fee);
    if (!payment) return false;
    await this.repository.addToTotals(m, payment.case_id, fee.currency, payment.kind, { fees: fee.feeMinor });
    if (fee.currency === payment.currency) await this.repository.addFeeToDonation(m, payment.donation_id, fee.feeMinor);
    await this.applyAdjustments(m, ref);
    return true;
  }

  /** Offline money is paid when entered. */
  async recordOffline(m: EntityManager, donationId: string, caseId: string, amount: number, currency: string, at: Date, ref: string): Promise<void> {
    await this.repository.addToTotals(m, caseId, currency, 'offline', { raised: amount, donors: 1 });
    await this.repository.entry(m, { caseId, donationId, kind: 'offline', amount, currency, ref, at });
    await this.recordMilestones(m, caseId, currency, at);
  }

  /**
   * Brings a payment in line with the refund and dispute facts known for it (which may have arrived first);
   * only the difference moves, so applying twice or in any order ends in the same state.
   */
  async applyAdjustments(m: EntityManager, ref: string, at = new Date(), eventRef: string | null = null): Promise<boolean> {
    const payment = await this.repository.paymentForUpdate(m, ref);
    if (!payment) return false;
    // Refunds and disputes name the payment by its PaymentIntent, or by its charge when it has none.
    const keys = [payment.payment_ref, payment.charge_id].filter((key): key is string => Boolean(key));
    const facts = await this.repository.adjustmentFacts(m, keys);
    const amount = num(payment.amount_minor);
    const refunded = Math.min(amount, num(facts.refunded));
    const disputed = Math.min(amount - refunded, num(facts.withheld));
    const refundDelta = refunded - num(payment.refunded_minor);
    const disputeDelta = disputed - num(payment.disputed_minor);
    if (refundDelta === 0 && disputeDelta === 0) return false;
    const donation = await this.repository.donationForUpdate(m, payment.donation_id);
    if (!donation) return false;
    await this.repository.setPaymentAdjustments(m, payment.id, refunded, disputed);
    await this.repository.adjustDonation(m, donation.id, refundDelta, disputeDelta);
    await this.repository.addToTotals(m, payment.case_id, payment.currency, donation.kind, { refunded: refundDelta, disputed: disputeDelta });
    const base = { caseId: payment.case_id, donationId: donation.id, currency: payment.currency, at, ref: eventRef ?? ref };
    if (refundDelta !== 0) await this.repository.entry(m, { ...base, kind: 'refund', amount: -refundDelta });
    if (disputeDelta > 0) await this.repository.entry(m, { ...base, kind: 'dispute', amount: -disputeDelta });
    if (disputeDelta < 0) await this.repository.entry(m, { ...base, kind: 'dispute_reversal', amount: -disputeDelta });
    return true;
  }

  /** An approved expense leaves the fund: spent totals, a ledger line and a timeline milestone. */
  async expensePaid(
    m: EntityManager,
    e: { id: string; caseId: string; category: string; payee: string; spentOn: string; amountMinor: number; currency: string },
  ): Promise<void> {
    await this.repository.addSpent(m, e.caseId, e.currency, e.category, e.amountMinor);
    const at = new Date(`${e.spentOn}T12:00:00Z`);
    await this.repository.entry(m, {
      caseId: e.caseId,
      expenseId: e.id,
      kind: 'expense',
      amount: -e.amountMinor,
      currency: e.currency,
      category: e.category,
      ref: e.payee,
      at,
    });
    const title = `Expense paid: ${e.category.replace(/_/g, ' ')}, ${minorToDecimal(e.amountMinor, e.currency)} ${e.currency}`;
    await this.repository.milestone(m, e.caseId, `expense:${e.id}`, title, 'now');
  }

  /** Timeline milestones, written once when they happen: the first donation and 25/50/75/100% of the goal in the money's currency. */
  async recordMilestones(m: EntityManager, caseId: string, currency: string, at: Date): Promise<void> {
    await this.repository.moneyMilestones(m, caseId, currency, at);
  }
}
