import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-database';
import { preparedRows, rowsOf } from './sql';

describe('prepared statements on a transaction', () => {
  let url: string;
  let db: DataSource;
  before(async () => {
    url = await createTestDatabase();
    db = await new DataSource({ type: 'postgres', url, extra: { max: 1 } }).initialize();
  });
  after(async () => {
    await db?.destroy();
    if (url) await dropTestDatabase(url);
  });

  const prepared = () => rowsOf<{ name: string; statement: string }>(db, `select name, statement from pg_prepared_statements`);

  it('prepares a statement once per connection and runs it again by name with new values', async () => {
    const text = `select $1::int * 2 as doubled`;
    const first = await db.transaction((m) => preparedRows<{ doubled: number }>(m, text, [21]));
    const second = await db.transaction((m) => preparedRows<{ doubled: number }>(m, text, [5]));
    assert.deepEqual([first, second], [[{ doubled: 42 }], [{ doubled: 10 }]]);
    const named = (await prepared()).filter((row) => row.statement === text);
    assert.equal(named.length, 1, 'one prepared statement on the one connection');
    assert.match(named[0].name, /^h[0-9a-f]{24}$/);
  });

  it('answers rows of a data-modifying statement, and fails as TypeORM does with the database error kept', async () => {
    await db.query(`create table prepared_spec (id int primary key)`);
    const inserted = await db.transaction((m) => preparedRows<{ id: number }>(m, `insert into prepared_spec (id) values ($1) returning id`, [7]));
    assert.deepEqual(inserted, [{ id: 7 }]);
    await assert.rejects(
      db.transaction((m) => preparedRows(m, `insert into prepared_spec (id) values ($1) returning id`, [7])),
      (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505',
    );
  });

  it('is an ordinary query outside a transaction (no connection of its own)', async () => {
    const text = `select $1::text || '!' as said`;
    assert.deepEqual(await preparedRows(db.manager, text, ['hello']), [{ said: 'hello!' }]);
    assert.equal((await prepared()).filter((row) => row.statement === text).length, 0);
  });
});
