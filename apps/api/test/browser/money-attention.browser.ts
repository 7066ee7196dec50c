import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe';
import { checkoutSession, deliver, events, stripeTestEnv } from '../support/stripe-events';
import { launchBrowser, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('money that needs attention, on the finance screen in Chromium', () => {
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

  it('shows finance, in Russian, a Stripe event it could not apply and a reconciliation that Stripe failed', () =>
    withPage(browser, 'money-attention', async (page) => {
      const stuck = events.sessionCompleted(checkoutSession({ campaign: 'no-such-campaign', amount: 4200 }));
      assert.equal((await deliver(t.baseUrl, stuck)).body.needsAttention, true);
      await signInThroughForm(page, t.baseUrl, 'finance@demo.local');
      await page.getByRole('link', { name: 'Donations' }).waitFor();
      await page.evaluate("localStorage.setItem('habeas.lang', 'ru')");
      await page.goto(`${t.baseUrl}/donations`);
      const attention = page.getByTestId('needs-attention');
      await attention.getByText('Оплата по ссылке неизвестной кампании').waitFor();
      await attention.getByText('checkout.session.completed').waitFor();
      await page.getByTestId('reconciliation').getByText('Сверка ещё не проводилась.').waitFor();
      await expectNoSeriousAxe(page, 'donations page, ru');

      stripe.failWith = { status: 400, type: 'invalid_request_error', message: 'No such thing' };
      await page.getByRole('button', { name: 'Сверить сейчас' }).click();
      await page.getByTestId('reconciliation-error').getByText('Сверка прервана: Stripe ответил ошибкой', { exact: false }).waitFor();
      await page
        .getByTestId('reconciliation')
        .getByText(/не удалось — [1-9]/)
        .waitFor();
      await expectNoSeriousAxe(page, 'donations page with a failed reconciliation, ru');
      stripe.failWith = null;
      await page.getByRole('button', { name: 'Сверить сейчас' }).click();
      await page.getByTestId('reconciliation-error').waitFor({ state: 'detached' });
      // Still not applicable: the campaign does not exist, so it stays listed.
      await attention.getByText('Оплата по ссылке неизвестной кампании').waitFor();
    }));
});
