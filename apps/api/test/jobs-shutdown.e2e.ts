import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BossDatabase } from '../src/jobs/boss-database';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

/**
 * The job queue's pool at shutdown. pg's own pool leaves a query that waits for a connection unanswered for ever
 * once the pool ends; a pg-boss worker stuck in it kept test processes (and an app told to stop) alive.
 */
describe('the job queue’s database at shutdown', () => {
  let url: string;
  before(async () => {
    url = await createTestDatabase();
  });
  after(async () => {
    if (url) await dropTestDatabase(url);
  });

  it('fails a query still waiting for a connection when it closes, and ends once the running query is done', async () => {
    const errors: Error[] = [];
    const database = new BossDatabase({ connectionString: url, max: 1 }, (error) => errors.push(error));
    const outcome = (query: Promise<unknown>) =>
      query.then(
        () => 'answered',
        (error: Error) => error.message,
      );
    const running = outcome(database.executeSql('select pg_sleep(0.5) as slept'));
    const waiting = outcome(database.executeSql('select 1 as one')); // queued: the only connection is busy
    await new Promise((resolve) => setImmediate(resolve));
    const closed = database.close();
    assert.equal(await waiting, 'the job queue is stopped');
    await closed; // resolves: nothing is left waiting on the pool
    assert.equal(await running, 'the job queue is stopped', 'its result is no longer wanted; the pool still let it finish');
    await assert.rejects(database.executeSql('select 1'), /the job queue is stopped/);
    assert.deepEqual(errors, []);
  });

  it('answers queries while open', async () => {
    const database = new BossDatabase({ connectionString: url, max: 2 }, () => undefined);
    try {
      const result = await database.executeSql('select $1::int + 1 as n', [41]);
      assert.equal(result.rows[0].n, 42);
    } finally {
      await database.close();
    }
  });
});
