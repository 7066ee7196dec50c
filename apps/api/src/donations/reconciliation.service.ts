import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { rowsOf } from './sql';
import { StripeEvents } from './stripe-events.service';
import { StripeGateway } from './stripe-gateway.service';

export const RECONCILE_JOB = 'donations.reconcile';
const LOOKBACK_SECONDS = 3 * 24 * 3600;

export interface ReconciliationResult {
  checked: number;
  fixed: number;
}

/**
 * Webhooks get lost; every 30 minutes (once across instances, via pg-boss) the recent Checkout Sessions and charges are
 * listed from Stripe and any payment or refund the ledger misses is recorded through the same idempotent path.
 */
@Injectable()
export class Reconciliation implements OnModuleInit {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly stripe: StripeGateway,
    private readonly events: StripeEvents,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      RECONCILE_JOB,
      async () => {
        if (this.stripe.configured) await this.run();
      },
      { cron: '*/30 * * * *', retryLimit: 1 },
    );
  }

  async run(now = new Date()): Promise<ReconciliationResult> {
    const [run] = await rowsOf<{ id: string }>(this.db, `insert into reconciliation_runs default values returning id`);
    let checked = 0;
    let fixed = 0;
    try {
      const since = Math.floor(now.getTime() / 1000) - LOOKBACK_SECONDS;
      for await (const session of this.stripe.api().checkout.sessions.list({ created: { gte: since }, status: 'complete', limit: 100 })) {
        checked += 1;
        if (await this.events.reconcileSession(session)) fixed += 1;
      }
      // Refunds made in the Stripe dashboard whose charge.refunded webhook never arrived.
      for await (const charge of this.stripe.api().charges.list({ created: { gte: since }, limit: 100 })) {
        if (!charge.amount_refunded) continue;
        checked += 1;
        if (await this.events.reconcileRefund(charge)) fixed += 1;
      }
      await this.db.query(`update reconciliation_runs set finished_at = now(), checked_count = $2, fixed_count = $3 where id = $1`, [run.id, checked, fixed]);
    } catch (error) {
      this.logger.error({ err: error }, 'reconciliation failed');
      await this.db.query(`update reconciliation_runs set finished_at = now(), checked_count = $2, fixed_count = $3, error = $4 where id = $1`, [
        run.id,
        checked,
        fixed,
        (error as Error).message.slice(0, 500),
      ]);
      throw error;
    }
    return { checked, fixed };
  }
}
