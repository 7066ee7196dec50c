import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TimelineService } from '../src/cases/timeline/timeline.service';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface Item {
  type: string;
  at: string;
  title: string;
  ref: string;
}

/** Timeline pages and dashboard figures are cached by case version: every change must show on the next read. */
describe('cached timeline and dashboard stay current', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  let caseId: string;
  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
  });
  after(() => t?.close());

  const version = async () => Number((await t.db.query(`select version from case_versions where case_id = $1`, [caseId])).rows[0]?.version ?? 0);
  const timeline = async (query = 'limit=100') => (await lawyer.get(`/api/cases/vorontsov/timeline?${query}`)).body.items as Item[];

  it('caches because every table a timeline source reads raises the case version', () => {
    assert.equal(t.app.get(TimelineService).versioned, true);
  });

  it('shows a hearing added through the API on the next read of a page read before', async () => {
    const before = await timeline();
    const created = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2031-03-03T08:00:00.000Z', kind: 'trial_session' });
    assert.equal(created.status, 201);
    const afterwards = await timeline();
    assert.equal(afterwards.length, before.length + 1);
    assert.ok(afterwards.some((item) => item.ref === created.body.id));
  });

  it('shows rows written by another instance (straight to the database), edited and deleted', async () => {
    await timeline();
    const start = await version();
    const [row] = (
      await t.db.query(
        `insert into hearings (case_id, kind, scheduled_at, court, notes) values ($1, 'preliminary', '2031-04-04T08:00:00Z', 'Другой суд', '') returning id`,
        [caseId],
      )
    ).rows;
    assert.ok((await version()) > start, 'the insert raised the version in its own transaction');
    assert.match((await timeline()).find((item) => item.ref === row.id)?.title ?? '', /Другой суд/);
    await t.db.query(`update hearings set court = 'Третий суд' where id = $1`, [row.id]);
    assert.match((await timeline()).find((item) => item.ref === row.id)?.title ?? '', /Третий суд/);
    await t.db.query(`delete from hearings where id = $1`, [row.id]);
    assert.equal(
      (await timeline()).find((item) => item.ref === row.id),
      undefined,
    );
  });

  it('a rolled-back change leaves the version and the page as they were', async () => {
    const page = await timeline();
    const start = await version();
    const client = await t.db.connect();
    try {
      await client.query('begin');
      await client.query(`insert into deadlines (case_id, due_at, title) values ($1, now() + interval '1 day', 'Отменённый срок')`, [caseId]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    assert.equal(await version(), start);
    assert.deepEqual(await timeline(), page);
  });

  it('puts a new deadline on the dashboard at once, and takes it off when done', async () => {
    const before = await lawyer.get('/api/dashboard');
    assert.equal(before.status, 200);
    const title = `Срок для проверки кэша ${Date.now()}`;
    const [row] = (await t.db.query(`insert into deadlines (case_id, due_at, title) values ($1, now() + interval '2 days', $2) returning id`, [caseId, title]))
      .rows;
    const shown = (await lawyer.get('/api/dashboard')).body.upcomingDeadlines as Array<{ id: string }>;
    assert.ok(shown.some((deadline) => deadline.id === row.id));
    await t.db.query(`update deadlines set done_at = now() where id = $1`, [row.id]);
    const later = (await lawyer.get('/api/dashboard')).body.upcomingDeadlines as Array<{ id: string }>;
    assert.ok(!later.some((deadline) => deadline.id === row.id));
  });

  it('renames a facility in every custody title at once', async () => {
    const [facility] = (await t.db.query(`select f.id from facilities f join custody_events e on e.facility_id = f.id where e.case_id = $1 limit 1`, [caseId]))
      .rows;
    if (!facility) return assert.fail('the demo case has a custody event in a facility');
    await timeline('limit=100&types=custody');
    await t.db.query(`update facilities set name = 'СИЗО, переименованный' where id = $1`, [facility.id]);
    assert.ok((await timeline('limit=100&types=custody')).some((item) => item.title.includes('СИЗО, переименованный')));
  });
});
