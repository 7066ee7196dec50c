import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

describe('evidence in the admin (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('a lawyer builds a Russian dossier of the case, watches it finish and downloads an archive that checks out', () =>
    withPage(browser, 'evidence-dossier', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=dossiers`);
      await page.getByText('No dossier has been built for this case yet.').waitFor();
      await expectNoSeriousAxe(page, 'dossiers tab, en');
      // The dossier's own language, named in the screen's language.
      await page.locator('[aria-labelledby="dossier-language"]').getByText('Russian', { exact: true }).click();
      await page.getByRole('button', { name: 'Build dossier' }).click();
      const row = page.getByTestId('dossier-row').first();
      await row.getByText('ready').waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
      const bytes = readFileSync((await download.path())!);
      const zip = await JSZip.loadAsync(bytes);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      assert.equal(manifest.parameters.language, 'ru');
      assert.ok(manifest.files.length >= 2, 'the PDF and the documents of the case');
      const { rows } = await t.db.query(`select sha256 from dossiers order by created_at desc limit 1`);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), rows[0].sha256);
      await row.getByText(`SHA-256: ${rows[0].sha256.slice(0, 16)}`).waitFor();
      await expectNoSeriousAxe(page, 'dossiers tab with a dossier, en');
    }));

  it("a document's drawer shows its chain of custody", () =>
    withPage(browser, 'evidence-custody', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=documents`);
      await page.getByTestId('document-row').first().getByRole('button').first().click();
      const custody = page.getByTestId('custody');
      await custody.getByRole('heading', { name: 'Chain of custody' }).waitFor();
      await custody.getByTestId('custody-row').first().waitFor();
      await expectNoSeriousAxe(page, 'document drawer with custody, en');
    }));

  it('an admin verifies the audit log and is told it is intact', () =>
    withPage(browser, 'evidence-audit-chain', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/audit-log`);
      await page.getByRole('button', { name: 'Verify the log' }).click();
      await page.getByTestId('chain-result').getByText('The log is intact').waitFor();
      await expectNoSeriousAxe(page, 'audit log, en');
    }));
});
