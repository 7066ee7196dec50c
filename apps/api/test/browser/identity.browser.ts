import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';

const INVITED_PASSWORD = 'harbour-lantern-quietly-42';

describe('identity screens in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('signs an admin in with a TOTP, invites a user who sets a password, then disables them', () =>
    withPage(browser, 'identity-mfa-invite-disable', async (page) => {
      const api = await t.signIn('admin@demo.local');
      const setup = await api.post('/api/auth/mfa/setup');
      assert.equal((await api.post('/api/auth/mfa/enable', { totp: authenticator.generate(setup.body.secret) })).status, 204);

      await signInThroughForm(page, t.baseUrl, 'admin@demo.local');
      const code = page.getByRole('textbox', { name: 'Code from your authenticator app' });
      // Enabling used up the current code; the next step's code is within the accepted window.
      await code.fill(authenticator.clone({ epoch: Date.now() + 30_000 }).generate(setup.body.secret));
      await expectNoSeriousAxe(page, 'sign-in asking for a code, en');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByTestId('user-lawyer@demo.local').waitFor();
      await expectNoSeriousAxe(page, 'users page, en');

      await page.getByRole('button', { name: 'Invite a user' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Invited Person');
      await dialog.getByRole('textbox', { name: 'Email' }).fill('invited@demo.local');
      await dialog.getByRole('button', { name: 'Create invite link' }).click();
      const link = await page.getByTestId('invite-link').inputValue();
      assert.match(link, /\/invite\/[\w-]{20,}$/);
      await expectNoSeriousAxe(page, 'invite dialog with a link, en');
      await page.keyboard.press('Escape');
      await page.getByTestId('user-invited@demo.local').waitFor();

      await withPage(browser, 'identity-accept-invite', async (invitee) => {
        await invitee.goto(`${t.baseUrl}${new URL(link).pathname}`);
        await invitee.getByRole('textbox', { name: 'New password' }).fill(INVITED_PASSWORD);
        await invitee.getByRole('textbox', { name: 'Repeat the password' }).fill(INVITED_PASSWORD);
        await expectNoSeriousAxe(invitee, 'invite page, en');
        await invitee.getByRole('button', { name: 'Set password' }).click();
        await invitee.getByTestId('invite-accepted').waitFor();
        await expectNoSeriousAxe(invitee, 'invite accepted, en');
      });
      const invited = await t.signIn('invited@demo.local', INVITED_PASSWORD);
      assert.equal((await invited.get('/api/auth/me')).status, 200);

      // The list shows them as pending until they accept; then the account can be disabled, after a confirmation.
      await page.getByTestId('user-invited@demo.local').getByTestId('invite-status').waitFor();
      await page.reload();
      await page.getByTestId('user-invited@demo.local').getByText('active').waitFor();
      await page.getByRole('button', { name: 'Actions for invited@demo.local' }).click();
      await page.getByRole('menuitem', { name: 'Disable' }).click();
      const confirm = page.getByRole('dialog', { name: 'Disable the account?' });
      await confirm.getByText('Invited Person is signed out everywhere at once', { exact: false }).waitFor();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await expectNoSeriousAxe(page, 'disable confirmation, en');
      await confirm.getByRole('button', { name: 'Disable' }).click();
      await page.getByText('Invited Person is disabled and signed out everywhere.').waitFor();
      // The confirmation fades out; its half-transparent text would read as low contrast until it is gone.
      await confirm.waitFor({ state: 'detached' });
      await expectNoSeriousAxe(page, 'users page with a disabled user, en');
      assert.equal((await invited.get('/api/auth/me')).status, 401, 'the disabled user’s session died at once');
      const again = await t.client().post('/api/auth/login', { email: 'invited@demo.local', password: INVITED_PASSWORD });
      assert.equal(again.status, 401);
    }));

  it('sets up MFA on the account page from the QR code screen and shows ten recovery codes', () =>
    withPage(browser, 'identity-account-mfa', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer2@demo.local', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Cases' }).waitFor();
      await page.goto(`${t.baseUrl}/account`);
      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      await page.getByTestId('mfa-qr').waitFor();
      await expectNoSeriousAxe(page, 'account page setting up MFA, en');
      const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
      await page.getByRole('textbox', { name: '6-digit code' }).fill(authenticator.generate(secret));
      await page.getByLabel('Current password (to confirm)').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Turn on', exact: true }).click();
      const codes = page.getByTestId('recovery-codes').locator('code');
      await codes.nth(9).waitFor();
      assert.equal(await codes.count(), 10);
      await expectNoSeriousAxe(page, 'account page with recovery codes, en');
      await page.getByText('This device', { exact: false }).first().waitFor();
      const row = await t.db.query(`select mfa_enabled_at from users where email = 'lawyer2@demo.local'`);
      assert.ok(row.rows[0].mfa_enabled_at);
    }));
});
