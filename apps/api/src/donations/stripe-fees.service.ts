import { isIsoCurrency } from '@habeas/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { MoneyLedger } from './money-ledger.service';
import { StripeEventsRepository } from './stripe-events.repository';
import { FEES_JOB } from './stripe-events.service';
import { StripeGateway } from './stripe-gateway.service';

/** Refs Stripe can be asked about: a PaymentIntent or a charge (a session id of a free checkout has no fee). */
const FETCHABLE = /^(pi|ch|py)_/;

/**
 * Stripe's fee and the net of each card payment, from the charge's balance transaction. Looked up after the
 * payment is committed (a job per payment, and reconciliation for any still missing), because the balance
 * transaction may not exist yet when the webhook arrives.
 */
@Injectable()
export class StripeFees implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: StripeEventsRepository,
    private readonly stripe: StripeGateway,
    private readonly ledger: MoneyLedger,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ ref: string }>(FEES_JOB, async (job) => {
      if (this.stripe.configured) await this.fill(job.ref);
    });
  }

  /** Payments of the last days whose fee is still unknown. */
  async missing(since: Date, limit = 200): Promise<string[]> {
    return (await this.events.paymentsWithoutFee(since, limit)).filter((ref) => FETCHABLE.test(ref));
  }

  /** Records the fee of one payment once; true when it was recorded now. Stripe errors surface as 502/503. */
  async fill(ref: string): Promise<boolean> {
    if (!FETCHABLE.test(ref)) return false;
    const charge = await this.stripe.call('reading the fee of a payment', async (stripe) => {
      if (ref.startsWith('pi_')) {
        const intent = await stripe.paymentIntents.retrieve(ref, { expand: ['latest_charge.balance_transaction'] });
        return typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
      }
      return stripe.charges.retrieve(ref, { expand: ['balance_transaction'] });
    });
    const balance = charge?.balance_transaction;
    if (!charge || !balance || typeof balance === 'string') return false;
    return this.record(ref, charge, balance);
  }

  private async record(ref: string, charge: Stripe.Charge, balance: Stripe.BalanceTransaction): Promise<boolean> {
    const currency = balance.currency.toUpperCase();
    if (!isIsoCurrency(currency)) return false;
    const fee = { chargeId: charge.id, balanceTransactionId: balance.id, feeMinor: balance.fee, netMinor: balance.net, currency };
    return this.db.transaction((m) => this.ledger.recordFee(m, ref, fee));
  }
}
