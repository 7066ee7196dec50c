import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenerOptions {
  connectionString: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Channels to LISTEN on; names are fixed identifiers chosen by the code, never input. */
  channels: string[];
  onNotification: (channel: string, payload: string) => void;
  /** Called after a lost connection is back and listening again: notifications sent meanwhile were missed. */
  onReconnected: () => void;
}

/**
 * One dedicated PostgreSQL connection LISTENing on a few channels (NOTIFY reaches every instance, whichever made
 * the change). A lost connection is replaced every second until it is back; `stop()` ends it for good.
 */
export class PgListener {
  private readonly logger = new Logger('PgListener');
  private client?: Client;
  private stopping = false;

  constructor(private readonly options: PgListenerOptions) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString, application_name: this.options.applicationName });
    client.on('notification', (message) => this.options.onNotification(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.error({ err: error, listener: this.options.applicationName }, 'listener connection failed; reconnecting');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    for (const channel of this.options.channels) await client.query(`listen ${channel}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }

  private reconnect(failed: Client): void {
    if (this.stopping || this.client !== failed) return;
    this.client = undefined;
    failed.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.start()
        .then(() => this.options.onReconnected())
        .catch(() => this.retry());
    }, 1000).unref();
  }
}
