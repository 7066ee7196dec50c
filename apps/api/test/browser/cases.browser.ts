import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, signInThroughForm, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import type { TestApp } from '../support/test-app';

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input takes it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

describe('cases in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('lets a lawyer add a hearing and see it on the timeline and the dashboard', () =>
    withPage(browser, 'cases-add-hearing', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Cases' }).click();
      await page.getByRole('link', { name: 'Vladimir Vorontsov' }).click();
      await page.getByText('Тверской районный суд г. Москвы').first().waitFor();
      await page.getByRole('cell', { name: 'Taken to hospital' }).waitFor();
      await expectNoSeriousAxe(page, 'case overview, en');

      await page.getByRole('tab', { name: 'Hearings' }).click();
      await page.getByRole('button', { name: 'Add hearing' }).click();
      const dialog = page.getByRole('dialog');
      // Inline validation from the shared schema before anything is sent.
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.getByText('Required').waitFor();
      await expectNoSeriousAxe(page, 'new hearing dialog with errors, en');
      await dialog.getByLabel('Date and time').fill(localInput(new Date(Date.now() + 2 * 86400_000)));
      await dialog.getByLabel('Court', { exact: true }).fill('Moscow City Court, browser test');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'Moscow City Court, browser test' }).waitFor();
      await expectNoSeriousAxe(page, 'hearings tab, en');

      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page.getByTestId('timeline').getByText('Hearing: trial session, Moscow City Court, browser test').waitFor();
      await expectNoSeriousAxe(page, 'timeline tab, en');

      await page.getByRole('link', { name: 'Dashboard' }).click();
      const hearings = page.getByTestId('dashboard-hearings');
      await hearings.getByText('Trial session').waitFor();
      assert.match((await hearings.textContent()) ?? '', /Moscow City Court, browser test/);
      await page
        .getByText(/days left/)
        .first()
        .waitFor();
      await expectNoSeriousAxe(page, 'dashboard, en');
    }));

  it('shows the calendar link once and turns it off', () =>
    withPage(browser, 'cases-calendar-card', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'lawyer@demo.local');
      await page.getByRole('link', { name: 'Account' }).click();
      await page.getByRole('button', { name: 'Create calendar link' }).click();
      const url = await page.getByTestId('calendar-url').inputValue();
      const feed = await t.client().get(new URL(url).pathname);
      assert.equal(feed.status, 200);
      assert.match(feed.text, /BEGIN:VEVENT/);
      await page.getByRole('button', { name: 'Turn off' }).click();
      await page.getByText('No calendar link yet.').waitFor();
      await expectNoSeriousAxe(page, 'account page, en');
      assert.equal((await t.client().get(new URL(url).pathname)).status, 404);
    }));
});
