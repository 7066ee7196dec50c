import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInThroughForm, withPage, type Browser } from '../support/browser';
import { Fixtures } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

const NEW_PASSWORD = 'a-new-passphrase-from-the-link-5';

describe('account screens in Chromium: password reset and the first screen without cases', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('says on "forgot password" to ask an admin when mail is off; the admin’s link sets a new password', () =>
    withPage(browser, 'password-reset', async (page) => {
      const f = await Fixtures.of(t);
      const someone = await f.newUser('lawyer', { signIn: false });
      await page.goto(`${t.baseUrl}/login`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByTestId('reset-by-admin').waitFor();
      await expectNoSeriousAxe(page, 'forgot password, en');
      const issued = await f.admin.post(`/api/users/${someone.id}/password-reset`);
      await page.goto(`${t.baseUrl}${new URL(issued.body.resetUrl).pathname}`);
      await page.getByRole('textbox', { name: 'New password' }).fill(NEW_PASSWORD);
      await page.getByRole('textbox', { name: 'Repeat the password' }).fill(NEW_PASSWORD);
      await expectNoSeriousAxe(page, 'reset password page, en');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByTestId('password-reset-done').waitFor();
      assert.equal((await t.client().post('/api/auth/login', { email: someone.email, password: NEW_PASSWORD })).status, 200);
    }));

  it('shows a lawyer on no case what happens next and whom to ask', () =>
    withPage(browser, 'no-cases', async (page) => {
      const f = await Fixtures.of(t);
      const newcomer = await f.newUser('lawyer', { signIn: false });
      await signInThroughForm(page, t.baseUrl, newcomer.email, newcomer.password);
      await page.getByTestId('no-cases').waitFor();
      await page.getByTestId('admin-contacts').getByText('admin@demo.local').waitFor();
      await expectNoSeriousAxe(page, 'first screen without cases, en');
    }));
});
