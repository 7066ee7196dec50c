import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SessionLock } from '../common/database/session-lock';
import { AppConfig } from '../config/app-config';
import { TelegramBotClient, TelegramError } from './telegram-bot.client';
import { TelegramService } from './telegram.service';

/** Session lock key of the one instance that polls Telegram ("habeas:tg" as an int). */
const POLL_LOCK = 0x68746731;
const MAX_BACKOFF_MS = 60_000;

/**
 * Receives the bot's updates by long-polling getUpdates: no public URL needed. Exactly one instance polls — the one
 * holding a PostgreSQL advisory lock on its own connection (the lock goes when that connection does). Runs in the
 * background from start-up: Telegram being slow, blocked or down never delays start-up or requests; failures back
 * off up to a minute.
 */
@Injectable()
export class TelegramPollerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TelegramPoller');
  private readonly stop = new AbortController();
  private running?: Promise<void>;
  private polling = false;

  constructor(
    private readonly config: AppConfig,
    private readonly bot: TelegramBotClient,
    private readonly telegram: TelegramService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.bot.configured) this.running = this.run();
  }

  /** Whether this instance holds the lock and polls (for tests and health). */
  get isPolling(): boolean {
    return this.polling;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    let backoff = 1000;
    while (!this.stop.signal.aborted) {
      const lock = new SessionLock({ connectionString: this.config.databaseUrl, applicationName: 'habeas-telegram-poller' });
      try {
        if (!(await lock.tryAcquire(POLL_LOCK))) {
          await this.pause(5000);
          continue;
        }
        this.polling = true;
        await this.poll(AbortSignal.any([this.stop.signal, lock.lost]), () => (backoff = 1000));
      } catch (error) {
        if (this.stop.signal.aborted) break;
        const status = error instanceof TelegramError ? error.status : undefined;
        const retryAfter = error instanceof TelegramError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
        this.logger.warn({ status, backoffMs: Math.max(backoff, retryAfter) }, 'telegram polling failed; retrying');
        await this.pause(Math.max(backoff, retryAfter));
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } finally {
        this.polling = false;
        await lock.release();
      }
    }
  }

  private async poll(signal: AbortSignal, succeeded: () => void): Promise<void> {
    let offset: number | undefined;
    while (!signal.aborted) {
      const updates = await this.bot.getUpdates(offset, signal);
      succeeded();
      for (const update of updates) {
        offset = update.update_id + 1;
        await this.telegram.handle(update).catch((error: unknown) => this.logger.error({ err: error }, 'telegram update failed'));
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stop.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stop.signal.addEventListener('abort', done);
    });
  }
}
