import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderStatement } from '../../src/bank-transfers/demo-statement';
import { expectNoSeriousAxe, launchBrowser, signInThroughForm, type Browser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  assert.ok(found, 'no QR code found in the screenshot');
  return Buffer.from(found.binaryData).toString('utf8');
}

describe('donation page: bank transfer by QR on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    // No Stripe: the page must still offer a way to give.
    t = await startTestApp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the amount on the first screen, a QR a reader decodes, copyable details and other ways to give, in Russian', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ru-RU',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${t.baseUrl}/donate/vorontsov`);
      await page.getByRole('heading', { level: 1, name: 'Владимир Воронцов' }).waitFor();
      assert.match(await page.title(), /^Владимир Воронцов — Поддержать защиту$/);
      assert.match((await page.locator('.donate__summary').first().textContent()) ?? '', /Тверским районным судом/);

      // The amount choice is within the first screen of a 390×844 phone.
      const firstPreset = page.getByRole('button', { name: '500,00 ₽' });
      const box = await firstPreset.boundingBox();
      assert.ok(box && box.y + box.height <= 844, `the amounts start at ${box?.y}px`);
      await page.getByText('Оплата картой пока не подключена — переведите, пожалуйста, через банк.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Банковский перевод (QR)' }).getAttribute('aria-pressed'), 'true');

      // Limits mirror the server's, with a message.
      const custom = page.getByLabel('Другая сумма (RUB)');
      await custom.fill('5');
      await page.getByTestId('amount-limits').getByText('Минимальное пожертвование — 10,00 ₽').waitFor();
      await custom.fill('2 500');
      await page.getByTestId('amount-limits').getByText('От 10,00 ₽ до 1 000 000,00 ₽').waitFor();
      await page.getByTestId('bank-sum').getByText('2500.00').waitFor();

      const code = (await page.getByTestId('bank-purpose').locator('.donate__value').textContent())!.match(/код (\w{5})/)![1];
      const qr = page.getByTestId('bank-qr');
      await qr.scrollIntoViewIfNeeded();
      const payload = decodeQr(await qr.screenshot());
      assert.ok(payload.startsWith('ST00012|Name=ДЕМО'), payload);
      assert.ok(payload.includes('|PersonalAcc=40703810500000004217|'));
      assert.ok(payload.includes('|BIC=049999123|CorrespAcc=30101810600000000123|'));
      assert.ok(payload.includes(`код ${code}`));
      assert.ok(payload.endsWith('|Sum=250000'), payload);

      // Each field copies on its own.
      await page.getByRole('button', { name: /^Копировать\s*:\s*Расчётный счёт$/ }).click();
      await page.getByText('Расчётный счёт: Скопировано').waitFor();
      assert.equal(
        await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()),
        '40703810500000004217',
      );

      // The QR can be saved as an image.
      const href = await page.getByRole('link', { name: 'Сохранить QR-код' }).getAttribute('href');
      const png = await fetch(new URL(href!, t.baseUrl));
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.ok(decodeQr(Buffer.from(await png.arrayBuffer())).endsWith('|Sum=250000'));

      await page
        .getByTestId('other-ways')
        .getByText(/Наличными — в офисе фонда/)
        .waitFor();
      const html = await page.content();
      for (const payer of ['Смирнова', 'Кузнецов', 'Орлова', 'Волков']) assert.ok(!html.includes(payer), `${payer} appears on the public page`);
      await expectNoSeriousAxe(page, 'donation page bank transfer on a phone, ru');
    } catch (error) {
      await page.screenshot({ path: 'test-results/bank-transfer-phone.png', fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('asks for a receipt code that replaces the campaign code in the QR, and passes axe in English on a desktop', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${t.baseUrl}/donate/vorontsov?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Vladimir Vorontsov' }).waitFor();
      await page.getByRole('button', { name: 'RUB 3,000.00' }).click();
      const before = await page.getByTestId('bank-purpose').locator('.donate__value').textContent();
      await page.getByText('Want a receipt?').click();
      await page.getByLabel('Email for the receipt').fill('receipt-browser@example.org');
      await page.getByRole('button', { name: 'Get my code' }).click();
      await page.getByText('Your own code is in the QR and the purpose above.').waitFor();
      const after = await page.getByTestId('bank-purpose').locator('.donate__value').textContent();
      assert.notEqual(after, before);
      const { rows } = await t.db.query(
        `select d.status, d.amount_minor::int as amount from donations d join bank_reference_codes c on c.donation_id = d.id where c.code = $1`,
        [after!.match(/код (\w{5})/)![1]],
      );
      assert.deepEqual(rows, [{ status: 'pending', amount: 300000 }]);
      await expectNoSeriousAxe(page, 'donation page with a receipt code, en 1440');
    } catch (error) {
      await page.screenshot({ path: 'test-results/bank-transfer-receipt.png', fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('lets finance check bank details, import a statement and decide on unmatched transfers, in Russian', async () => {
    // Signs in through the English form, then works in Russian as the team does.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await signInThroughForm(page, t.baseUrl, 'finance@demo.local');
      await page.getByRole('link', { name: 'Donations' }).waitFor();
      await page.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('habeas.lang', 'ru'));
      await page.goto(`${t.baseUrl}/donations`);
      await page.getByTestId('ledger-case').click();
      await page.getByRole('option', { name: 'Владимир Воронцов' }).click();
      const details = page.getByRole('form', { name: 'Счёт для переводов (Россия)' });
      const account = details.getByRole('textbox', { name: 'Расчётный счёт (20 цифр)' });
      await expectNoSeriousAxe(page, 'donations page with bank details, ru');
      await account.fill('40703810600000004217');
      await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
      await details.getByText('Контрольный ключ счёта не сходится с этим БИК').waitFor();
      await account.fill('40703810500000004217');
      await details.getByRole('button', { name: 'Сохранить реквизиты' }).click();
      await page.getByText('Реквизиты сохранены').waitFor();

      await page.getByTestId('bank-statements-link').click();
      await page.getByRole('heading', { level: 1, name: 'Банковские выписки' }).waitFor();
      await expectNoSeriousAxe(page, 'bank statements page, ru');
      const review = page.getByTestId('bank-transfers-table');
      const row = review.getByRole('row', { name: /Волков Денис Олегович/ });
      await row.getByLabel('Сбор').click();
      await page.getByRole('option', { name: 'Владимир Воронцов' }).click();
      await row.getByRole('button', { name: 'Учесть как пожертвование' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Учесть как пожертвование' }).click();
      await review.getByText('Волков Денис Олегович').waitFor({ state: 'detached' });

      const statement = renderStatement('40703810500000004217', '2026-11-20', '2026-11-21', [
        {
          number: '7001',
          date: '2026-11-21',
          amountRub: '111.00',
          direction: 'in',
          counterparty: 'Браузерный Плательщик',
          counterpartyAccount: '40817810000000007001',
          purpose: 'Перевод',
        },
      ]);
      await page.locator('input[type=file]').setInputFiles({ name: 'statement.txt', mimeType: 'text/plain', buffer: statement });
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await page
        .getByTestId('import-result')
        .getByText(/Новых строк: 1\. Пожертвований сопоставлено: 0, на разбор: 1/)
        .waitFor();
      await review.getByText('Браузерный Плательщик').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Загрузить' }).isDisabled(), true);
      await expectNoSeriousAxe(page, 'bank statements page after an import, ru');
    } catch (error) {
      await page.screenshot({ path: 'test-results/bank-statements-admin.png', fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
