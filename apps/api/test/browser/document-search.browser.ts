import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserSuite, withPage, type Browser, type Page } from '../support/browser';
import { form } from '../support/document-files';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations (evaluated through the debugger protocol, so the app's CSP stays on). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count})`);
}

describe('document search in the admin (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('searches a court case number across cases, narrows by case, kind and dates, and shows marked snippets, in ru and en', async () => {
    const number = `3/2-2026-${1000 + (randomBytes(2).readUInt16BE() % 9000)}`;
    const admin = await t.signIn('admin@demo.local');
    const upload = async (caseSlug: string, title: string, kind: string, filedAt: string) => {
      const text = `Постановление суда по делу № ${number}. ${title}: ходатайство защиты рассмотрено.`;
      const created = await admin.post(`/api/cases/${caseSlug}/documents`, form(Buffer.from(text), 'ruling.txt', { title, kind, filedAt }));
      assert.equal(created.status, 201, created.text);
      await waitFor(`${title} indexed`, async () => {
        const { rows } = await t.db.query(`select text_status from document_versions where document_id = $1`, [created.body.id]);
        return rows[0]?.text_status === 'done';
      });
    };
    await upload('vorontsov', 'Ruling on the custody extension', 'ruling', '2026-03-10T09:00:00Z');
    await upload('vorontsov', 'Appeal against the custody extension', 'appeal', '2026-03-20T09:00:00Z');
    await upload('second-case', 'Second case ruling', 'ruling', '2026-01-05T09:00:00Z');
    const cookies = [...admin.cookies].map(([name, value]) => ({ name, value, url: t.baseUrl }));
    const words = {
      'en-US': {
        order: /Newest first/,
        anyCase: 'All cases',
        dated: 'Documents dated from',
        second: 'The Smirnov case',
        vorontsov: 'Vladimir Vorontsov',
        ruling: 'Ruling',
      },
      'ru-RU': {
        order: /Сначала новые/,
        anyCase: 'Все дела',
        dated: 'Документы с даты',
        second: 'Дело Смирнова',
        vorontsov: 'Владимир Воронцов',
        ruling: 'Решение суда',
      },
    };
    for (const locale of ['en-US', 'ru-RU'] as const) {
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await withPage(
          browser,
          `document-search-${locale}-${viewport.width}`,
          async (page) => {
            const w = words[locale];
            await page.context().addCookies(cookies);
            await page.goto(`${t.baseUrl}/documents`);
            const rows = page.getByTestId('document-row');
            await rows.first().waitFor();
            await page.getByTestId('document-search').fill(number);
            await page.getByTestId('search-order').filter({ hasText: w.order }).waitFor();
            await waitFor('three results', async () => (await rows.count()) === 3);
            // Newest first by filing date.
            assert.match((await rows.nth(0).textContent()) ?? '', /Appeal against/);
            assert.match((await rows.nth(2).textContent()) ?? '', /Second case ruling/);
            assert.equal(await page.locator('[data-testid="snippet"] mark', { hasText: number }).count(), 3);
            if (viewport.width === 1440) assert.deepEqual(await seriousViolations(page), [], 'axe: serious or critical violations');

            await page.getByTestId('filter-case').click();
            await page.getByRole('option', { name: w.second }).click();
            await waitFor('one case', async () => (await rows.count()) === 1);
            assert.match((await rows.first().textContent()) ?? '', /Second case ruling/);
            await page.getByTestId('filter-case').click();
            await page.getByRole('option', { name: w.vorontsov }).click();
            await waitFor('the case of Vorontsov', async () => (await rows.count()) === 2);

            await page.getByTestId('filter-kind').click();
            await page.getByRole('option', { name: w.ruling, exact: true }).click();
            await waitFor('rulings only', async () => (await rows.count()) === 1);
            await page.getByTestId('filter-kind').click();
            await page.getByRole('option', { name: w.ruling, exact: true }).click();
            await waitFor('any kind again', async () => (await rows.count()) === 2);

            await page.getByPlaceholder(w.anyCase).waitFor();
            await page.getByLabel(w.dated).fill('2026-03-15');
            await page.getByTestId('filter-to').fill('2026-03-31');
            await waitFor('the March appeal only', async () => (await rows.count()) === 1);
            assert.match((await rows.first().textContent()) ?? '', /Appeal against/);
            if (viewport.width === 1440) assert.deepEqual(await seriousViolations(page), [], 'axe with filters set');
            if (process.env.SHOTS_DIR)
              await page.screenshot({ path: `${process.env.SHOTS_DIR}/document-search-${locale}-${viewport.width}.png`, fullPage: true });
          },
          { locale, viewport },
        );
      }
    }
  });
});
