import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { UpstreamFailure } from '../common/http/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { MoneyAttentionRepository } from './money-attention.repository';
import { StripeEvents } from './stripe-events.service';
import { StripeFees } from './stripe-fees.service';
import { StripeGateway } from './stripe-gateway.service';
import type { AnyInvoice } from './stripe-shapes';
import { AppConfig } from '../config/app-config';

export const RECONCILE_JOB = 'donations.reconcile';
const LOOKBACK_SECONDS = 3 * 24 * 3600;

export interface ReconciliationResult {
  checked: number;
  fixed: number;
  failed: number;
}

/**
 * Webhooks get lost; every 30 minutes (once across instances, via pg-boss) the events still needing attention are
 * tried again, the recent Checkout Sessions, paid invoices (monthly gifts) and charges are listed from Stripe, any
 * payment or refund the ledger misses is recorded through the same idempotent path, and missing fees are looked up.
 * Each run is kept with what it checked, fixed and failed; a Stripe failure ends the run as 502/503.
 */
@Injectable()
export class Reconciliation implements OnModuleInit {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly runs: MoneyAttentionRepository,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    private readonly stripe: StripeGateway,
    private readonly events: StripeEvents,
    private readonly fees: StripeFees,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      RECONCILE_JOB,
      async () => {
        if (this.stripe.configured) await this.run();
      },
      { cron: this.config.schedules.reconciliation, retryLimit: 1 },
    );
  }

  async run(now = new Date()): Promise<ReconciliationResult> {
    this.stripe.api(); // not configured: 503 before a run is recorded
    const run = { id: await this.runs.startRun() };
    const counts: ReconciliationResult = { checked: 0, fixed: 0, failed: 0 };
    const add = (fixed: boolean) => {
      counts.checked += 1;
      if (fixed) counts.fixed += 1;
    };
    try {
      const retried = await this.events.retryOpenIssues();
      counts.checked += retried.checked;
      counts.fixed += retried.fixed;
      counts.failed += retried.failed;
      const since = Math.floor(now.getTime() / 1000) - LOOKBACK_SECONDS;
      await this.stripe.call('listing Checkout Sessions', async (stripe) => {
        for await (const session of stripe.checkout.sessions.list({ created: { gte: since }, status: 'complete', limit: 100 }))
          add(await this.events.reconcileSession(session));
      });
      await this.stripe.call('listing paid invoices', async (stripe) => {
        for await (const invoice of stripe.invoices.list({ created: { gte: since }, status: 'paid', limit: 100 })) {
          if (!invoice.subscription) continue;
          add(await this.events.reconcileInvoice(invoice as unknown as AnyInvoice));
        }
      });
      // Refunds made in the Stripe dashboard whose charge.refunded webhook never arrived.
      await this.stripe.call('listing charges', async (stripe) => {
        for await (const charge of stripe.charges.list({ created: { gte: since }, limit: 100 })) {
          if (charge.amount_refunded) add(await this.events.reconcileRefund(charge));
        }
      });
      await this.fillMissingFees(new Date((since - LOOKBACK_SECONDS) * 1000));
      await this.finish(run.id, counts, null);
    } catch (error) {
      this.logger.error({ err: error }, 'reconciliation failed');
      const kind = error instanceof UpstreamFailure ? (error.statusCode === 503 ? 'stripe_unreachable' : 'stripe_failed') : 'internal';
      await this.finish(run.id, { ...counts, failed: counts.failed + 1 }, { kind, detail: (error as Error).message.slice(0, 500) });
      throw error;
    }
    return counts;
  }

  /** Fees are facts about payments already counted above: a failed look-up is logged and tried again next run. */
  private async fillMissingFees(since: Date): Promise<void> {
    for (const ref of await this.fees.missing(since)) {
      try {
        await this.fees.fill(ref);
      } catch (error) {
        this.logger.warn({ err: error, ref }, 'the fee of a payment could not be read');
      }
    }
  }

  private async finish(id: string, counts: ReconciliationResult, error: { kind: string; detail: string } | null): Promise<void> {
    await this.runs.finishRun(id, counts, error);
  }
}
