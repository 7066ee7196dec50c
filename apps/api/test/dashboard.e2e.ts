import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dashboard as dashboardSchema } from '@habeas/contracts';
import { expectBody, Fixtures } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

describe('dashboard', () => {
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
  });
  after(() => t?.close());

  const dashboardOf = async (client: HttpClient) => expectBody(await client.get('/api/dashboard'), 200, dashboardSchema);
  const eur = (widgets: Record<string, unknown>) =>
    ((widgets.raisedThisMonth ?? []) as Array<{ currency: string; amountMinor: number }>).find((m) => m.currency === 'EUR')?.amountMinor ?? 0;

  it('shows a lawyer the hearings of the next 14 days of their own cases only, and no widget', async () => {
    const lawyer = await f.newUser('lawyer');
    const mine = await f.newCase({ members: [lawyer] });
    const other = await f.newCase();
    const hearing = async (caseId: string, days: number) => {
      const created = await f.admin.post(`/api/cases/${caseId}/hearings`, { scheduledAt: inDays(days), kind: 'preliminary' });
      assert.equal(created.status, 201, created.text);
      return created.body.id as string;
    };
    const soon = await hearing(mine.id, 3);
    await hearing(mine.id, 30);
    await hearing(other.id, 2);
    const seen = await dashboardOf(lawyer.client);
    assert.deepEqual(
      seen.upcomingHearings.map((h) => [h.id, h.caseSlug]),
      [[soon, mine.slug]],
    );
    assert.deepEqual(seen.custody, []);
    assert.deepEqual(seen.widgets, {});
  });

  it('gives finance the real raisedThisMonth widget, moved by exactly a new gift, and no case proceedings', async () => {
    const finance = await f.newUser('finance');
    const before = await dashboardOf(finance.client);
    assert.deepEqual(Object.keys(before.widgets), ['raisedThisMonth']);
    const theCase = await f.newCase();
    await f.newHearing(theCase.id);
    await f.newOfflineDonation(theCase.id, { amountMinor: 4321 });
    const after = await dashboardOf(finance.client);
    assert.equal(eur(after.widgets) - eur(before.widgets), 4321);
    assert.deepEqual(Object.keys(after.widgets), ['raisedThisMonth']);
    assert.deepEqual(after.upcomingHearings, []);
    assert.deepEqual(after.custody, []);
  });

  it("counts the open medical alerts of a medic's own cases in openMedicalAlerts", async () => {
    const medic = await f.newUser('medical');
    const mine = await f.newCase({ members: [medic] });
    const other = await f.newCase();
    assert.deepEqual((await dashboardOf(medic.client)).widgets, { openMedicalAlerts: 0 });
    await f.newAlert(mine.id);
    await f.newAlert(other.id);
    assert.deepEqual((await dashboardOf(medic.client)).widgets, { openMedicalAlerts: 1 });
  });

  it('answers 401 without a session', async () => {
    assert.equal((await t.client().get('/api/dashboard')).status, 401);
  });
});
