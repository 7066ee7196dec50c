import { Pool, type PoolConfig, type QueryResult } from 'pg';
import type { QueryRunner } from 'typeorm';
import { preparedRows, rowsOf } from '../common/database/sql';

/**
 * The connection pool pg-boss runs on, owned by the app so that closing it leaves nothing waiting. pg's pool
 * never answers a query still queued for a connection when the pool ends; a pg-boss worker stuck in such a
 * fetch never stops, and pg-boss then polls for it once a second for ever, keeping the process alive after
 * shutdown. Here closing lets the queries already sent finish (the queued ones get their connection as the
 * running ones end), and after `drainMs` answers what still waits with no result; then the pool ends.
 * A query sent once closing has begun gets no result at once. "No result" (`undefined`) is what pg-boss's own
 * pool answers once closed, and pg-boss takes it in its stride, also where it does not await the call (it marks
 * a job done without awaiting): a job whose completion is not written is retried when it expires.
 */
export class BossDatabase {
  private readonly pool: Pool;
  private closing?: Promise<void>;
  private readonly inFlight = new Map<Promise<unknown>, () => void>();

  constructor(
    options: PoolConfig,
    onError: (error: Error) => void,
    private readonly drainMs = 10_000,
  ) {
    this.pool = new Pool(options);
    this.pool.on('error', onError);
  }

  /** The interface pg-boss calls (`db.executeSql`). */
  executeSql(text: string, values?: unknown[]): Promise<QueryResult | undefined> {
    if (this.closing) return Promise.resolve(undefined);
    let giveUp!: () => void;
    const query = new Promise<QueryResult | undefined>((resolve, reject) => {
      giveUp = () => resolve(undefined);
      this.pool.query(text, values).then(resolve, reject);
    });
    const settled = query.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(settled, giveUp);
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
      for (const giveUp of this.inFlight.values()) giveUp();
      this.inFlight.clear();
      await this.pool.end();
    })();
    return this.closing;
  }
}

/** pg-boss's `db` for one call, on a caller's transaction: the job row is written in that transaction. */
export function transactionDatabase(runner: QueryRunner): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
  // A job is sent with the same statement each time: it is prepared once per connection (see preparedRows).
  return {
    executeSql: async (text, values) => ({ rows: values?.length ? await preparedRows(runner.manager, text, values) : await rowsOf(runner.manager, text) }),
  };
}
