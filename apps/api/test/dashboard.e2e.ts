import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DashboardRegistry } from '../src/dashboard/dashboard.registry';
import { startTestApp, type TestApp } from './support/test-app';

describe('dashboard', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    // What the medical and donations areas will plug in; here a fixed figure to see the mechanism work.
    t.app.get(DashboardRegistry).register({ key: 'testMoney', capability: 'money:read', compute: async () => [{ amountMinor: 1200, currency: 'EUR' }] });
  });
  after(() => t?.close());

  it('shows a lawyer the next 14 days of their own cases', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const created = await lawyer.post('/api/cases/vorontsov/hearings', {
      scheduledAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
      kind: 'preliminary',
    });
    const farAway = await lawyer.post('/api/cases/vorontsov/hearings', {
      scheduledAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      kind: 'preliminary',
    });
    const dashboard = await lawyer.get('/api/dashboard');
    assert.equal(dashboard.status, 200);
    const hearingIds = dashboard.body.upcomingHearings.map((h: { id: string }) => h.id);
    assert.ok(hearingIds.includes(created.body.id));
    assert.ok(!hearingIds.includes(farAway.body.id));
    assert.ok(dashboard.body.upcomingHearings.every((h: { caseSlug: string }) => h.caseSlug === 'vorontsov'));
    assert.ok(dashboard.body.upcomingDeadlines.some((d: { title: string }) => /домашний арест/.test(d.title)));
    assert.equal(dashboard.body.custody.length, 1);
    assert.equal(dashboard.body.custody[0].caseSlug, 'vorontsov');
    assert.ok(dashboard.body.custody[0].daysLeft >= 19 && dashboard.body.custody[0].daysLeft <= 21);
    assert.ok(dashboard.body.recentActivity.length > 0);
    assert.ok(dashboard.body.recentActivity.every((item: { at: string }) => item.at <= new Date().toISOString()));
    assert.deepEqual(dashboard.body.widgets, {});
  });

  it('gives finance only its widgets and no case proceedings', async () => {
    const finance = await t.signIn('finance@demo.local');
    const dashboard = await finance.get('/api/dashboard');
    assert.equal(dashboard.status, 200);
    assert.deepEqual(dashboard.body.upcomingHearings, []);
    assert.deepEqual(dashboard.body.custody, []);
    assert.deepEqual(dashboard.body.widgets.testMoney, [{ amountMinor: 1200, currency: 'EUR' }]);
  });

  it('answers 401 without a session', async () => {
    assert.equal((await t.client().get('/api/dashboard')).status, 401);
  });
});
