import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface Item {
  type: string;
  at: string;
  title: string;
  event: string;
  params: Record<string, unknown>;
  ref: string;
}

/** Latin words that may stand in a Russian line: currency codes and the like. */
const LATIN_ALLOWED = new Set(['EUR', 'USD', 'RUB', 'GBP', 'Habeas']);

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

  it('tells every item in the reader’s language, from its event and parameters', async () => {
    const admin = await t.signIn('admin@demo.local');
    const russian: Item[] = (await admin.get('/api/cases/vorontsov/timeline?limit=100')).body.items;
    assert.ok(new Set(russian.map((item) => item.type)).size >= 6, 'hearings, deadlines, custody, filings, medical, money, contact…');
    for (const item of russian) {
      const latin = (item.title.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word));
      assert.deepEqual(latin, [], `${item.type} ${item.event}: ${item.title}`);
      assert.ok(!/\{\{|\$t\(|events\./.test(item.title), item.title);
    }
    const custody = russian.find((item) => item.type === 'custody' && item.params.until);
    assert.match(custody!.title, /под стражей до \d{1,2} [а-я]+ \d{4} г\./);
    const dashboard = await admin.get('/api/dashboard');
    assert.ok(dashboard.body.recentActivity.every((item: Item) => item.event && !/[A-Za-z]{4,}/.test(item.title.replace(/EUR|USD|RUB/g, ''))));

    assert.equal((await admin.patch('/api/auth/me', { language: 'en' })).status, 200);
    const english: Item[] = (await admin.get('/api/cases/vorontsov/timeline?limit=100')).body.items;
    assert.deepEqual(
      english.map((item) => [item.event, item.params]),
      russian.map((item) => [item.event, item.params]),
    );
    const hearing = english.find((item) => item.type === 'hearing')!;
    assert.match(hearing.title, /^Hearing: [a-z ]+/);
    assert.match(english.find((item) => item.type === 'custody' && item.params.until)!.title, /detained until \d{1,2} [A-Z][a-z]+ \d{4}/);
    assert.equal((await admin.patch('/api/auth/me', { language: 'de' })).status, 400);
    assert.equal((await admin.patch('/api/auth/me', {})).status, 400);
  });
});
