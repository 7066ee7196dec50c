import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, type Browser, type Page } from '../support/browser';
import { mailedLink, paidMonthlyGift } from '../support/donor-links';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { stripeTestEnv } from '../support/stripe-events';
import { startTestApp, type TestApp } from '../support/test-app';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env.HABEAS_SHOTS_DIR;

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }
    ).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.count})`);
}

describe('a donor’s private page on a phone', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let browser: Browser;
  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: stripeTestEnv(stripe.url) });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.close();
  });

  async function phone(name: string, body: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ru-RU',
      // Only so the test can inject axe-core; the page itself runs under the app's CSP.
      bypassCSP: true,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => !request.url().startsWith(t.baseUrl) && !request.url().startsWith('data:') && external.push(request.url()));
    try {
      await body(page);
      assert.deepEqual(external, [], 'no request leaves the app (no trackers, no fonts from elsewhere)');
    } catch (error) {
      await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('shows the gifts and receipts, changes the monthly amount and cancels it after a confirmation, in Russian and English', () =>
    phone('donor-page', async (page) => {
      const gift = await paidMonthlyGift(t, stripe, 'vorontsov', 'phone.donor@example.org');
      const { token } = await mailedLink(t, gift);
      await page.goto(`${t.baseUrl}/donor/${token}`);
      await page.getByRole('heading', { level: 1, name: 'Мои пожертвования' }).waitFor();
      assert.equal(await page.title(), 'Мои пожертвования');
      const card = page.getByTestId('donor-gift');
      await card.getByText(/Ежемесячное пожертвование/).waitFor();
      const receipt = card.getByRole('link', { name: /Квитанция \(PDF\)/ });
      assert.match((await receipt.getAttribute('href')) ?? '', /\/receipts\/[0-9a-f-]{36}\?language=ru$/);
      assert.deepEqual(await seriousViolations(page), []);
      if (shots) await page.screenshot({ path: `${shots}/donor-ru-390.png`, fullPage: true });

      await page.getByLabel(/Изменить сумму в месяц/).fill('0,5');
      await page.getByText(/Наименьшая сумма/).waitFor();
      await page.getByLabel(/Изменить сумму в месяц/).fill('25');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
      await card
        .getByText(/25,00\s€/)
        .first()
        .waitFor();
      const changed = stripe.requests.find((r) => r.method === 'POST' && r.path.startsWith('/v1/subscriptions/'));
      assert.equal(changed?.form['items[0][price_data][unit_amount]'], '2500');

      await page.getByRole('button', { name: 'Отменить ежемесячное пожертвование' }).click();
      await page.getByText('Прекратить все будущие списания по этому пожертвованию?').waitFor();
      assert.equal(
        stripe.requests.some((r) => r.method === 'DELETE'),
        false,
        'nothing is cancelled before the confirmation',
      );
      await page.getByRole('button', { name: 'Да, прекратить списания' }).click();
      await page.getByRole('status').filter({ hasText: 'отменено' }).waitFor();
      await card.getByText(/Отменено/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Отменить ежемесячное пожертвование' }).count(), 0);
      assert.equal((await t.db.query(`select subscription_status from donations where id = $1`, [gift])).rows[0].subscription_status, 'canceled');

      await page.getByRole('button', { name: 'EN' }).click();
      await page.getByRole('heading', { level: 1, name: 'My donations' }).waitFor();
      await card.getByText(/Monthly donation/).waitFor();
      await card.getByText(/Cancelled/).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      if (shots) await page.screenshot({ path: `${shots}/donor-en-390.png`, fullPage: true });
    }));

  it('says plainly that a wrong link does not work', () =>
    phone('donor-page-wrong', async (page) => {
      await page.goto(`${t.baseUrl}/donor/${'w'.repeat(43)}`);
      await page.getByTestId('donor-link-not-found').waitFor();
      assert.match((await page.getByTestId('donor-link-not-found').textContent()) ?? '', /Ссылка не действует/);
      assert.deepEqual(await seriousViolations(page), []);
    }));
});
