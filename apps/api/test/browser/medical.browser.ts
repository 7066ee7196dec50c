import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, signInThroughForm, withPage, type Browser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('medical alerts and incidents in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a new alert in the inbox without reload, then acknowledges and resolves it', () =>
    withPage(browser, 'medical-inbox', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local');
      await page.getByRole('link', { name: /Medical alerts/ }).click();
      await page.getByTestId('alert-card').first().waitFor();
      const badge = page.getByTestId('open-alerts-badge');
      assert.equal(await badge.textContent(), '1', 'the demo alert is open');

      const lawyer = await t.signIn('lawyer@demo.local');
      const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', {
        occurredAt: new Date().toISOString(),
        type: 'denied_care',
        severity: 'critical',
        source: 'family',
        description: 'Insulin refused by the guards',
        vitals: [],
      });
      assert.equal(created.status, 201);
      const alertId = (await t.db.query('select id from medical_alerts where incident_id = $1', [created.body.id])).rows[0].id;
      const card = page.locator(`[data-alert-id="${alertId}"]`);
      await card.waitFor({ timeout: 5000 });
      await card.getByText('Denied or delayed care').waitFor();
      await page.getByTestId('open-alerts-badge').getByText('2').waitFor();

      await card.getByRole('button', { name: 'Acknowledge' }).click();
      await card.waitFor({ state: 'detached' }); // no longer open
      await page.getByTestId('open-alerts-badge').getByText('1').waitFor();

      await page.getByText('Acknowledged', { exact: true }).click();
      const acknowledged = page.locator(`[data-alert-id="${alertId}"]`);
      await acknowledged.getByRole('button', { name: 'Resolve' }).click();
      await page.getByRole('textbox', { name: 'What was done' }).fill('Lawyer brought insulin; guards confirmed');
      await page.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
      await acknowledged.waitFor({ state: 'detached' });
      await page.getByText('Resolved', { exact: true }).click();
      await page.locator(`[data-alert-id="${alertId}"]`).getByText('Note: Lawyer brought insulin; guards confirmed').waitFor();
      const row = (await t.db.query('select status, acknowledged_by, resolved_by from medical_alerts where id = $1', [alertId])).rows[0];
      assert.equal(row.status, 'resolved');
      assert.ok(row.acknowledged_by && row.resolved_by);
    }));

  it('records an incident with a reading and shows it on the case’s medical record with the vitals chart', () =>
    withPage(browser, 'medical-incident-form', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Cases' }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov/medical`);
      await page.getByTestId('vitals-chart').waitFor();
      await page.getByText('Hospitalisation').first().waitFor();
      await page.getByRole('button', { name: 'Record incident' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Chest pain reported at the visit');
      await dialog.getByRole('button', { name: 'Add reading' }).click();
      await dialog.getByRole('textbox', { name: 'Systolic' }).fill('172');
      await dialog.getByRole('textbox', { name: 'Pulse' }).fill('99');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Chest pain reported at the visit').waitFor();
      const list = await (await t.signIn('lawyer@demo.local')).get('/api/cases/vorontsov/medical-incidents');
      const saved = list.body.items.find((i: { description: string }) => i.description === 'Chest pain reported at the visit');
      assert.ok(saved);
      assert.equal(saved.vitals[0].systolic, 172);
      assert.equal(saved.vitals[0].pulse, 99);
    }));
});
