import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import type { HttpClient } from './support/http-client';
import { checkoutSession, deliver, events, stripeTestEnv, uid } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

interface Progress {
  currency: string;
  goalMinor: number | null;
  oneOffMinor: number;
  monthlyMinor: number;
  offlineMinor: number;
  raisedMinor: number;
}

describe('one goal per campaign and currency, the same figures everywhere', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let finance: HttpClient;
  let lawyer: HttpClient;
  let lawyer2: HttpClient;
  let caseId: string;

  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: stripeTestEnv(stripe.url) });
    finance = await t.signIn('finance@demo.local');
    lawyer = await t.signIn('lawyer@demo.local');
    lawyer2 = await t.signIn('lawyer2@demo.local');
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
  });
  after(async () => {
    await t?.close();
    await stripe?.close();
  });

  const publicProgress = async (): Promise<Progress[]> => (await t.client().get('/api/public/campaigns/vorontsov')).body.progress;
  const caseProgress = async (client: HttpClient): Promise<Progress[]> => {
    const response = await client.get(`/api/cases/${caseId}/fundraising`);
    assert.equal(response.status, 200, response.text);
    return response.body.progress;
  };

  it('shows the campaign’s goals on the public page, the Overview (lawyer and finance) and in the campaign settings alike', async () => {
    const settings = await finance.get(`/api/cases/${caseId}/campaign`);
    assert.deepEqual(settings.body.goals, [
      { currency: 'EUR', amountMinor: 2_000_000 },
      { currency: 'RUB', amountMinor: 150_000_000 },
    ]);
    const everywhere = await publicProgress();
    assert.deepEqual(await caseProgress(lawyer), everywhere);
    assert.deepEqual(await caseProgress(finance), everywhere);
    const eur = everywhere.find((row) => row.currency === 'EUR')!;
    assert.equal(eur.goalMinor, 2_000_000);
    assert.equal(eur.raisedMinor, eur.oneOffMinor + eur.monthlyMinor + eur.offlineMinor);
    assert.ok(eur.oneOffMinor > 0 && eur.monthlyMinor > 0, 'the demo has one-off and monthly gifts in EUR, shown apart');
    const legacy = (await t.client().get('/api/public/campaigns/vorontsov')).body.goal;
    assert.deepEqual(legacy, { amountMinor: 2_000_000, currency: 'EUR' });
    assert.equal('fundraisingGoal' in (await lawyer.get('/api/cases/vorontsov')).body, false, 'the case keeps no goal of its own');
    assert.equal((await lawyer2.get(`/api/cases/${caseId}/fundraising`)).status, 404);
  });

  it('moves one-off, monthly and offline figures apart and in step on every screen', async () => {
    const before = (await publicProgress()).find((row) => row.currency === 'EUR')!;
    const offline = await finance.post('/api/donations/offline', { caseId, amountMinor: 700, currency: 'EUR', method: 'cash' });
    assert.equal(offline.status, 201, offline.text);
    const paymentIntent = uid('pi');
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 1100, paymentIntent })))).status, 200);
    const subscription = uid('sub');
    const monthly = checkoutSession({ campaign: 'vorontsov', amount: 1300, mode: 'subscription', subscription });
    assert.equal((await deliver(t.baseUrl, events.sessionCompleted(monthly))).status, 200);
    assert.equal((await deliver(t.baseUrl, events.invoicePaid(subscription, uid('pi'), 1300))).status, 200);
    const after = (await publicProgress()).find((row) => row.currency === 'EUR')!;
    assert.deepEqual(
      [after.oneOffMinor - before.oneOffMinor, after.monthlyMinor - before.monthlyMinor, after.offlineMinor - before.offlineMinor],
      [1100, 1300, 700],
    );
    assert.equal((await deliver(t.baseUrl, events.chargeRefunded(paymentIntent, 1100, 1100))).status, 200);
    const refunded = (await publicProgress()).find((row) => row.currency === 'EUR')!;
    assert.equal(refunded.oneOffMinor, before.oneOffMinor, 'a refund leaves the bar');
    assert.deepEqual(await caseProgress(finance), await publicProgress());
  });

  it('keeps one goal per currency: replaced, removed, and a second one in the same currency refused', async () => {
    const settings = (await finance.get(`/api/cases/${caseId}/campaign`)).body;
    const twice = await finance.put(`/api/cases/${caseId}/campaign`, {
      ...settings,
      goals: [
        { currency: 'EUR', amountMinor: 100 },
        { currency: 'eur', amountMinor: 200 },
      ],
    });
    assert.equal(twice.status, 400, twice.text);
    const saved = await finance.put(`/api/cases/${caseId}/campaign`, { ...settings, goals: [{ currency: 'USD', amountMinor: 300_000 }] });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body.goals, [{ currency: 'USD', amountMinor: 300_000 }]);
    const progress = await publicProgress();
    assert.equal(progress.find((row) => row.currency === 'USD')?.goalMinor, 300_000);
    assert.equal(progress.find((row) => row.currency === 'EUR')?.goalMinor, null, 'the EUR goal is gone everywhere');
    assert.deepEqual(await caseProgress(lawyer), progress);
    assert.deepEqual((await t.client().get('/api/public/campaigns/vorontsov')).body.goal, { currency: 'USD', amountMinor: 300_000 });
  });
});
