import { Client } from 'pg';

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own: whoever holds it keeps it until that
 * connection ends, so an instance that dies or loses its connection gives it up by itself (leader election).
 */
export class SessionLock {
  private readonly client: Client;
  private readonly lostConnection = new AbortController();

  constructor(options: { connectionString: string; applicationName: string }) {
    this.client = new Client({ connectionString: options.connectionString, application_name: options.applicationName });
    this.client.on('error', () => this.lostConnection.abort());
  }

  /** Aborted when the connection fails: the lock is gone with it. */
  get lost(): AbortSignal {
    return this.lostConnection.signal;
  }

  /** Connects and takes the lock if nobody holds it; answers whether this connection now holds it. */
  async tryAcquire(key: number): Promise<boolean> {
    await this.client.connect();
    const { rows } = await this.client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
    return rows[0].ok;
  }

  /** Ends the connection, and with it the lock. */
  async release(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
