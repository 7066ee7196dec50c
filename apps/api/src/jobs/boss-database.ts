import { Pool, type PoolConfig, type QueryResult } from 'pg';

/**
 * The connection pool pg-boss runs on, owned by the app so that closing it leaves nothing waiting. pg's pool
 * never answers a query still queued for a connection when the pool ends; a pg-boss worker stuck in such a
 * fetch never stops, and pg-boss then polls for it once a second for ever, keeping the process alive after
 * shutdown. Here closing refuses new queries, lets the queries already sent finish (the queued ones get their
 * connection as the running ones end), and only after `drainMs` fails what still waits; then the pool ends.
 */
export class BossDatabase {
  private readonly pool: Pool;
  private closing?: Promise<void>;
  private readonly inFlight = new Map<Promise<unknown>, (error: Error) => void>();

  constructor(
    options: PoolConfig,
    onError: (error: Error) => void,
    private readonly drainMs = 10_000,
  ) {
    this.pool = new Pool(options);
    this.pool.on('error', onError);
  }

  /** The interface pg-boss calls (`db.executeSql`). */
  executeSql(text: string, values?: unknown[]): Promise<QueryResult> {
    if (this.closing) return Promise.reject(new Error('the job queue is stopped'));
    let fail!: (error: Error) => void;
    const query = new Promise<QueryResult>((resolve, reject) => {
      fail = reject;
      this.pool.query(text, values).then(resolve, reject);
    });
    const settled = query.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(settled, fail);
    void settled.then(() => this.inFlight.delete(settled));
    return query;
  }

  /** After pg-boss has stopped. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const deadline = Date.now() + this.drainMs;
      while (this.inFlight.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.all(this.inFlight.keys()), new Promise((resolve) => setTimeout(resolve, 50))]);
      }
      const stopped = new Error('the job queue is stopped');
      for (const fail of this.inFlight.values()) fail(stopped);
      this.inFlight.clear();
      await this.pool.end();
    })();
    return this.closing;
  }
}
