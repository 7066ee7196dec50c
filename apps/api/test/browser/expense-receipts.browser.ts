import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInAs, withPage, type Browser, type Page } from '../support/browser';
import type { TestApp } from '../support/test-app';

const shots = process.env.HABEAS_SHOTS_DIR;
const DEMO_RECEIPT = 'Счёт адвокатского бюро А. Петрова № 17 за юридическую помощь';

async function moneyTab(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/cases/vorontsov?tab=money`);
  await page.getByTestId('receipt-picker').waitFor();
}

describe('expense receipts in Chromium: finance picks one by name or uploads it', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('chooses the demo receipt by name, uploads another from the form, and lists both expenses with their receipts (en, desktop)', () =>
    withPage(
      browser,
      'expense-receipts-en',
      async (page) => {
        await signInAs(page, t.baseUrl, 'finance@demo.local');
        await moneyTab(page, t.baseUrl);
        const form = page.getByRole('form', { name: 'New expense' });
        await form.getByRole('textbox', { name: 'Payee' }).fill('Law office of A. Petrov');
        await form.getByRole('textbox', { name: 'Amount' }).fill('250');
        await form.getByLabel('Receipt', { exact: true }).fill('Петров');
        await page.getByRole('option', { name: DEMO_RECEIPT }).click();
        await expectNoSeriousAxe(page, 'expense form with a receipt chosen, en');
        await form.getByRole('button', { name: 'Submit for approval' }).click();
        await page.getByText('Expense submitted', { exact: false }).waitFor();
        const first = page.getByTestId('expenses-table').getByRole('row').filter({ hasText: 'Law office of A. Petrov' }).filter({ hasText: '€250.00' });
        await first.getByText(DEMO_RECEIPT).waitFor();

        await form.getByRole('textbox', { name: 'Payee' }).fill('SIZO parcel service');
        await form.getByRole('textbox', { name: 'Amount' }).fill('45');
        const chooser = page.waitForEvent('filechooser');
        await form.getByRole('button', { name: 'Upload a receipt' }).click();
        await (await chooser).setFiles({ name: 'parcel-receipt-0412.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
        await page.getByText('“parcel-receipt-0412.pdf” is filed among the case’s documents').waitFor();
        assert.equal(await form.getByLabel('Receipt', { exact: true }).inputValue(), 'parcel-receipt-0412.pdf', 'the upload is chosen at once');
        await expectNoSeriousAxe(page, 'expense form after uploading a receipt, en');
        await form.getByRole('button', { name: 'Submit for approval' }).click();
        await page.getByTestId('expenses-table').getByRole('row').filter({ hasText: 'SIZO parcel service' }).getByText('parcel-receipt-0412.pdf').waitFor();
        await expectNoSeriousAxe(page, 'money tab with receipts, en');
        if (shots) await page.screenshot({ path: `${shots}/expense-receipts-en-1440.png`, fullPage: true });

        const filed = await t.db.query(`select kind, privileged from documents where title = 'parcel-receipt-0412.pdf'`);
        assert.deepEqual(filed.rows, [{ kind: 'receipt', privileged: false }], 'filed among the case’s documents as a receipt');
      },
      { viewport: { width: 1440, height: 900 } },
    ));

  it('offers the same picker in Russian on a phone, with a message when no receipt has the name', () =>
    withPage(
      browser,
      'expense-receipts-ru',
      async (page) => {
        await signInAs(page, t.baseUrl, 'finance@demo.local', { language: 'ru' });
        await moneyTab(page, t.baseUrl);
        const form = page.getByRole('form', { name: 'Новый расход' });
        await form.getByLabel('Подтверждающий документ', { exact: true }).fill('нет такого');
        await page.getByText('Среди документов дела нет чека с таким названием').waitFor();
        await form.getByLabel('Подтверждающий документ', { exact: true }).fill('Счёт');
        await page.getByRole('option', { name: DEMO_RECEIPT }).waitFor();
        await expectNoSeriousAxe(page, 'receipt picker open, ru 390');
        await page.getByRole('option', { name: DEMO_RECEIPT }).click();
        await form.getByRole('button', { name: 'Загрузить чек' }).waitFor();
        await expectNoSeriousAxe(page, 'expense form, ru 390');
        if (shots) await form.screenshot({ path: `${shots}/expense-receipts-ru-390.png` });
      },
      { viewport: { width: 390, height: 844 } },
    ));
});
