import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * IDOR: lawyer2 (member of second-case only) probes ids of vorontsov's objects.
 * Later areas add their `:id` routes to `probes` (with the id taken from the DB).
 */
describe('identity: IDOR — another case’s ids answer 404 like missing ones', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('lawyer2 gets 404 on every route of vorontsov’s case, by id and by slug, same as a missing id', async () => {
    const [vorontsov] = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows;
    const missing = '00000000-0000-4000-8000-000000000404';
    const probes: Array<{ method: 'GET' | 'PATCH' | 'POST'; path: (id: string) => string; body?: unknown }> = [
      { method: 'GET', path: (id) => `/api/cases/${id}` },
      { method: 'PATCH', path: (id) => `/api/cases/${id}`, body: { title: 'Taken over' } },
      { method: 'GET', path: (id) => `/api/cases/${id}/timeline` },
    ];
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    const wrong: string[] = [];
    for (const probe of probes) {
      for (const id of [vorontsov.id, 'vorontsov', missing]) {
        const response = await lawyer2.request(probe.method, probe.path(id), probe.body);
        if (response.status !== 404) wrong.push(`${probe.method} ${probe.path(id)} → ${response.status}`);
      }
    }
    assert.deepEqual(wrong, []);
    const list = await lawyer2.get('/api/cases');
    assert.ok(!list.text.includes(vorontsov.id), 'the list does not reveal the other case');
    // The probes did not change anything.
    assert.equal((await t.db.query(`select count(*)::int as n from cases where title = 'Taken over'`)).rows[0].n, 0);
  });

  it('lawyer2 cannot touch vorontsov’s members (admin-only routes answer 403 before any lookup)', async () => {
    const [member] = (await t.db.query(`select m.user_id, m.case_id from case_members m join cases c on c.id = m.case_id where c.slug = 'vorontsov' limit 1`))
      .rows;
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    assert.equal((await lawyer2.get(`/api/cases/${member.case_id}/members`)).status, 403);
    assert.equal((await lawyer2.delete(`/api/cases/${member.case_id}/members/${member.user_id}`)).status, 403);
    assert.equal((await lawyer2.get(`/api/users/${member.user_id}`)).status, 403);
  });
});
