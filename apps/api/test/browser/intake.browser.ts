import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInThroughForm, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

const shots = process.env.HABEAS_SHOTS ?? tmpdir();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('family intake (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('a lawyer makes a link, a relative reports from a phone in Russian, sees the status, and the medic turns it into an incident', async () => {
    let url = '';
    await withPage(browser, 'intake-link', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=family`);
      await page.getByRole('textbox', { name: 'For whom' }).fill('сестра');
      await page.getByRole('button', { name: 'Create link' }).click();
      url = (await page.getByTestId('intake-url').textContent())!.trim();
      assert.match(url, /\/intake\/[A-Za-z0-9_-]{40,}$/);
      await page.getByRole('cell', { name: 'сестра' }).waitFor();
    });
    const photo = join(tmpdir(), `intake-photo-${process.pid}.png`);
    writeFileSync(photo, PNG);
    const token = url.split('/').pop()!;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${t.baseUrl}/intake/${token}`);
      assert.equal(response?.status(), 200);
      await page.getByRole('heading', { level: 1, name: 'Сообщить защите' }).waitFor();
      await expectNoSeriousAxe(page, 'family report form, ru 390');
      await page.getByRole('textbox', { name: /Что случилось/ }).fill('Брат сказал по телефону, что ему стало плохо, давление 185 на 115, скорую не вызвали');
      await page.getByRole('textbox', { name: /Когда/ }).fill('сегодня утром');
      await page.getByRole('textbox', { name: /Где/ }).fill('СИЗО-1');
      await page.getByRole('textbox', { name: /Откуда вы это знаете/ }).fill('Он позвонил из СИЗО');
      await page.getByLabel(/Фото или документы/).setInputFiles(photo);
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
      await page.screenshot({ path: join(shots, 'intake-form-ru-390.png'), fullPage: true });
      await page.getByRole('button', { name: 'Отправить' }).click();
      await page.getByRole('heading', { name: 'Сообщение получено' }).waitFor();
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await page.getByText('команда уже получила тревогу').waitFor();
      await expectNoSeriousAxe(page, 'family report receipt, ru 390');
      await page.screenshot({ path: join(shots, 'intake-receipt-ru-390.png'), fullPage: true });
      await page.getByRole('link', { name: 'Узнать статус' }).click();
      await page.getByText('Получено, ещё не прочитано').waitFor();
      const statusText = await page.locator('main').innerText();
      assert.ok(!statusText.includes('185 на 115'), 'the status page never shows the content');
      await expectNoSeriousAxe(page, 'family report status, ru 390');

      await withPage(browser, 'intake-triage', async (admin) => {
        await signInThroughForm(admin, t.baseUrl, 'medic@demo.local');
        await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
        await admin.goto(`${t.baseUrl}/cases/vorontsov?tab=family`);
        const card = admin.getByTestId('intake-report').filter({ hasText: '185 на 115' });
        await card.getByText('Health emergency').waitFor();
        await card.getByText('A medical alert was opened for this report.').waitFor();
        await card.getByRole('link', { name: /intake-photo/ }).waitFor();
        await card.getByRole('button', { name: 'Make a medical incident' }).click();
        await admin.getByRole('button', { name: 'Create', exact: true }).click();
        await card.getByRole('link', { name: 'Medical incident' }).waitFor();
        await card.getByText('Acted on').waitFor();
      });

      await page.reload();
      await page.getByText('Команда приняла меры').waitFor();
    } finally {
      await context.close();
    }
  });
});
