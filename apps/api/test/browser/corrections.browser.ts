import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, expectNoSeriousAxe, signInAs, withPage, type Browser } from '../support/browser';
import { Fixtures } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

const shots = process.env.HABEAS_SHOTS_DIR;

describe('corrections in Chromium: a record is corrected with a reason and its earlier version stays readable', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('a medic corrects an incident’s description and severity; the earlier version shows who replaced it and why (en)', () =>
    withPage(
      browser,
      'correct-incident',
      async (page) => {
        const f = await Fixtures.of(t);
        const theCase = await f.newCase();
        const medic = await f.newUser('medical', { signIn: false });
        await f.addMember(theCase.id, medic);
        await f.newIncident(theCase.id, { description: 'Headache after the night check', severity: 'low' });

        await signInAs(page, t.baseUrl, medic.email, { password: medic.password });
        await page.goto(`${t.baseUrl}/cases/${theCase.slug}?tab=medical`);
        const row = page.getByTestId('incident-list').getByRole('row').filter({ hasText: 'Headache after the night check' });
        await row.getByRole('button', { name: 'Correct' }).click();
        const dialog = page.getByRole('dialog', { name: 'Correct' });
        await dialog.getByLabel('Description').fill('Severe headache and nausea after the night check');
        await dialog.getByLabel('Reason for the correction').fill('The nurse’s note was read out incompletely');
        await expectNoSeriousAxe(page, 'incident correction dialog, en');
        await dialog.getByRole('button', { name: 'Save the correction' }).click();
        await page.getByText('Correction saved; the earlier version is kept.').waitFor();
        await dialog.waitFor({ state: 'detached' });

        const corrected = page.getByTestId('incident-list').getByRole('row').filter({ hasText: 'Severe headache and nausea' });
        await corrected.getByTestId('incident-history').click();
        const history = page.getByRole('dialog', { name: 'Earlier versions' });
        const version = history.getByTestId('version');
        await version.getByText('Version 1').waitFor();
        await version.getByText('Headache after the night check').waitFor();
        await version.getByText('Reason: The nurse’s note was read out incompletely').waitFor();
        assert.match((await version.textContent()) ?? '', /Replaced by Fixture medical on /);
        await expectNoSeriousAxe(page, 'incident earlier versions, en');
        if (shots) await page.screenshot({ path: `${shots}/incident-history-en-1440.png` });
      },
      { viewport: { width: 1440, height: 900 } },
    ));

  it('a lawyer corrects a contact-log entry’s notes; the earlier version is readable, in Russian on a phone', () =>
    withPage(
      browser,
      'correct-contact',
      async (page) => {
        const f = await Fixtures.of(t);
        const theCase = await f.newCase();
        const lawyer = await f.newUser('lawyer', { signIn: false });
        await f.addMember(theCase.id, lawyer);
        await f.newContact(theCase.id);

        await signInAs(page, t.baseUrl, lawyer.email, { password: lawyer.password, language: 'ru' });
        await page.goto(`${t.baseUrl}/cases/${theCase.slug}?tab=contact`);
        const log = page.getByTestId('contact-log');
        await log.getByRole('button', { name: 'Исправить' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Исправить' });
        await dialog.getByLabel('Заметки').fill('Свидание длилось 40 минут');
        await dialog.getByLabel('Причина исправления').fill('Уточнена продолжительность');
        await expectNoSeriousAxe(page, 'contact correction dialog, ru 390');
        await dialog.getByRole('button', { name: 'Сохранить исправление' }).click();
        await page.getByText('Исправление сохранено; прежняя версия осталась в истории.').waitFor();
        await dialog.waitFor({ state: 'detached' });

        await log.getByText('Свидание длилось 40 минут', { exact: false }).waitFor();
        await log.getByTestId('contact-history').click();
        const history = page.getByRole('dialog', { name: 'Прежние версии' });
        await history.getByTestId('version').getByText('Версия 1').waitFor();
        await history.getByText('Причина: Уточнена продолжительность').waitFor();
        assert.doesNotMatch((await history.textContent()) ?? '', /Свидание длилось 40 минут/, 'the earlier version, not the current one');
        await expectNoSeriousAxe(page, 'contact earlier versions, ru 390');
        if (shots) await page.screenshot({ path: `${shots}/contact-history-ru-390.png` });
      },
      { viewport: { width: 390, height: 844 } },
    ));
});
