import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { withSetupLock } from '../database/migrate';
import { BossDatabase, transactionDatabase } from './boss-database';

type Handler<T> = (data: T) => Promise<void>;

export interface JobOptions {
  /** Schedule (cron, UTC) shared by all instances: each tick runs once. */
  cron?: string;
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  retryBackoff?: boolean;
}

interface Registration extends JobOptions {
  name: string;
  handler: Handler<never>;
}

/**
 * Background jobs on PostgreSQL (pg-boss). Areas register handlers while the
 * app starts; pg-boss makes each job run once across all API instances.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations: Registration[] = [];
  private database?: BossDatabase;
  private started?: Promise<PgBoss>;
  /** Local worker ids by queue, to wake them when this instance sends work. */
  private readonly workers = new Map<string, string>();

  constructor(private readonly config: AppConfig) {}

  /** Registers a worker for `name`; with `cron`, also schedules it (one schedule shared by all instances). */
  register<T>(name: string, handler: Handler<T>, options: JobOptions = {}): void {
    this.registrations.push({ ...options, name, handler: handler as Handler<never> });
  }

  /**
   * Queues a job. With `manager` (a transaction) the job row is written in that transaction: it exists
   * exactly when the caller's change commits, never before it and never without it.
   */
  async send<T extends object>(name: string, data: T, options: PgBoss.SendOptions = {}, manager?: EntityManager): Promise<string | null> {
    const boss = await this.ready();
    const runner = manager?.queryRunner;
    const db = runner ? transactionDatabase(runner) : undefined;
    const id = await boss.send(name, data, db ? { ...options, db } : options);
    const worker = this.workers.get(name);
    if (id && worker && !options.startAfter) boss.notifyWorker(worker); // pick it up now, not at the next poll
    return id;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
  }

  private ready(): Promise<PgBoss> {
    this.started ??= this.start();
    return this.started;
  }

  private async start(): Promise<PgBoss> {
    this.database = new BossDatabase({ connectionString: this.config.databaseUrl, max: 4, application_name: 'habeas-jobs' }, (error) =>
      this.logger.error({ err: error }, 'job queue connection error'),
    );
    const database = this.database;
    // pg-boss's types promise rows; its own pool answers `undefined` once closed, as ours does (see BossDatabase).
    const db = { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) as Promise<{ rows: unknown[] }> };
    const boss = new PgBoss({ db, schema: 'pgboss', cronMonitorIntervalSeconds: this.config.schedules.checkSeconds });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    // pg-boss's schema and queue set-up deadlock when instances do it at once: one at a time, like migrations.
    await withSetupLock(this.config.databaseUrl, async () => {
      await boss.start();
      for (const registration of this.registrations) {
        const { retryLimit = 3, retryDelay = 10, retryBackoff = true } = registration;
        await boss.createQueue(registration.name, { name: registration.name, retryLimit, retryDelay, retryBackoff });
        if (registration.cron) await boss.schedule(registration.name, registration.cron);
      }
    });
    for (const registration of this.registrations) {
      // One job per fetch, so a failure retries only that job; after a job the worker fetches again at once
      // (drains a backlog), and waits for the polling interval only when the queue is empty.
      const worker: string = await boss.work(registration.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
        try {
          for (const job of jobs) await registration.handler(job.data as never);
        } finally {
          boss.notifyWorker(worker);
        }
      });
      this.workers.set(registration.name, worker);
    }
    return boss;
  }

  /** Before the database pools close (onApplicationShutdown), so running jobs can finish their queries. */
  async beforeApplicationShutdown(): Promise<void> {
    // Let running jobs finish; anything unfinished is retried by another instance.
    this.logger.log('stopping job workers');
    // A shutdown that comes while the queue is still starting waits for it, so no worker starts after the stop.
    const boss = await this.started?.catch(() => undefined);
    await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
    await this.database?.close();
    this.logger.log('job workers stopped');
  }
}
