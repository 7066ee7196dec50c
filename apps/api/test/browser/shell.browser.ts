import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

describe('admin shell and donation page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('signs an admin in and shows the cases, then switches to Russian', () =>
    withPage(browser, 'shell-sign-in', async (page) => {
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local');
      await page.getByRole('link', { name: 'Cases' }).click();
      await page.getByText('vorontsov').first().waitFor();
      await expectNoSeriousAxe(page, 'cases list, en');
      await page.getByText('RU', { exact: true }).first().click();
      await page.getByRole('link', { name: 'Дела' }).waitFor();
      await expectNoSeriousAxe(page, 'cases list, ru');
      assert.deepEqual(
        errors.filter((text) => /Content Security Policy/i.test(text)),
        [],
        'nothing is blocked by the CSP',
      );
    }));

  it('refuses a wrong password with a message', () =>
    withPage(browser, 'shell-wrong-password', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local', 'not the password at all');
      await page.getByText('Invalid email or password').waitFor();
      await expectNoSeriousAxe(page, 'sign-in with an error, en');
    }));

  it('serves the donation page without the admin bundle', () =>
    withPage(browser, 'donate-page', async (page) => {
      const scripts: string[] = [];
      page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
      await page.goto(`${t.baseUrl}/donate/no-such-campaign`);
      await page.getByTestId('campaign-not-found').waitFor();
      await expectNoSeriousAxe(page, 'donation page of an unknown campaign');
      assert.ok(scripts.length > 0);
      assert.ok(!scripts.some((url) => /\/admin-[\w-]+\.js$/.test(url)), `admin bundle loaded: ${scripts.join(', ')}`);
    }));
});
