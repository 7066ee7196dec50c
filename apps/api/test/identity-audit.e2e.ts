import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

describe('identity: the audit log', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('records sign-ins, failures and user changes, filterable by entity, action, actor and date, with cursor pages', async () => {
    const admin = await t.signIn('admin@demo.local');
    const failed = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: 'wrong-password-xyz' });
    assert.equal(failed.status, 401);
    const created = await admin.post('/api/users', { email: 'audited@demo.local', name: 'Audited', role: 'lawyer' });
    assert.equal(created.status, 201);
    await admin.patch(`/api/users/${created.body.id}`, { role: 'finance' });
    await admin.patch(`/api/users/${created.body.id}`, { disabled: true });

    const forUser = await admin.get(`/api/audit-log?entityType=user&entityId=${created.body.id}`);
    assert.equal(forUser.status, 200);
    const actions = forUser.body.items.map((e: { action: string }) => e.action);
    assert.equal(actions.length, 3);
    assert.ok(actions.includes('user.create'));
    for (const entry of forUser.body.items) {
      assert.equal(entry.entityId, created.body.id);
      assert.ok(entry.at && entry.actorId && 'ip' in entry);
    }

    const failures = await admin.get('/api/audit-log?action=auth.sign-in-failed');
    assert.ok(failures.body.items.length >= 1);
    assert.ok(failures.body.items.every((e: { action: string }) => e.action === 'auth.sign-in-failed'));

    const me = (await admin.get('/api/auth/me')).body.user;
    const mine = await admin.get(`/api/audit-log?actorId=${me.id}`);
    assert.ok(mine.body.items.length >= 4 && mine.body.items.every((e: { actorId: string }) => e.actorId === me.id));

    const future = new Date(Date.now() + 3600_000).toISOString();
    assert.equal((await admin.get(`/api/audit-log?from=${encodeURIComponent(future)}`)).body.items.length, 0);

    // Cursor pages cover every row exactly once: no row twice, none left out (the walk's own audited reads are newer).
    const existing = (await t.db.query<{ id: string }>(`select id from audit_log`)).rows.map((row) => row.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await admin.get(
        `/api/audit-log?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no row on two pages');
    const seenNow = new Set(seen);
    assert.deepEqual(
      existing.filter((id) => !seenNow.has(id)),
      [],
      'every row that existed before the walk is on a page',
    );
    const added = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where not (id = any($1::uuid[]))`, [existing])).rows[0].n;
    assert.ok(seen.length - existing.length <= added, 'a page shows only rows that exist');
  });

  it('is for admins only and refuses bad filters with 400', async () => {
    const lawyer = await t.signIn('lawyer@demo.local', DEMO_PASSWORD);
    assert.equal((await lawyer.get('/api/audit-log')).status, 403);
    const admin = await t.signIn('admin@demo.local');
    assert.equal((await admin.get('/api/audit-log?actorId=not-a-uuid')).status, 400);
    assert.equal((await admin.get('/api/audit-log?limit=500')).status, 400);
  });

  it('cannot be changed or deleted, even by a direct SQL statement of the app', async () => {
    await assert.rejects(t.db.query(`update audit_log set action = 'tampered'`), /append-only|not allowed|refuse/i);
    await assert.rejects(t.db.query(`delete from audit_log`), /append-only|not allowed|refuse/i);
  });
});
