import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

describe('contact log and legal actions in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('logs a refused visit that joins the open complaint, edits it beside its preview and files it', () =>
    withPage(browser, 'detention-refused-visit', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Actions' }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov/contact`);
      await page.getByTestId('contact-log').waitFor();
      await page.getByTestId('trend-chart').waitFor();
      await expectNoSeriousAxe(page, 'contact log page, en');

      await page.getByRole('button', { name: 'Visit refused' }).click();
      await page.getByLabel('Facility').fill('SIZO-1, Moscow');
      await page.getByLabel('Reason given').fill('Quarantine declared in the block');
      await page.getByLabel('Refused by').fill('Duty officer');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();

      // The demo already has an open complaint to the facility: the refusal joins it instead of a duplicate card.
      const proposals = page.getByTestId('proposed-actions');
      await proposals.waitFor();
      const complaint = proposals.locator('.mantine-Card-root', { hasText: 'Complaint to the facility' });
      await complaint.getByText('Added to the open card as a further reason').waitFor();
      await expectNoSeriousAxe(page, 'contact log with proposals, en');
      await complaint.getByRole('button', { name: 'Accept' }).click();
      await complaint.getByText('Drafting').waitFor();
      await page.getByRole('link', { name: 'Open the actions board' }).click();

      const drafting = page.getByTestId('column-drafting').getByTestId('action-card').filter({ hasText: 'Quarantine declared in the block' });
      await drafting.waitFor();
      await drafting.getByTestId('also-because').waitFor();
      await expectNoSeriousAxe(page, 'actions board, en');
      assert.equal(await page.getByTestId('action-card').filter({ hasText: 'Complaint to the facility' }).filter({ hasText: 'Quarantine' }).count(), 1);
      await drafting.getByRole('button', { name: 'Edit' }).click();
      const preview = page.getByTestId('draft-preview');
      await preview.getByText('ЖАЛОБА', { exact: true }).waitFor();
      await preview.getByText('Начальнику ФКУ СИЗО-1 УФСИН России по г. Москве').waitFor();
      await page.getByText('Every field of the template is filled.').waitFor();
      await expectNoSeriousAxe(page, 'draft editor dialog, en');
      await page.getByRole('tab', { name: 'Text' }).click();
      const draft = page.getByTestId('draft-text');
      await draft.fill('# ЖАЛОБА\nПо делу № [[court.caseNumber: ?]] прошу обеспечить свидание.');
      await page.getByRole('tab', { name: 'Preview' }).click();
      await page.getByTestId('empty-fields').getByText('Court case number').waitFor();
      await page.getByRole('tab', { name: 'Text' }).click();
      await draft.fill('# ЖАЛОБА\nПрошу обеспечить свидание защитника с подзащитным незамедлительно.');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await page.getByText('Draft saved.').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await drafting.getByRole('button', { name: 'Mark filed' }).click();
      // The dialog names the filed document: the generated draft is chosen already.
      await page.getByTestId('file-action-confirm').click();

      const filed = page.getByTestId('column-filed').getByTestId('action-card').filter({ hasText: 'Quarantine declared in the block' });
      await filed.getByRole('link', { name: 'Filed document' }).waitFor();
      await expectNoSeriousAxe(page, 'actions board after filing, en');

      const rows = await t.db.query(
        `select a.status, a.draft_text, a.document_id from legal_actions a
          where a.also_because @> jsonb_build_array(jsonb_build_object('refusalReason', 'Quarantine declared in the block')) and a.step = 'complaint_facility'`,
      );
      assert.equal(rows.rows[0].status, 'filed');
      assert.match(rows.rows[0].draft_text, /незамедлительно/);
      assert.ok(rows.rows[0].document_id);
    }));

  it('generates a draft from the board and finds it in Documents', () =>
    withPage(browser, 'detention-generate-draft', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Actions' }).click();
      const card = page.getByTestId('column-proposed').getByTestId('action-card').filter({ hasText: 'Motion to change custody on health grounds' });
      await card.waitFor();
      await card.getByTestId('overdue').waitFor();
      assert.match((await card.getByTestId('overdue').textContent()) ?? '', /Overdue by \d+ days/);
      await card.getByRole('button', { name: 'Generate .docx' }).click();
      await page.getByTestId('generated-link').click();
      const drawer = page.getByTestId('document-drawer');
      await drawer.waitFor();
      await page.getByRole('heading', { name: 'Ходатайство об изменении меры пресечения по состоянию здоровья' }).first().waitFor();
      await drawer
        .getByText(/vorontsov-motion_custody_health-.*\.docx/)
        .first()
        .waitFor();
      await expectNoSeriousAxe(page, 'document drawer of a generated draft, en');
    }));
});
