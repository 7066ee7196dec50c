import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import { makeDocxBomb } from '../support/bomb-files';
import { form } from '../support/document-files';
import type { TestApp } from '../support/test-app';

describe('documents in the admin (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('uploads a file with a progress bar, finds it by a word inside, and downloads the same bytes', () =>
    withPage(browser, 'documents-upload-search-download', async (page) => {
      const bytes = Buffer.from(`Notes of the hearing.\n${'The defence asked for the cassation galimatias review. '.repeat(200_000)}\n`);
      const hash = createHash('sha256').update(bytes).digest('hex');
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Documents' }).click();
      await page.getByTestId('document-row').first().waitFor();
      await expectNoSeriousAxe(page, 'documents page, en');

      await page.getByTestId('case-select').click();
      await page.getByRole('option', { name: 'Vladimir Vorontsov' }).click();
      // Record every text the upload's state shows, to see the percentages go by (the page has the DOM, not this file).
      await page.evaluate(`(() => {
        const seen = (window.uploadStates = []);
        new MutationObserver(() => {
          for (const element of document.querySelectorAll('[data-testid="upload-state"]')) seen.push(element.textContent ?? '');
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);
      await page.getByTestId('file-input').setInputFiles({ name: 'hearing-notes.txt', mimeType: 'text/plain', buffer: bytes });
      await page.getByTestId('upload-state').filter({ hasText: 'Uploaded' }).waitFor({ timeout: 30_000 });
      const states = (await page.evaluate('window.uploadStates')) as string[];
      assert.ok(
        states.some((state) => /^\d+%$/.test(state)),
        `progress shown: ${states.join(', ')}`,
      );
      assert.equal(await page.getByTestId('upload-row').getByRole('progressbar').getAttribute('aria-valuenow'), '100');

      for (let i = 0; i < 200; i++) {
        const { rows } = await t.db.query(`select text_status from document_versions where sha256 = $1`, [hash]);
        if (rows[0]?.text_status === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await page.getByTestId('document-search').fill('galimatias');
      await page.locator('[data-testid="snippet"] mark', { hasText: 'galimatias' }).first().waitFor();
      assert.equal(await page.getByTestId('document-row').count(), 1);
      await expectNoSeriousAxe(page, 'documents search results, en');

      await page.getByRole('button', { name: 'hearing-notes' }).click();
      await page.getByTestId('sha256').filter({ hasText: hash }).waitFor();
      await expectNoSeriousAxe(page, 'document drawer, en');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').first().click()]);
      assert.equal(download.suggestedFilename(), 'hearing-notes.txt');
      const saved = readFileSync((await download.path())!);
      assert.equal(createHash('sha256').update(saved).digest('hex'), hash);
    }));

  it('says in the drawer, in Russian and English, why the text of a file was not extracted, and keeps it downloadable', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const created = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(await makeDocxBomb(200 * 1024 * 1024), 'bomb.docx', { title: 'Crafted archive', kind: 'evidence' }),
    );
    assert.equal(created.status, 201, created.text);
    for (let i = 0; i < 200; i++) {
      const { rows } = await t.db.query(`select text_status from document_versions where document_id = $1`, [created.body.id]);
      if (rows[0]?.text_status !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cookies = [...lawyer.cookies].map(([name, value]) => ({ name, value, url: t.baseUrl }));
    const expected = { 'en-US': /unpacks to an implausible size/, 'ru-RU': /неправдоподобно большой объём/ };
    for (const locale of ['ru-RU', 'en-US'] as const) {
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await withPage(
          browser,
          `documents-text-issue-${locale}-${viewport.width}`,
          async (page) => {
            await page.context().addCookies(cookies);
            await page.goto(`${t.baseUrl}/documents`);
            await page.getByRole('button', { name: 'Crafted archive' }).first().click();
            const issue = page.getByTestId('text-issue');
            await issue.waitFor();
            assert.match((await issue.textContent()) ?? '', expected[locale]);
            assert.equal(await page.getByTestId('download').count(), 1);
            await expectNoSeriousAxe(page, `document drawer with a text issue, ${locale} ${viewport.width}`);
            if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/drawer-text-issue-${locale}-${viewport.width}.png` });
          },
          { locale, viewport },
        );
      }
    }
  });
});
