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

  const outcome = (query: Promise<{ rows: Array<Record<string, unknown>> } | undefined>) =>
    query.then(
      (result) => (result ? `answered ${JSON.stringify(result.rows[0])}` : 'no result'),
      (error: Error) => error.message,
    );

  it('lets the queries already sent finish, even one still waiting for a connection, then ends and answers new ones with nothing', async () => {
    const errors: Error[] = [];
    const database = new BossDatabase({ connectionString: url, max: 1 }, (error) => errors.push(error));
    const running = outcome(database.executeSql('select pg_sleep(0.3)::text as slept'));
    const waiting = outcome(database.executeSql('select 1 as one')); // queued: the only connection is busy
    await new Promise((resolve) => setImmediate(resolve));
    await database.close(); // resolves: nothing is left waiting on the pool
    assert.equal(await running, 'answered {"slept":""}');
    assert.equal(await waiting, 'answered {"one":1}');
    // As pg-boss's own pool once closed: no result, never a rejection (pg-boss does not await every call).
    assert.equal(await outcome(database.executeSql('select 1 as one')), 'no result');
    assert.deepEqual(errors, []);
  });

  it('answers what still waits with no result once its time to drain is over, and still ends', async () => {
    const database = new BossDatabase({ connectionString: url, max: 1 }, () => undefined, 100);
    const running = outcome(database.executeSql('select pg_sleep(1)::text as slept'));
    const waiting = outcome(database.executeSql('select 1 as one'));
    await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await database.close();
    assert.equal(await waiting, 'no result');
    assert.equal(await running, 'no result');
    assert.ok(Date.now() - started < 5000, 'closed once the running query ended');
  });

  it('answers queries while open', async () => {
    const database = new BossDatabase({ connectionString: url, max: 2 }, () => undefined);
    try {
      const result = await database.executeSql('select $1::int + 1 as n', [41]);
      assert.equal(result?.rows[0].n, 42);
    } finally {
      await database.close();
    }
  });
});
