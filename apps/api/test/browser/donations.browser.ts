import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { WEBHOOK_SECRET } from '../support/stripe-events';
import { launchBrowser, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('donation page and finance screens in Chromium', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let browser: Browser;
  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: { STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url } });
    // The fake Checkout URL lands back on this app's success page, so the whole round trip stays local.
    stripe.checkoutBase = `${t.baseUrl}/donate/vorontsov/success`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.close();
  });

  it('lets a donor choose a monthly amount anonymously and sends them to Checkout', () =>
    withPage(browser, 'donate-checkout', async (page) => {
      const scripts: string[] = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      await page.goto(`${t.baseUrl}/donate/vorontsov?lang=en`);
      await page.getByRole('heading', { name: 'Vladimir Vorontsov' }).waitFor();
      await page.getByTestId('raised-EUR').waitFor();
      assert.equal(await page.getByTestId('statement-descriptor').textContent(), 'HABEAS FUND');
      assert.equal(await page.getByLabel('Show my name among the supporters').isChecked(), false);
      await page.getByText('Legal fees').first().waitFor();
      assert.ok(!(await page.content()).includes('Hidden Donor'));
      await expectNoSeriousAxe(page, 'donation page, en');
      await page.getByRole('button', { name: 'Every month' }).click();
      await page.getByRole('button', { name: '€50.00' }).click();
      await page.getByLabel('Email for a receipt (optional)').fill('donor@example.org');
      await page.getByRole('button', { name: /Continue to payment/ }).click();
      await page.waitForURL(/\/checkout\/cs_test_fake_/);
      await page.getByTestId('donate-success').waitFor();
      await expectNoSeriousAxe(page, 'donation success page, en');
      const sent = stripe.requests.find((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST');
      assert.ok(sent);
      assert.equal(sent.form.mode, 'subscription');
      assert.equal(sent.form['line_items[0][price_data][unit_amount]'], '5000');
      assert.equal(sent.form['metadata[campaign]'], 'vorontsov');
      assert.equal(sent.form.customer_email, 'donor@example.org');
      const { rows } = await t.db.query(`select d.status, di.show_name from donations d join donor_identities di on di.id = d.donor_id where d.id = $1`, [
        sent.form.client_reference_id,
      ]);
      assert.deepEqual(rows, [{ status: 'pending', show_name: false }]);
      assert.ok(!scripts.some((url) => /\/admin-[\w-]+\.js$/.test(url)));
    }));

  it('names the amount on the pay button, or disables it and says why, with the server limits', () =>
    withPage(browser, 'donate-pay-button', async (page) => {
      await page.goto(`${t.baseUrl}/donate/vorontsov?lang=ru`);
      await page.getByRole('heading', { level: 1, name: 'Владимир Воронцов' }).waitFor();
      const pay = page.getByTestId('pay-button');
      const label = async () => (await pay.textContent())?.replace(/\s/g, ' ');
      assert.equal(await label(), 'Перейти к оплате · 25,00 €');
      await expectNoSeriousAxe(page, 'donation page, ru');
      const custom = page.getByLabel('Другая сумма (EUR)');
      await custom.fill('1');
      await custom.fill('');
      assert.equal(await label(), 'Выберите или введите сумму');
      assert.equal(await pay.isDisabled(), true);
      await custom.fill('0,50');
      assert.equal(await label(), 'Минимальное пожертвование — 1,00 €');
      await page
        .getByTestId('amount-limits')
        .getByText(/Минимальное пожертвование — 1,00\s€/)
        .waitFor();
      await expectNoSeriousAxe(page, 'donation page below the limit, ru');
      await custom.fill('50000');
      assert.equal(await label(), 'Максимальное пожертвование — 10 000,00 €');
      assert.equal(await pay.isDisabled(), true);
      await custom.fill('42,5');
      assert.equal(await label(), 'Перейти к оплате · 42,50 €');
      assert.equal(await pay.isEnabled(), true);
      // The other way to give is offered next to the card payment.
      await page.getByRole('button', { name: 'Банковский перевод (QR)' }).click();
      await page.getByTestId('bank-qr').waitFor();
      await expectNoSeriousAxe(page, 'donation page bank transfer, ru');
    }));

  it('shows the cancel state in Russian', () =>
    withPage(browser, 'donate-cancel', async (page) => {
      await page.goto(`${t.baseUrl}/donate/vorontsov?status=cancel&lang=ru`);
      await page.getByText('Оплата отменена').waitFor();
      await page.getByText('На что потрачены деньги').waitFor();
      await expectNoSeriousAxe(page, 'donation cancelled page, ru');
    }));

  it('lets finance see donations, record an offline gift, and an admin approve an expense', () =>
    withPage(browser, 'finance-screens', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'finance@demo.local');
      await page.getByRole('link', { name: 'Donations' }).click();
      await page.getByTestId('donations-table').waitFor();
      await page.getByTestId('totals-EUR').waitFor();
      await page.getByTestId('reconciliation').getByText('Has not run yet.').waitFor();
      assert.ok(await page.getByTestId('donations-table').getByText('Anna K.').isVisible());
      await expectNoSeriousAxe(page, 'donations page, en');
      await page.getByRole('button', { name: 'Record offline donation' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Case').click();
      await page.getByRole('option', { name: 'The Smirnov case' }).click();
      await dialog.getByRole('textbox', { name: 'Amount' }).fill('123.45');
      await dialog.getByRole('textbox', { name: 'Method' }).fill('bank transfer');
      await expectNoSeriousAxe(page, 'offline donation dialog, en');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Donation recorded').waitFor();
      await page.getByTestId('donations-table').getByText('€123.45').waitFor();
      const { rows } = await t.db.query(`select count(*)::int as n from donations where kind = 'offline' and amount_minor = 12345 and donor_id is null`);
      assert.equal(rows[0].n, 1);
    }).then(() =>
      withPage(browser, 'finance-approve', async (page) => {
        await signInThroughForm(page, t.baseUrl, 'admin@demo.local');
        await page.getByRole('link', { name: 'Donations' }).click();
        await page.getByTestId('ledger-case').click();
        await page.getByRole('option', { name: 'Vladimir Vorontsov' }).click();
        await page.getByTestId('ledger-EUR').waitFor();
        await expectNoSeriousAxe(page, 'donations page with a case ledger, en');
        const row = page.getByTestId('expenses-table').getByRole('row', { name: /Независимый кардиолог/ });
        await row.getByRole('button', { name: 'Approve' }).click();
        await row.getByText('paid').waitFor();
        const { rows } = await t.db.query(`select status from expenses where payee = 'Независимый кардиолог'`);
        assert.equal(rows[0].status, 'paid');
        const descriptor = page.getByRole('textbox', { name: 'Bank statement text' });
        await descriptor.fill('HBS DEFENSE');
        await page.getByRole('form', { name: 'Campaign settings' }).getByRole('button', { name: 'Save' }).click();
        await page.getByText('Campaign settings saved').waitFor();
        await expectNoSeriousAxe(page, 'donations page after saving settings, en');
        const campaign = await t.client().get('/api/public/campaigns/vorontsov');
        assert.equal(campaign.body.statementDescriptor, 'HBS DEFENSE');
      }),
    ));
});
