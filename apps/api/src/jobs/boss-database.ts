import { Pool, type PoolConfig, type QueryResult } from 'pg';

/**
 * The connection pool pg-boss runs on, owned by the app so that closing it leaves nothing waiting. pg's pool
 * never answers a query still queued for a connection when the pool ends; a pg-boss worker stuck in such a
 * fetch never stops, and pg-boss then polls for it once a second for ever, keeping the process alive after
 * shutdown. Here closing refuses new queries and fails the ones still waiting, so every worker stops.
 */
export class BossDatabase {
  private readonly pool: Pool;
  private closed = false;
  private readonly pending = new Set<(error: Error) => void>();

  constructor(options: PoolConfig, onError: (error: Error) => void) {
    this.pool = new Pool(options);
    this.pool.on('error', onError);
  }

  /** The interface pg-boss calls (`db.executeSql`). */
  executeSql(text: string, values?: unknown[]): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new Error('the job queue is stopped'));
    return new Promise((resolve, reject) => {
      this.pending.add(reject);
      this.pool
        .query(text, values)
        .then(resolve, reject)
        .finally(() => this.pending.delete(reject));
    });
  }

  /** After pg-boss has stopped: fails what still waits, then ends the pool (running queries finish first). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('the job queue is stopped');
    for (const reject of this.pending) reject(stopped);
    this.pending.clear();
    await this.pool.end();
  }
}
