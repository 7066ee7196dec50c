interface Pending<Tx> {
  unit: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work that arrive while a transaction is committing wait and then commit together in the
 * next one (one fsync for many), each caller answered only after the commit that holds its unit. If any unit of a
 * batch fails, the batch rolls back and every unit runs again in a transaction of its own, so only the failing one
 * fails. With no concurrency a unit commits alone at once: no waiting window.
 *
 * `lanes` transactions may be open at once, each on its own connection, each draining the same queue: while one
 * lane commits or waits on PostgreSQL, another runs its units. Units of different lanes must not all queue on one
 * row lock for this to pay (campaign totals are striped per connection for that reason; see decision 0024).
 */
export class GroupCommit<Tx> {
  private readonly queue: Array<Pending<Tx>> = [];
  private draining = 0;

  constructor(
    private readonly transaction: <T>(run: (tx: Tx) => Promise<T>) => Promise<T>,
    private readonly maxBatch = 100,
    private readonly lanes = 1,
  ) {}

  run<T>(unit: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      if (this.draining < this.lanes) void this.drain();
    });
  }

  /** One lane: takes what waits, up to a batch, commits it, and goes on until the queue is empty. */
  private async drain(): Promise<void> {
    this.draining += 1;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.draining -= 1;
    }
  }

  private async commit(batch: Array<Pending<Tx>>): Promise<void> {
    if (batch.length > 1) {
      let results: unknown[] | undefined;
      try {
        results = await this.transaction(async (tx) => {
          const values: unknown[] = [];
          for (const pending of batch) values.push(await pending.unit(tx));
          return values;
        });
      } catch {
        // Rolled back as a whole: each unit goes again on its own below.
      }
      if (results) return batch.forEach((pending, i) => pending.resolve(results[i]));
    }
    for (const pending of batch) {
      try {
        pending.resolve(await this.transaction(pending.unit));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
