import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInAs, withPage, type Browser, type Page } from '../support/browser';
import { Fixtures } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const ADMIN = 'Кузнецова Анна Павловна';
const shots = process.env.HABEAS_SHOTS_DIR;

/** Picks `option` in a Mantine select. */
async function choose(page: Page, field: ReturnType<Page['getByRole']>, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('admin screens in Chromium: roles, invites, the team and the audit log', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('changes a role only after a confirmation, says so, and the audit log shows who changed it from what to what', () =>
    withPage(
      browser,
      'admin-role-change',
      async (page) => {
        const f = await Fixtures.of(t);
        const someone = await f.newUser('lawyer', { signIn: false });
        await signInAs(page, t.baseUrl, 'admin@demo.local');
        await page.goto(`${t.baseUrl}/users`);
        const row = page.getByTestId(`user-${someone.email}`);
        const role = row.getByRole('combobox', { name: 'Role of Fixture lawyer' });

        // Cancelling leaves the role as it was.
        await choose(page, role, 'Finance');
        const confirm = page.getByRole('dialog', { name: 'Change the role?' });
        await confirm.getByText('Fixture lawyer becomes Finance instead of Lawyer', { exact: false }).waitFor();
        await confirm.getByRole('button', { name: 'Cancel' }).click();
        await confirm.waitFor({ state: 'detached' });
        assert.equal(await role.inputValue(), 'Lawyer');

        await choose(page, role, 'Medical');
        await confirm.getByText('Fixture lawyer becomes Medical instead of Lawyer', { exact: false }).waitFor();
        await expectNoSeriousAxe(page, 'role change confirmation, en');
        await confirm.getByRole('button', { name: 'Change role' }).click();
        await page.getByText('Fixture lawyer is now Medical.').waitFor();
        await confirm.waitFor({ state: 'detached' });
        await waitFor('the table showing the new role', async () => (await role.inputValue()) === 'Medical' || undefined, { timeoutMs: 3000 });
        assert.equal((await t.db.query(`select role from users where id = $1`, [someone.id])).rows[0].role, 'medical');

        await page.getByRole('link', { name: 'Audit log' }).click();
        await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
        await choose(page, page.getByRole('combobox', { name: 'Action', exact: true }), 'Changed the role');
        await choose(page, page.getByRole('combobox', { name: 'Who', exact: true }), `${ADMIN} · admin@demo.local`);
        const entry = page.getByTestId('audit-row').filter({ hasText: 'Fixture lawyer' }).first();
        await entry.getByTestId('audit-change').getByText('role: Lawyer → Medical').waitFor();
        await entry.getByText(ADMIN).waitFor();
        const rows = await page.getByTestId('audit-row').allTextContents();
        assert.ok(
          rows.every((text) => text.includes('Changed the role') && text.includes(ADMIN)),
          `filtered to the admin’s role changes: ${rows.join(' | ')}`,
        );
        assert.ok(!rows.join(' ').match(/[0-9a-f]{8}-[0-9a-f]{4}-/), 'names, not ids');
        await expectNoSeriousAxe(page, 'audit log filtered to role changes, en');
        if (shots) await page.screenshot({ path: `${shots}/audit-role-change-en-1440.png`, fullPage: true });
      },
      { viewport: { width: 1440, height: 900 } },
    ));

  it('shows an invite as pending, resends it (the old link dies) and revokes it after a confirmation, in Russian', () =>
    withPage(
      browser,
      'admin-pending-invite',
      async (page) => {
        const f = await Fixtures.of(t);
        const invited = await f.newInvite('medical');
        await signInAs(page, t.baseUrl, 'admin@demo.local', { language: 'ru' });
        await page.goto(`${t.baseUrl}/users`);
        const row = page.getByTestId(`user-${invited.email}`);
        await row.getByTestId('invite-status').getByText('приглашён · ссылка действует до', { exact: false }).waitFor();
        await expectNoSeriousAxe(page, 'users with a pending invite, ru');

        await row.getByRole('button', { name: `Действия для ${invited.email}` }).click();
        await page.getByRole('menuitem', { name: 'Отправить приглашение повторно' }).click();
        const linkDialog = page.getByRole('dialog', { name: 'Ссылка-приглашение' });
        const link = await linkDialog.getByTestId('invite-link').inputValue();
        assert.match(link, /\/invite\/[\w-]{20,}$/);
        assert.notEqual(link.split('/').pop(), invited.token);
        await expectNoSeriousAxe(page, 'new invite link, ru');
        await page.keyboard.press('Escape');
        await linkDialog.waitFor({ state: 'detached' });
        const old = await t.client().post('/api/auth/invites/accept', { token: invited.token, password: 'a-long-enough-passphrase-1' });
        assert.notEqual(old.status, 204, 'the earlier link no longer works');

        await row.getByRole('button', { name: `Действия для ${invited.email}` }).click();
        await page.getByRole('menuitem', { name: 'Отозвать приглашение' }).click();
        const confirm = page.getByRole('dialog', { name: 'Отозвать приглашение?' });
        await page.getByRole('menu').waitFor({ state: 'detached' });
        await expectNoSeriousAxe(page, 'revoke confirmation, ru');
        await confirm.getByRole('button', { name: 'Отозвать приглашение' }).click();
        await page.getByText('Приглашение для пользователя Invited отозвано', { exact: false }).waitFor();
        await confirm.waitFor({ state: 'detached' });
        await row.getByText('отключён').waitFor();
        const revoked = await t.client().post('/api/auth/invites/accept', { token: link.split('/').pop(), password: 'a-long-enough-passphrase-1' });
        assert.notEqual(revoked.status, 204, 'the revoked link no longer works');
        await expectNoSeriousAxe(page, 'users after revoking, ru');
      },
      { viewport: { width: 1440, height: 900 } },
    ));

  it('adds a member on the Team tab and removes them after a confirmation; a lawyer sees the team read-only (ru, phone)', () =>
    withPage(
      browser,
      'admin-team-tab',
      async (page) => {
        const f = await Fixtures.of(t);
        const newcomer = await f.newUser('lawyer', { signIn: false });
        await t.db.query(`update users set name = 'Новиков Артём Олегович' where id = $1`, [newcomer.id]);
        await signInAs(page, t.baseUrl, 'admin@demo.local', { language: 'ru' });
        await page.goto(`${t.baseUrl}/cases/second-case?tab=team`);
        await page.getByTestId('team-table').waitFor();
        await expectNoSeriousAxe(page, 'team tab, ru 390');
        await choose(page, page.getByRole('combobox', { name: 'Сотрудник', exact: true }), 'Новиков Артём Олегович · Адвокат');
        await page.getByRole('button', { name: 'Добавить', exact: true }).click();
        await page.getByText('Пользователь Новиков Артём Олегович добавлен в дело.').waitFor();
        const member = page.getByTestId(`member-${newcomer.email}`);
        await member.waitFor();
        assert.equal((await t.db.query(`select count(*)::int as n from case_members where user_id = $1`, [newcomer.id])).rows[0].n, 1);
        if (shots) await page.screenshot({ path: `${shots}/team-ru-390.png`, fullPage: true });

        await member.getByRole('button', { name: 'Исключить из дела: Новиков Артём Олегович' }).click();
        const confirm = page.getByRole('dialog', { name: 'Исключить из дела?' });
        await expectNoSeriousAxe(page, 'remove member confirmation, ru 390');
        await confirm.getByRole('button', { name: 'Исключить из дела' }).click();
        await page.getByText('Пользователь Новиков Артём Олегович больше не участвует в деле.').waitFor();
        await member.waitFor({ state: 'detached' });
        assert.equal((await t.db.query(`select count(*)::int as n from case_members where user_id = $1`, [newcomer.id])).rows[0].n, 0);

        await withPage(
          browser,
          'lawyer-team-read-only',
          async (lawyer) => {
            await signInAs(lawyer, t.baseUrl, 'lawyer2@demo.local');
            await lawyer.goto(`${t.baseUrl}/cases/second-case?tab=team`);
            await lawyer.getByTestId('member-lawyer2@demo.local').waitFor();
            await lawyer.getByText('An administrator adds and removes members of the team.').waitFor();
            assert.equal(await lawyer.getByRole('button', { name: /^Remove / }).count(), 0);
            await expectNoSeriousAxe(lawyer, 'team tab read-only, en');
          },
          { viewport: { width: 1440, height: 900 } },
        );
      },
      { viewport: { width: 390, height: 844 } },
    ));
});
