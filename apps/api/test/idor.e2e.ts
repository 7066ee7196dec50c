import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { routeTable } from './support/route-table';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A lawyer of `second-case` probes everything of `vorontsov` by id: every GET route with an id answers
 * 404 — the same as for an id that does not exist — for objects of a case they are not a member of.
 */
describe('guessing ids of another case', () => {
  let t: TestApp;
  let lawyer2: HttpClient;
  let admin: HttpClient;
  before(async () => {
    t = await startTestApp();
    lawyer2 = await t.signIn('lawyer2@demo.local');
    admin = await t.signIn('admin@demo.local');
  });
  after(() => t?.close());

  it('answers 404 for vorontsov by slug and by id, exactly like a missing case', async () => {
    const theCase = (await admin.get('/api/cases/vorontsov')).body;
    for (const path of ['/api/cases/vorontsov', `/api/cases/${theCase.id}`, `/api/cases/${theCase.id}/timeline`]) {
      const probe = await lawyer2.get(path);
      const missing = await lawyer2.get(path.replace(theCase.id, '00000000-0000-4000-8000-000000000000').replace('vorontsov', 'no-such-case'));
      assert.equal(probe.status, 404, path);
      assert.equal(probe.body.message, missing.body.message, `${path}: the same answer as a missing one`);
    }
  });

  it('never lists or counts vorontsov for lawyer2', async () => {
    const list = await lawyer2.get('/api/cases?limit=100');
    assert.deepEqual(
      list.body.items.map((c: { slug: string }) => c.slug),
      ['second-case'],
    );
    const search = await lawyer2.get('/api/cases?q=vorontsov');
    assert.deepEqual(search.body.items, []);
  });

  it('answers 404 on every id route of every object of vorontsov that the app serves', async () => {
    // Objects of vorontsov by table: each area's rows whose case is vorontsov, probed through every GET route with one :id.
    const caseId = (await admin.get('/api/cases/vorontsov')).body.id as string;
    const tables = await t.db.query(
      `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'case_id' and table_name <> 'case_members'`,
    );
    const ids: string[] = [caseId];
    for (const { table_name } of tables.rows as Array<{ table_name: string }>) {
      const rows = await t.db.query(`select id::text from public."${table_name}" where case_id = $1 limit 3`, [caseId]).catch(() => ({ rows: [] }));
      ids.push(...rows.rows.map((row: { id: string }) => row.id));
    }
    const routes = routeTable(t.app).filter((r) => r.method === 'GET' && (r.path.match(/:[a-zA-Z]+/g) ?? []).length === 1 && r.rule?.kind !== 'public');
    const leaks: string[] = [];
    for (const route of routes) {
      for (const id of ids) {
        const response = await lawyer2.get(route.path.replace(/:[a-zA-Z]+/, id));
        if (response.status === 200) leaks.push(`${route.path} with ${id}`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});
