import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInThroughForm, withPage, type Browser } from '../support/browser';
import { Fixtures } from '../support/fixtures';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'a-new-passphrase-from-the-link-5';

describe('admin screens in Chromium: roles, invites, team, audit log, password reset, corrections', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('confirms a role change and says so; shows a pending invite that can be revoked (Russian)', () =>
    withPage(
      browser,
      'admin-users-ru',
      async (page) => {
        const f = await Fixtures.of(t);
        const someone = await f.newUser('lawyer', { signIn: false });
        const invited = await f.newInvite();
        await page.goto(`${t.baseUrl}/login`);
        await page.getByRole('textbox', { name: 'Эл. почта' }).fill('admin@demo.local');
        await page.getByRole('textbox', { name: 'Пароль' }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.getByRole('link', { name: 'Пользователи' }).click();
        const row = page.getByTestId(`user-${someone.email}`);
        await row.waitFor();
        await expectNoSeriousAxe(page, 'users page, ru 390');
        await row.getByRole('textbox', { name: 'Роль: Fixture lawyer' }).click();
        await page.getByRole('option', { name: 'Медик' }).click();
        const dialog = page.getByRole('dialog', { name: 'Изменить роль?' });
        await dialog.getByText('получит роль «Медик» вместо «Адвокат»', { exact: false }).waitFor();
        await expectNoSeriousAxe(page, 'role change confirmation, ru 390');
        await dialog.getByRole('button', { name: 'Изменить роль' }).click();
        await page.getByText('Пользователь Fixture lawyer теперь имеет роль «Медик».').waitFor();
        const { rows } = await t.db.query(`select role from users where id = $1`, [someone.id]);
        assert.equal(rows[0].role, 'medical');

        const pending = page.getByTestId(`user-${invited.email}`);
        await pending.getByTestId('invite-status').getByText('приглашён · ссылка действует до', { exact: false }).waitFor();
        await page.getByRole('button', { name: `Действия для ${invited.email}` }).click();
        await page.getByRole('menuitem', { name: 'Отозвать приглашение' }).click();
        await page.getByRole('menu').waitFor({ state: 'detached' });
        await page.getByRole('dialog', { name: 'Отозвать приглашение?' }).getByRole('button', { name: 'Отозвать приглашение' }).click();
        await pending.getByText('отключён').waitFor();
        assert.equal((await t.client().post('/api/auth/invites/accept', { token: invited.token, password: NEW_PASSWORD })).status, 400);
      },
      { locale: 'ru-RU', viewport: { width: 390, height: 844 } },
    ));

  it('lets an admin add a member on the Team tab, and the audit log shows it with names and before/after', () =>
    withPage(browser, 'admin-team-audit', async (page) => {
      const f = await Fixtures.of(t);
      const medic = await f.newUser('medical', { signIn: false });
      await t.db.query(`update users set name = 'Медик Браузерный' where id = $1`, [medic.id]);
      const lawyer = await f.newUser('lawyer', { signIn: false });
      await f.admin.patch(`/api/users/${lawyer.id}`, { role: 'finance' });
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local');
      await page.getByRole('link', { name: 'Cases' }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov?tab=team`);
      await page.getByTestId('team-table').waitFor();
      await expectNoSeriousAxe(page, 'team tab, en');
      await page.getByRole('textbox', { name: 'Person' }).click();
      await page.getByRole('option', { name: /Медик Браузерный/ }).click();
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByTestId(`member-${medic.email}`).waitFor();
      await page.getByRole('button', { name: 'Remove Медик Браузерный from the case' }).click();
      await page.getByRole('dialog', { name: 'Remove from the case?' }).getByRole('button', { name: 'Remove from the case' }).click();
      await page.getByTestId(`member-${medic.email}`).waitFor({ state: 'detached' });

      await page.goto(`${t.baseUrl}/audit-log`);
      const table = page.getByTestId('audit-table');
      await table.getByText('Changed the role').first().waitFor();
      await table.getByText('role: Lawyer → Finance').waitFor();
      await table.getByText('Added to the team').first().waitFor();
      await table.getByText('Vladimir Vorontsov', { exact: false }).first().waitFor();
      await expectNoSeriousAxe(page, 'audit log, en');
    }));

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

  it('corrects a medical incident with a reason and shows the earlier version', () =>
    withPage(browser, 'incident-correction', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(`${t.baseUrl}/cases/vorontsov/medical`);
      const list = page.getByTestId('incident-list');
      await list.waitFor();
      const first = list.getByRole('row').nth(1);
      const before = (await first.getByRole('cell').nth(3).textContent()) ?? '';
      await first.getByRole('button', { name: 'Correct' }).click();
      const dialog = page.getByRole('dialog', { name: 'Correct' });
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Corrected in the browser: pressure measured twice');
      await dialog.getByRole('textbox', { name: 'Reason for the correction' }).fill('The second reading was left out');
      await expectNoSeriousAxe(page, 'correction dialog, en');
      await dialog.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByText('Correction saved; the earlier version is kept.').waitFor();
      await list.getByText('Corrected in the browser: pressure measured twice').waitFor();
      await list.getByTestId('incident-history').first().click();
      const history = page.getByTestId('version-history');
      await history.getByText('Reason: The second reading was left out').waitFor();
      await history.getByText(before.trim().slice(0, 40), { exact: false }).waitFor();
      await expectNoSeriousAxe(page, 'version history, en');
    }));
});
