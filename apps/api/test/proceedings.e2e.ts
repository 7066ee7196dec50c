import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('hearings, deadlines and custody events', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  let lawyer2: HttpClient;
  let finance: HttpClient;
  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
    lawyer2 = await t.signIn('lawyer2@demo.local');
    finance = await t.signIn('finance@demo.local');
  });
  after(() => t?.close());

  it('creates a hearing with the contract body and lists it oldest first', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/hearings', {
      scheduledAt: inDays(2),
      kind: 'preliminary',
      court: 'Moscow City Court',
      notes: 'bring the medical file',
    });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.body.kind, 'preliminary');
    assert.equal(created.body.court, 'Moscow City Court');
    const list = await lawyer.get('/api/cases/vorontsov/hearings?limit=100');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((h: { id: string }) => h.id === created.body.id));
    const times = list.body.items.map((h: { scheduledAt: string }) => h.scheduledAt);
    assert.deepEqual(times, [...times].sort());
  });

  it('pages hearings with a cursor without repeating or skipping', async () => {
    const all = await lawyer.get('/api/cases/vorontsov/hearings?limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await lawyer.get(
        `/api/cases/vorontsov/hearings?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((h) => h.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.body.items.map((h: { id: string }) => h.id),
    );
    assert.ok(seen.length >= 4);
  });

  it('rejects a hearing with a bad kind or date with 400', async () => {
    assert.equal((await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: inDays(1), kind: 'party' })).status, 400);
    assert.equal((await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: 'tomorrow', kind: 'verdict' })).status, 400);
  });

  it('answers 404 to a lawyer of another case and 403 to finance', async () => {
    assert.equal((await lawyer2.get('/api/cases/vorontsov/hearings')).status, 404);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/hearings', { scheduledAt: inDays(1), kind: 'verdict' })).status, 404);
    assert.equal((await lawyer2.get('/api/cases/vorontsov/deadlines')).status, 404);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/deadlines', { dueAt: inDays(1), title: 'x' })).status, 404);
    assert.equal((await lawyer2.get('/api/cases/vorontsov/custody-events')).status, 404);
    assert.equal((await finance.get('/api/cases/vorontsov/hearings')).status, 403);
    assert.equal((await t.client().get('/api/cases/vorontsov/hearings')).status, 401);
  });

  it('suggests a 3-day appeal deadline ending 23:59 Moscow time when a custody decision is logged', async () => {
    const hearing = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2030-03-10T07:00:00.000Z', kind: 'custody_extension' });
    const decided = await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { outcome: 'Extended by 3 months', decision: 'custody' });
    assert.equal(decided.status, 200);
    assert.equal(decided.body.outcome, 'Extended by 3 months');
    assert.ok(decided.body.appealDeadlineId);
    const deadlines = await lawyer.get('/api/cases/vorontsov/deadlines?limit=100');
    const suggested = deadlines.body.items.find((d: { id: string }) => d.id === decided.body.appealDeadlineId);
    assert.equal(suggested.dueAt, '2030-03-13T20:59:00.000Z');
    assert.equal(suggested.suggested, true);
    assert.equal(suggested.sourceHearingId, hearing.body.id);
    assert.deepEqual(suggested.termRule, {
      rule: 'cpc_128_2',
      days: 3,
      from: '2030-03-10',
      lastDay: '2030-03-13',
      movedFrom: null,
      decision: 'custody',
      calendar: null,
      calendarYears: [],
      missingYears: [2030],
      timeZone: 'Europe/Moscow',
    });
    // Logging the decision again does not duplicate the suggestion.
    await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { decision: 'custody' });
    const again = await t.db.query(`select count(*)::int as n from deadlines where source_hearing_id = $1`, [hearing.body.id]);
    assert.equal(again.rows[0].n, 1);
  });

  it('moves an appeal term that ends on the May holidays to the next working day and says why', async () => {
    const hearing = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2026-04-28T07:00:00.000Z', kind: 'custody_extension' });
    const decided = await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { outcome: 'Продлён', decision: 'custody' });
    const deadlines = await lawyer.get('/api/cases/vorontsov/deadlines?limit=100');
    const suggested = deadlines.body.items.find((d: { id: string }) => d.id === decided.body.appealDeadlineId);
    assert.equal(suggested.dueAt, '2026-05-04T20:59:00.000Z');
    assert.equal(suggested.termRule.movedFrom, '2026-05-01');
    assert.match(suggested.termRule.calendar, /производственный календарь на 2026 год/);
    assert.match(suggested.title, /Обжаловать постановление о мере пресечения \(3 сут\.\)/);
  });

  it('suggests 15 days for a verdict and follows the per-case setting', async () => {
    const hearing = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2030-06-01T09:00:00.000Z', kind: 'verdict' });
    await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { decision: 'verdict', outcome: 'Guilty, 5 years' });
    const row = await t.db.query(`select due_at from deadlines where source_hearing_id = $1 and suggested`, [hearing.body.id]);
    // 1 June + 15 days is Sunday 16 June 2030: the term ends on Monday 17 June (CPC art. 128 part 2; 2030 has no calendar yet, weekends only).
    assert.equal(row.rows[0].due_at.toISOString(), '2030-06-17T20:59:00.000Z');

    assert.equal((await lawyer.patch('/api/cases/vorontsov', { verdictAppealDays: 10 })).status, 200);
    await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { decision: 'verdict' });
    const changed = await t.db.query(`select due_at from deadlines where source_hearing_id = $1 and suggested`, [hearing.body.id]);
    assert.equal(changed.rows[0].due_at.toISOString(), '2030-06-11T20:59:00.000Z');

    await lawyer.patch(`/api/cases/vorontsov/hearings/${hearing.body.id}`, { decision: null });
    const removed = await t.db.query(`select count(*)::int as n from deadlines where source_hearing_id = $1`, [hearing.body.id]);
    assert.equal(removed.rows[0].n, 0);
    assert.equal((await lawyer.patch('/api/cases/vorontsov', { verdictAppealDays: 0 })).status, 400);
  });

  it('answers 404 for a hearing of another case', async () => {
    const other = await lawyer2.post('/api/cases/second-case/hearings', { scheduledAt: inDays(3), kind: 'trial_session' });
    assert.equal(other.status, 201);
    assert.equal((await lawyer.patch(`/api/cases/vorontsov/hearings/${other.body.id}`, { outcome: 'x' })).status, 404);
    assert.equal((await lawyer.patch(`/api/cases/second-case/hearings/${other.body.id}`, { outcome: 'x' })).status, 404);
  });

  it('creates, completes and filters deadlines', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: inDays(5), title: 'File the appeal' });
    assert.equal(created.status, 201);
    assert.equal(created.body.done, false);
    const done = await lawyer.patch(`/api/cases/vorontsov/deadlines/${created.body.id}`, { done: true });
    assert.equal(done.status, 200);
    assert.equal(done.body.done, true);
    assert.ok(done.body.doneAt);
    const open = await lawyer.get('/api/cases/vorontsov/deadlines?status=open&limit=100');
    assert.ok(!open.body.items.some((d: { id: string }) => d.id === created.body.id));
    const finished = await lawyer.get('/api/cases/vorontsov/deadlines?status=done&limit=100');
    assert.ok(finished.body.items.some((d: { id: string }) => d.id === created.body.id));
    assert.equal((await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: inDays(5), title: '' })).status, 400);
    assert.equal((await lawyer.delete(`/api/cases/vorontsov/deadlines/${created.body.id}`)).status, 204);
    assert.equal((await lawyer.delete(`/api/cases/vorontsov/deadlines/${created.body.id}`)).status, 404);
  });

  it('records custody events and copies "detained until" onto the case', async () => {
    const facilities = await lawyer.get('/api/facilities');
    const hospital = facilities.body.items.find((f: { kind: string }) => f.kind === 'hospital');
    const created = await lawyer.post('/api/cases/vorontsov/custody-events', {
      kind: 'measure_extended',
      occurredAt: inDays(-1),
      facilityId: hospital.id,
      detainedUntil: '2031-01-15',
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.facilityName, hospital.name);
    const theCase = await lawyer.get('/api/cases/vorontsov');
    assert.equal(theCase.body.detainedUntil, '2031-01-15');
    const changed = await lawyer.patch(`/api/cases/vorontsov/custody-events/${created.body.id}`, { notes: 'by the district court' });
    assert.equal(changed.body.notes, 'by the district court');
    assert.equal(
      (await lawyer.post('/api/cases/vorontsov/custody-events', { kind: 'placed', occurredAt: inDays(-1), facilityId: '00000000-0000-4000-8000-000000000000' }))
        .status,
      422,
    );
    assert.equal((await lawyer.delete(`/api/cases/vorontsov/custody-events/${created.body.id}`)).status, 204);
  });

  it('creates facilities for lawyers and refuses medical staff', async () => {
    const created = await lawyer.post('/api/facilities', { name: 'Colony No. 2', kind: 'colony', region: 'Mordovia' });
    assert.equal(created.status, 201);
    const medic = await t.signIn('medic@demo.local');
    assert.equal((await medic.post('/api/facilities', { name: 'X', kind: 'colony' })).status, 403);
  });
});

describe('case particulars', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('shows the demo case with the article facts', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const theCase = await lawyer.get('/api/cases/vorontsov');
    assert.equal(theCase.status, 200);
    assert.equal(theCase.body.defendant.fullName, 'Воронцов Владимир');
    assert.equal(theCase.body.plea, 'not_guilty');
    assert.equal(theCase.body.court, 'Тверской районный суд г. Москвы');
    assert.equal(theCase.body.judge, 'Ковалёва Марина Викторовна');
    assert.match(theCase.body.courtCaseNumber, /^3\/2-0412\/\d{4}$/);
    assert.match(theCase.body.charges[0].description, /Вымогательство/);
    assert.equal(theCase.body.custodyAppealDays, 3);
    assert.equal(theCase.body.verdictAppealDays, 15);
    const hearings = await lawyer.get('/api/cases/vorontsov/hearings');
    assert.equal(hearings.body.items[0].kind, 'arraignment');
    assert.match(hearings.body.items[0].scheduledAt, /-05-08T/);
    assert.ok(hearings.body.items.some((h: { scheduledAt: string }) => h.scheduledAt > new Date().toISOString()));
    const custody = await lawyer.get('/api/cases/vorontsov/custody-events');
    assert.deepEqual(
      custody.body.items.slice(0, 2).map((e: { kind: string }) => e.kind),
      ['placed', 'hospitalised'],
    );
  });

  it('shows finance that a case exists and its goal, not the proceedings', async () => {
    const finance = await t.signIn('finance@demo.local');
    const theCase = await finance.get('/api/cases/vorontsov');
    assert.equal(theCase.status, 200);
    assert.equal(theCase.body.defendant, null);
    assert.deepEqual(theCase.body.charges, []);
    assert.equal(theCase.body.detainedUntil, null);
    const list = await finance.get('/api/cases');
    assert.ok(list.body.items.every((c: { defendant: unknown; court: string }) => c.defendant === null && c.court === ''));
    const probed = await finance.get('/api/cases?defendantStatus=house_arrest');
    assert.equal(probed.body.items.length, 2, 'filters on the proceedings do not apply to finance');
  });

  it('documents the new routes in OpenAPI', async () => {
    const docs = await t.client().get('/api/docs-json');
    for (const path of ['/api/cases/{id}/hearings', '/api/cases/{id}/deadlines', '/api/cases/{id}/custody-events', '/api/dashboard', '/api/calendar/feed']) {
      assert.ok(docs.body.paths[path], `missing ${path}`);
    }
    assert.ok(docs.body.paths['/api/cases/{id}/hearings'].post.requestBody);
  });

  it('creates a case with a defendant and charges, and filters the list', async () => {
    const admin = await t.signIn('admin@demo.local');
    const created = await admin.post('/api/cases', {
      slug: 'third-case',
      title: 'Third case',
      defendant: { fullName: 'Pavel Orlov', status: 'released' },
      charges: [{ article: '280', description: 'Public calls to extremism' }],
      stage: 'appeal',
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.defendant.fullName, 'Pavel Orlov');
    const byStage = await admin.get('/api/cases?stage=appeal');
    assert.deepEqual(
      byStage.body.items.map((c: { slug: string }) => c.slug),
      ['third-case'],
    );
    const byStatus = await admin.get('/api/cases?defendantStatus=detained');
    assert.deepEqual(
      byStatus.body.items.map((c: { slug: string }) => c.slug),
      ['vorontsov'],
    );
    const byName = await admin.get('/api/cases?q=orlov');
    assert.deepEqual(
      byName.body.items.map((c: { slug: string }) => c.slug),
      ['third-case'],
    );
    assert.equal((await admin.get('/api/cases?stage=nonsense')).status, 400);
    const changed = await admin.patch('/api/cases/third-case', { defendant: { fullName: 'Pavel Orlov', status: 'convicted' }, stage: 'cassation' });
    assert.equal(changed.body.defendant.status, 'convicted');
    assert.equal(changed.body.stage, 'cassation');
  });
});
