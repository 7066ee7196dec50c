import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

describe('the public side of a case (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('a medic drafts an update, a lawyer publishes it, and a supporter reads it on a phone in Russian without JavaScript', async () => {
    await withPage(browser, 'public-case-draft', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=updates`);
      // The update's own language, named in the screen's language.
      await page.locator('[aria-label="Language of the update"]').getByText('Russian', { exact: true }).click();
      await page.getByRole('textbox', { name: 'Title' }).fill('Передача с лекарствами принята');
      await page.getByRole('textbox', { name: 'Text' }).fill('Сегодня СИЗО приняло передачу с лекарствами.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      const card = page.getByTestId('update-card').filter({ hasText: 'Передача с лекарствами принята' });
      await card.getByText('draft').waitFor();
      await card.getByText('Another lawyer of the case publishes it').waitFor();
      await expectNoSeriousAxe(page, 'updates tab with a draft, en');
    });
    await withPage(browser, 'public-case-approve', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=updates`);
      const card = page.getByTestId('update-card').filter({ hasText: 'Передача с лекарствами принята' });
      await card.getByRole('button', { name: 'Reviewed, publish' }).click();
      await card.getByText('published', { exact: true }).waitFor();
      await expectNoSeriousAxe(page, 'updates tab after publishing, en');
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', javaScriptEnabled: false, isMobile: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${t.baseUrl}/support/vorontsov`);
      assert.equal(response?.status(), 200);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Передача с лекарствами принята' }).waitFor();
      await page.getByRole('heading', { name: 'Ближайшие заседания' }).waitFor();
      await page.getByRole('heading', { name: 'Как написать письмо и передать посылку' }).waitFor();
      const donate = page.getByRole('link', { name: 'Поддержать сбор' }).first();
      assert.equal(await donate.getAttribute('href'), '/donate/vorontsov');
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
      await page.screenshot({ path: `${process.env.HABEAS_SHOTS ?? '/tmp'}/public-case-ru-390.png`, fullPage: true }).catch(() => undefined);
    } finally {
      await context.close();
    }
    // The same page with scripts on (axe-core needs them), in both languages on a phone and a desktop.
    for (const [locale, viewport] of [
      ['ru-RU', { width: 390, height: 844 }],
      ['en-US', { width: 1440, height: 900 }],
    ] as const) {
      await withPage(
        browser,
        `public-case-axe-${locale}`,
        async (page) => {
          await page.goto(`${t.baseUrl}/support/vorontsov`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await expectNoSeriousAxe(page, `public case page, ${locale} ${viewport.width}`);
        },
        { locale, viewport },
      );
    }
  });
});
