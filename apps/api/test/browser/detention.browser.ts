import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, signInThroughForm, withPage, type Browser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('contact log and legal actions in Chromium', () => {
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

  it('logs a refused visit, accepts the proposed complaint, edits and files it', () =>
    withPage(browser, 'detention-refused-visit', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Actions' }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov/contact`);
      await page.getByTestId('contact-log').waitFor();
      await page.getByTestId('trend-chart').waitFor();

      await page.getByRole('button', { name: 'Visit refused' }).click();
      await page.getByLabel('Facility').fill('SIZO-1, Moscow');
      await page.getByLabel('Reason given').fill('Quarantine declared in the block');
      await page.getByLabel('Refused by').fill('Duty officer');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();

      const proposals = page.getByTestId('proposed-actions');
      await proposals.waitFor();
      const complaint = proposals.locator('.mantine-Card-root', { hasText: 'Complaint to the facility' });
      await complaint.getByRole('button', { name: 'Accept' }).click();
      await complaint.getByText('Drafting').waitFor();
      await page.getByRole('link', { name: 'Open the actions board' }).click();

      const drafting = page.getByTestId('column-drafting').getByTestId('action-card').filter({ hasText: 'Quarantine declared in the block' });
      await drafting.waitFor();
      await drafting.getByRole('button', { name: 'Edit' }).click();
      const draft = page.getByTestId('draft-text');
      assert.match(await draft.inputValue(), /SIZO-1, Moscow/);
      await draft.fill('# Complaint\nThe visit was refused on the pretext of a quarantine. Counsel asks for access at once.');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await drafting.getByRole('button', { name: 'Mark filed' }).click();

      const filed = page.getByTestId('column-filed').getByTestId('action-card').filter({ hasText: 'Quarantine declared in the block' });
      await filed.getByRole('link', { name: 'Filed document' }).waitFor();

      const rows = await t.db.query(
        `select a.status, a.draft_text, a.document_id from legal_actions a join contact_events e on e.id = a.trigger_id
          where e.refusal_reason = 'Quarantine declared in the block' and a.step = 'complaint_facility'`,
      );
      assert.equal(rows.rows[0].status, 'filed');
      assert.match(rows.rows[0].draft_text, /Counsel asks for access at once/);
      assert.ok(rows.rows[0].document_id);
    }));
});
