import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tablesReadBy } from './timeline-tables';

describe('tablesReadBy', () => {
  it('names every table after from and join, once', () => {
    const sql = `select e.case_id, e.occurred_at as at, f.name as title, e.id::text as ref
        from custody_events e left join facilities f on f.id = e.facility_id
        union all select a.case_id, a.created_at, a.title, a.id from legal_actions a join legal_actions b on b.id = a.id`;
    assert.deepEqual(tablesReadBy(sql), ['custody_events', 'facilities', 'legal_actions']);
  });

  it('skips subqueries and set-returning functions', () => {
    assert.deepEqual(tablesReadBy(`select * from (select 1) x join lateral unnest(array[1]) u on true join hearings h on true`), ['hearings']);
  });
});
