import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

describe('medical alerts and incidents in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('shows a new alert with its readings without reload; acknowledged stays in sight and counted until resolved', () =>
    withPage(browser, 'medical-inbox', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local');
      await page.getByRole('link', { name: /Medical alerts/ }).click();
      await page.getByTestId('alert-card').first().waitFor();
      const badge = page.getByTestId('open-alerts-badge');
      await badge.getByText('3').waitFor();
      await expectNoSeriousAxe(page, 'medical alerts inbox, en'); // the demo's hospital transfer, no news, no contact

      const lawyer = await t.signIn('lawyer@demo.local');
      const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', {
        occurredAt: new Date().toISOString(),
        type: 'check_up',
        severity: 'moderate',
        source: 'family',
        description: 'Headache and blurred vision after the night in the cell',
        vitals: [{ at: new Date().toISOString(), systolic: 190, diastolic: 110 }],
      });
      assert.equal(created.status, 201);
      const alertId = (await t.db.query('select id from medical_alerts where incident_id = $1', [created.body.id])).rows[0].id;
      const card = page.locator(`[data-alert-id="${alertId}"]`);
      await card.waitFor({ timeout: 5000 });
      await card.getByText('Critical').waitFor();
      await card.getByText('Hypertensive crisis: 190/110 mmHg').waitFor();
      await card.getByText('Headache and blurred vision after the night in the cell').waitFor();
      await badge.getByText('4').waitFor();

      await card.getByRole('button', { name: 'Acknowledge' }).click();
      await page.locator(`[data-alert-id="${alertId}"][data-status="acknowledged"]`).waitFor();
      const medicName = (await t.db.query(`select name from users where email = 'medic@demo.local'`)).rows[0].name;
      await card.getByTestId('alert-acknowledged').getByText(`Taken by ${medicName}`, { exact: false }).waitFor();
      await expectNoSeriousAxe(page, 'inbox with an acknowledged alert, en');
      assert.equal(await badge.textContent(), '4', 'an alert in progress still counts');

      await card.getByRole('button', { name: 'Resolve' }).click();
      await page.getByRole('textbox', { name: 'What was done' }).fill('Ambulance called; pressure down to 150/90');
      await expectNoSeriousAxe(page, 'resolve dialog, en');
      await page.getByRole('dialog').getByRole('button', { name: 'Resolve' }).click();
      await card.waitFor({ state: 'detached' });
      await badge.getByText('3').waitFor();
      await page.getByTestId('alert-filter').click();
      await page.getByRole('option', { name: 'Resolved' }).click();
      const resolved = page.locator(`[data-alert-id="${alertId}"]`);
      await resolved.getByText('Note: Ambulance called; pressure down to 150/90').waitFor();
      await expectNoSeriousAxe(page, 'resolved alerts, en');
      await resolved.getByTestId('alert-resolved').getByText(`Resolved by ${medicName}`, { exact: false }).waitFor();
    }));

  it('gives the medic a home of their own: medical state and alerts, and a menu without the lawyers’ screens', () =>
    withPage(browser, 'medic-home', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local');
      await page.getByRole('heading', { level: 1, name: 'Medical overview' }).waitFor();
      await page.getByTestId('medical-state').getByRole('link', { name: 'Vladimir Vorontsov' }).waitFor();
      await page.getByTestId('alert-card').first().waitFor();
      await expectNoSeriousAxe(page, 'medic home, en');
      const menu = page.getByRole('navigation', { name: 'main' });
      assert.equal(await menu.getByRole('link', { name: 'Actions' }).count(), 0);
      assert.equal(await menu.getByRole('link', { name: 'Templates' }).count(), 0);
      await menu.getByRole('link', { name: /Medical alerts/ }).waitFor();
      await page.goto(`${t.baseUrl}/templates`);
      await page.getByRole('heading', { level: 1, name: 'Medical overview' }).waitFor();
    }));

  it('records an incident with a reading and shows it on the case’s medical record with the vitals chart', () =>
    withPage(browser, 'medical-incident-form', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Cases' }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov/medical`);
      await page.getByTestId('vitals-chart').waitFor();
      await page.getByText('Hospitalisation').first().waitFor();
      await expectNoSeriousAxe(page, 'case medical page, en');
      await page.getByRole('button', { name: 'Record incident' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Chest pain reported at the visit');
      await dialog.getByRole('button', { name: 'Add reading' }).click();
      await dialog.getByRole('textbox', { name: 'Systolic' }).fill('190');
      await dialog.getByRole('textbox', { name: 'Diastolic' }).fill('110');
      await dialog.getByRole('textbox', { name: 'Pulse' }).fill('99');
      // Left at "Moderate", the severity is raised by the readings and the form says why.
      await dialog.getByTestId('vitals-findings').getByText('Severity raised to “Critical” by the readings:').waitFor();
      await dialog.getByText('Hypertensive crisis: 190/110 mmHg').waitFor();
      assert.equal(await dialog.getByLabel('Severity', { exact: true }).inputValue(), 'Critical');
      await expectNoSeriousAxe(page, 'new incident dialog with findings, en');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Chest pain reported at the visit').waitFor();
      // Months between the demo readings and today's: the chart shows a gap, not a line across it; units and normal ranges.
      const chart = page.getByTestId('vitals-chart');
      await chart.getByRole('heading', { name: 'Blood pressure, mmHg' }).waitFor();
      assert.ok((await chart.getByTestId('vitals-gap').count()) > 0, 'a gap is drawn');
      assert.ok((await chart.getByTestId('normal-band').count()) >= 2, 'normal ranges are drawn');
      assert.ok((await chart.getByTestId('vitals-line').count()) > 2, 'lines break at the gap');
      await expectNoSeriousAxe(page, 'case medical page with the chart, en');
      const list = await (await t.signIn('lawyer@demo.local')).get('/api/cases/vorontsov/medical-incidents');
      const saved = list.body.items.find((i: { description: string }) => i.description === 'Chest pain reported at the visit');
      assert.ok(saved);
      assert.equal(saved.vitals[0].systolic, 190);
      assert.equal(saved.vitals[0].pulse, 99);
      assert.equal(saved.severity, 'critical');
      const alert = (await t.db.query('select severity from medical_alerts where incident_id = $1', [saved.id])).rows[0];
      assert.equal(alert.severity, 'critical');
    }));
});
