import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, withPage, type Browser } from '../support/browser';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';

describe('court time seen from another zone in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('shows a Moscow hearing as 10:00 МСК with the Berlin viewer’s 08:00 beside it, and takes new ones in court time', () =>
    withPage(
      browser,
      'court-time-berlin',
      async (page) => {
        const lawyer = await t.signIn('lawyer@demo.local');
        const created = await lawyer.post('/api/cases/vorontsov/hearings', {
          scheduledAt: '2031-12-12T07:00:00.000Z',
          kind: 'preliminary',
          notes: 'Предварительное слушание',
        });
        assert.equal(created.status, 201, created.text);
        assert.equal(created.body.timeZone, 'Europe/Moscow');

        await page.goto(`${t.baseUrl}/login`);
        await page.evaluate("localStorage.setItem('habeas.lang', 'ru')");
        await page.goto(`${t.baseUrl}/login`);
        // The sign-in screen is its own chunk: check it once it has rendered, not the loading shell.
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectNoSeriousAxe(page, 'sign-in page, ru');
        await page.getByRole('textbox', { name: 'Эл. почта' }).fill('lawyer@demo.local');
        await page.getByRole('textbox', { name: 'Пароль' }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.getByRole('link', { name: 'Дела' }).waitFor();
        await page.goto(`${t.baseUrl}/cases/vorontsov`);
        await page.getByRole('tab', { name: 'Заседания' }).click();
        const row = page.getByRole('row').filter({ hasText: 'Предварительное слушание' });
        await row.getByTestId('court-time').getByText('12 декабря 2031 г. в 10:00 МСК').waitFor();
        await expectNoSeriousAxe(page, 'hearings tab, ru');
        assert.equal(await row.getByTestId('viewer-time').textContent(), '08:00 GMT+1');

        await page.getByRole('button', { name: 'Добавить заседание' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Дата и время по времени суда (МСК)').fill('2031-12-15T10:00');
        await dialog.getByRole('button', { name: 'Создать' }).click();
        await page.getByText('Заседание сохранено.').waitFor();
        await expectNoSeriousAxe(page, 'hearings tab after saving, ru');
        const stored = await t.db.query(`select scheduled_at, time_zone from hearings where scheduled_at::date = '2031-12-15'`);
        assert.equal(stored.rows[0].scheduled_at.toISOString(), '2031-12-15T07:00:00.000Z');
        assert.equal(stored.rows[0].time_zone, 'Europe/Moscow');

        // A custody decision in 2031: the appeal term is counted without that year's production calendar, and says so.
        const decided = await lawyer.patch(`/api/cases/vorontsov/hearings/${created.body.id}`, { outcome: 'Мера пресечения продлена', decision: 'custody' });
        assert.equal(decided.status, 200, decided.text);
        await page.getByRole('tab', { name: 'Сроки' }).click();
        const term = page.getByRole('row').filter({ hasText: 'Обжаловать постановление о мере пресечения' }).filter({ hasText: '15 декабря 2031' });
        await term.getByTestId('term-rule').getByText('Срок 3 суток с 12 декабря 2031 г. (ст. 128 УПК РФ).').waitFor();
        assert.equal(
          await term.getByTestId('term-calendar-missing').textContent(),
          'Производственного календаря на 2031 год в программе ещё нет: праздники и переносы выходных этого года не учтены, учтены только субботы и воскресенья. Сверьте дату с официальным календарём.',
        );
        await expectNoSeriousAxe(page, 'deadlines tab with a term counted without a calendar, ru');
      },
      { timezoneId: 'Europe/Berlin', locale: 'ru-RU' },
    ));
});
