import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, seriousAxeViolations, signInAs, waitInPage, withPage, type Browser, type Page } from '../support/browser';
import type { TestApp } from '../support/test-app';

type Language = 'en' | 'ru';
const languages: Language[] = ['en', 'ru'];
const locales: Record<Language, string> = { en: 'en-US', ru: 'ru-RU' };
const desktop = { width: 1440, height: 900 };

/** The case page's tabs an admin sees (each its own screen). */
const caseTabs = ['overview', 'timeline', 'hearings', 'deadlines', 'documents', 'medical', 'contact', 'family', 'updates', 'dossiers', 'money', 'team'];

/** Every screen of the admin app, as the admin meets it (the role homes of medical and finance staff apart). */
const adminScreens = [
  '/',
  '/cases',
  ...caseTabs.map((tab) => `/cases/vorontsov${tab === 'overview' ? '' : `?tab=${tab}`}`),
  '/cases/vorontsov?tab=updates&part=solidarity',
  '/cases/vorontsov/contact',
  '/cases/vorontsov/medical',
  '/actions',
  '/templates',
  '/documents',
  '/medical-alerts',
  '/donations',
  '/donations/bank',
  '/donations/ledger',
  '/on-call',
  '/users',
  '/audit-log',
  '/account',
  '/no-such-screen',
];

/**
 * Waits until the screen has rendered its data: an h1 is there (the lazy chunk arrived), no loader spins and the
 * transitions have run. The SSE stream of alerts keeps the network busy, so "network idle" cannot be the signal.
 */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await waitInPage(page, "!document.querySelector('.mantine-Loader-root') && document.getAnimations().every((a) => a.playState !== 'running')");
}

/** Visits each path and collects every serious or critical axe-core violation (all pages are checked before failing). */
async function sweep(page: Page, baseUrl: string, paths: string[], label: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    await settle(page);
    for (const violation of await seriousAxeViolations(page)) found.push(`${label} ${path}: ${violation}`);
  }
  return found;
}

describe('axe-core on every screen in both languages (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  for (const language of languages) {
    it(`finds no serious or critical violation on any admin screen in ${language}`, () =>
      withPage(
        browser,
        `axe-admin-${language}`,
        async (page) => {
          await signInAs(page, t.baseUrl, 'admin@demo.local', { language });
          const found = await sweep(page, t.baseUrl, adminScreens, `admin, ${language}`);
          assert.deepEqual(found, [], found.join('\n'));
        },
        { viewport: desktop },
      ));

    it(`finds none on the medical and finance staff’s own screens in ${language}`, async () => {
      for (const [email, paths] of [
        ['medic@demo.local', ['/', '/medical-alerts', '/cases/vorontsov?tab=medical', '/account']],
        ['finance@demo.local', ['/', '/cases', '/cases/vorontsov', '/cases/vorontsov?tab=money', '/donations']],
      ] as const) {
        await withPage(
          browser,
          `axe-${email}-${language}`,
          async (page) => {
            await signInAs(page, t.baseUrl, email, { language });
            const found = await sweep(page, t.baseUrl, [...paths], `${email}, ${language}`);
            assert.deepEqual(found, [], found.join('\n'));
          },
          { viewport: desktop },
        );
      }
    });

    it(`finds none on the public pages in ${language}: sign-in, password, donation, case page, family report`, async () => {
      const lawyer = await t.signIn('lawyer@demo.local');
      const link = await lawyer.post('/api/cases/vorontsov/intake-links', {});
      assert.equal(link.status, 201, link.text);
      const intake = new URL(link.body.url).pathname;
      const token = intake.split('/').pop()!;
      const sent = await t.client().post(`/api/public/intake/${token}`, { what: 'Передали, что его перевели в другую камеру' });
      assert.equal(sent.status, 201, sent.text);
      for (const viewport of [desktop, { width: 390, height: 844 }]) {
        await withPage(
          browser,
          `axe-public-${language}-${viewport.width}`,
          async (page) => {
            await page.goto(`${t.baseUrl}/login`);
            await page.evaluate(`localStorage.setItem('habeas.lang', '${language}')`);
            const found = await sweep(
              page,
              t.baseUrl,
              [
                '/login',
                '/forgot-password',
                '/invite/not-a-real-invite-token',
                '/reset-password/not-a-real-reset-token',
                '/donate/vorontsov',
                '/support/vorontsov',
                '/support/subscriptions/not-a-real-token/confirm',
                intake,
                `${intake}/status`,
                `${intake}/status?receipt=${sent.body.receipt}`,
              ],
              `public, ${language} ${viewport.width}`,
            );
            assert.deepEqual(found, [], found.join('\n'));
            // The family report form names itself in the reader's language.
            await page.goto(`${t.baseUrl}${intake}`);
            assert.equal(await page.locator('html').getAttribute('lang'), language);
          },
          { viewport, locale: locales[language] },
        );
      }
    });
  }

  // The team works in Russian first: the phone sweep runs in Russian (in English it adds a minute and found nothing more).
  it('finds none on any admin screen on a phone (390×844) in ru', () =>
    withPage(
      browser,
      'axe-admin-phone-ru',
      async (page) => {
        await signInAs(page, t.baseUrl, 'admin@demo.local', { language: 'ru' });
        const found = await sweep(page, t.baseUrl, adminScreens, 'admin on a phone, ru');
        assert.deepEqual(found, [], found.join('\n'));
      },
      { viewport: { width: 390, height: 844 } },
    ));
});
