import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, type Browser, type Page } from '../support/browser';
import type { TestApp } from '../support/test-app';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env.HABEAS_SHOTS_DIR;

/** Serious and critical axe-core violations on the page, or only inside `within` (a CSS selector) on shared pages. */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  type Axe = { run(context?: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
  const violations = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await (selector ? axe.run({ include: [selector] }) : axe.run());
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  }, within ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count})`);
}

describe('finance screens in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ((t = app), (browser = chromium)));

  /** A signed-in finance page of its own; axe-core is injected, so the context bypasses the app's CSP (the app keeps it). */
  async function asFinance(name: string, body: (page: Page) => Promise<void>, viewport = { width: 1440, height: 900 }): Promise<void> {
    const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await signInThroughForm(page, t.baseUrl, 'finance@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await body(page);
    } catch (error) {
      await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('pages and filters the ledger with case names and a running balance, and exports the same filters', () =>
    asFinance('finance-ledger', async (page) => {
      await page.goto(`${t.baseUrl}/donations`);
      await page.getByTestId('ledger-link').click();
      await page.getByRole('heading', { level: 1, name: 'Ledger' }).waitFor();
      const table = page.getByTestId('ledger-lines');
      await table.getByRole('row').nth(1).waitFor();
      assert.ok((await table.textContent())?.includes('Vladimir Vorontsov'), 'cases by name');
      assert.ok(!(await table.textContent())?.includes('vorontsov,'), 'no slugs');
      assert.deepEqual(await seriousViolations(page), []);
      if (shots) await page.screenshot({ path: `${shots}/ledger-en-1440.png`, fullPage: true });

      await page.getByLabel('Expense category').first().click();
      await page.getByRole('option', { name: 'Legal fees' }).click();
      await page.waitForFunction(() => {
        const rows = [
          ...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> } }).document.querySelectorAll(
            '[data-testid="ledger-lines"] tbody tr',
          ),
        ];
        return rows.length > 0 && rows.every((row) => row.textContent?.includes('Legal fees'));
      });
      const href = await page.getByTestId('ledger-export').getAttribute('href');
      assert.match(href ?? '', /category=legal_fees/);
      const balances = await table.locator('tbody tr td:last-child').allTextContents();
      assert.ok(balances.length > 0 && balances.every((text) => /[−-]/.test(text)), `expenses only: the balance runs negative (${balances.join(' | ')})`);
    }));

  it('shows the ledger on a phone in Russian without serious accessibility problems', () =>
    asFinance(
      'finance-ledger-ru',
      async (page) => {
        await page.evaluate(() =>
          (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('habeas.lang', 'ru'),
        );
        await page.goto(`${t.baseUrl}/donations/ledger`);
        await page.getByRole('heading', { level: 1, name: 'Журнал операций' }).waitFor();
        await page.getByTestId('ledger-lines').getByRole('row').nth(1).waitFor();
        assert.deepEqual(await seriousViolations(page), []);
        if (shots) await page.screenshot({ path: `${shots}/ledger-ru-390.png`, fullPage: true });
      },
      { width: 390, height: 844 },
    ));

  it('gives finance a case Overview without an error box, with the same goal as the campaign settings', () =>
    asFinance('finance-overview', async (page) => {
      await page.goto(`${t.baseUrl}/cases/vorontsov`);
      const fundraising = page.getByTestId('overview-fundraising');
      await fundraising.getByTestId('goal-bar-EUR').waitFor();
      assert.match((await fundraising.getByTestId('goal-bar-EUR').textContent()) ?? '', /of €20,000\.00/);
      assert.equal(await page.getByTestId('error').count(), 0, 'no "your role may not do this" box');
      assert.equal(await page.getByText('may not').count(), 0);
      assert.deepEqual(await seriousViolations(page, '[data-testid="overview-fundraising"]'), []);
      if (shots) await page.screenshot({ path: `${shots}/overview-finance-en-1440.png`, fullPage: true });
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=money`);
      await page.getByTestId('campaign-goals').getByRole('textbox', { name: 'Goal amount' }).first().waitFor();
      assert.equal(await page.getByTestId('campaign-goals').getByRole('textbox', { name: 'Goal amount' }).first().inputValue(), '20000.00');
    }));

  it('explains what erasing a donor removes before it does, and draws the per-day chart with axes and a tooltip', () =>
    asFinance('finance-donations', async (page) => {
      await page.goto(`${t.baseUrl}/donations`);
      const chart = page.getByTestId('per-day-EUR');
      await chart.waitFor();
      assert.ok((await chart.locator('svg text').allTextContents()).join(' ').includes('€'), 'a money axis');
      await chart.locator('svg g[tabindex="0"]').first().focus();
      await chart.getByTestId('chart-tooltip').waitFor();
      assert.match((await chart.getByTestId('chart-tooltip').textContent()) ?? '', /€/);
      await page
        .getByRole('button', { name: /^Erase donor…/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(/name, e-mail address and message/).waitFor();
      await dialog.getByText(/private link and access to their receipts/).waitFor();
      assert.deepEqual(await seriousViolations(page, '[role="dialog"]'), []);
      if (shots) await page.screenshot({ path: `${shots}/erase-en-1440.png` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }));
});
