import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Pool } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../../test/support/test-database';
import { KEPT_GIFT } from './kept-gift';

/** The kept-gift count the triggers keep (campaign_kept_gifts) always equals counting the donations themselves. */
describe('kept-gift counts', () => {
  let url: string;
  let pool: Pool;
  const cases: string[] = [];
  before(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 4 });
    for (const n of [1, 2, 3]) {
      cases.push((await pool.query(`insert into cases (slug, title) values ($1, 'Case') returning id`, [`kept-${n}`])).rows[0].id);
    }
  });
  after(async () => {
    await pool?.end();
    if (url) await dropTestDatabase(url);
  });

  /** Per case: [counted from the rows, kept by the triggers]. */
  const both = async () =>
    (
      await pool.query<{ id: string; counted: number; kept: number }>(
        `select c.id,
                (select count(*)::int from donations d where d.case_id = c.id and ${KEPT_GIFT}) as counted,
                (select coalesce(sum(gifts), 0)::int from campaign_kept_gifts k where k.case_id = c.id) as kept
           from cases c order by c.slug`,
      )
    ).rows;
  const agree = async () => {
    for (const row of await both()) assert.equal(row.kept, row.counted, `case ${row.id}`);
  };

  const amount = fc.integer({ min: 0, max: 3 }).map((n) => n * 500);
  const step = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), caseIndex: fc.nat(2), paid: amount, count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), paid: amount }),
    fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), refunded: amount }),
    fc.record({ kind: fc.constant('dispute' as const), pick: fc.nat(), disputed: amount }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), caseIndex: fc.nat(2) }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('bulk refund' as const), caseIndex: fc.nat(2) }),
  );

  it('agree after any sequence of inserts, payments, refunds, disputes, moves, bulk updates and deletes, on several connections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        await pool.query(`truncate donations cascade`);
        await agree();
        for (const s of steps) {
          const ids = (await pool.query<{ id: string }>(`select id from donations order by id`)).rows.map((r) => r.id);
          const id = 'pick' in s && ids.length > 0 ? ids[s.pick % ids.length] : null;
          if (s.kind === 'insert') {
            await pool.query(
              `insert into donations (case_id, kind, amount_minor, currency, paid_minor) select $1, 'one_off', 1500, 'EUR', $2 from generate_series(1, $3)`,
              [cases[s.caseIndex], s.paid, s.count],
            );
          } else if (s.kind === 'bulk refund') {
            await pool.query(`update donations set refunded_minor = paid_minor where case_id = $1`, [cases[s.caseIndex]]);
          } else if (id && s.kind === 'pay') {
            await pool.query(`update donations set paid_minor = $2 where id = $1`, [id, s.paid]);
          } else if (id && s.kind === 'refund') {
            await pool.query(`update donations set refunded_minor = $2 where id = $1`, [id, s.refunded]);
          } else if (id && s.kind === 'dispute') {
            await pool.query(`update donations set disputed_minor = $2 where id = $1`, [id, s.disputed]);
          } else if (id && s.kind === 'move') {
            await pool.query(`update donations set case_id = $2 where id = $1`, [id, cases[s.caseIndex]]);
          } else if (id && s.kind === 'delete') {
            await pool.query(`delete from donations where id = $1`, [id]);
          }
          await agree();
        }
      }),
      { numRuns: 40 },
    );
  });
});
