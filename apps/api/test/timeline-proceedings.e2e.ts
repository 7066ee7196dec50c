import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface Item {
  type: string;
  at: string;
  title: string;
  ref: string;
}

describe('case timeline of hearings, deadlines and custody events', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
  });
  after(() => t?.close());

  it('streams hearings, deadlines and custody events oldest first', async () => {
    const page = await lawyer.get('/api/cases/vorontsov/timeline?limit=100');
    assert.equal(page.status, 200);
    const items: Item[] = page.body.items;
    const types = new Set(items.map((item) => item.type));
    assert.ok(types.has('hearing') && types.has('deadline') && types.has('custody'));
    const times = items.map((item) => item.at);
    assert.deepEqual(times, [...times].sort());
    assert.match(items[0].title, /Тверской районный суд/);
  });

  it('shows a new hearing at its place', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2031-02-02T08:00:00.000Z', kind: 'trial_session' });
    const page = await lawyer.get('/api/cases/vorontsov/timeline?limit=100&types=hearing');
    const last: Item = page.body.items.at(-1);
    assert.equal(last.ref, created.body.id);
    assert.equal(last.at, '2031-02-02T08:00:00.000Z');
  });

  it('pages with a cursor and covers the whole stream exactly once', async () => {
    const all: Item[] = (await lawyer.get('/api/cases/vorontsov/timeline?limit=100')).body.items;
    const paged: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Item[]; nextCursor: string | null } } = await lawyer.get(
        `/api/cases/vorontsov/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all);
    assert.ok(all.length > 6);
  });

  it('filters by type', async () => {
    const page = await lawyer.get('/api/cases/vorontsov/timeline?types=custody,deadline&limit=100');
    assert.ok(page.body.items.length > 0);
    assert.ok(page.body.items.every((item: Item) => item.type === 'custody' || item.type === 'deadline'));
    assert.equal((await lawyer.get('/api/cases/vorontsov/timeline?types=party')).status, 400);
  });

  it('answers 404 to a non-member', async () => {
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    assert.equal((await lawyer2.get('/api/cases/vorontsov/timeline')).status, 404);
    const own = await lawyer2.get('/api/cases/second-case/timeline');
    assert.equal(own.status, 200);
    assert.ok(own.body.items.some((item: Item) => item.type === 'hearing'));
  });
});
