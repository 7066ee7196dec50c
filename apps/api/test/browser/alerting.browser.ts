import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from '../support/axe';
import { expectNoSeriousAxe, launchBrowser, signInThroughForm, type Browser, type Page } from '../support/browser';
import { startFakePushService, type FakePushService } from '../support/fake-push-service';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const SHOTS = process.env.HABEAS_SHOTS_DIR;

describe('alerts on phones in Chromium: installable app, account channels, on-call rota, delivery records', () => {
  let t: TestApp;
  let browser: Browser;
  let push: FakePushService;
  let telegram: FakeTelegram;

  before(async () => {
    push = await startFakePushService();
    telegram = await startFakeTelegram();
    t = await startTestApp({ env: { PUSH_ENDPOINT_HOSTS: push.host, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_URL: telegram.url } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await push?.close();
    await telegram?.close();
  });

  async function open(name: string, body: (page: Page) => Promise<void>, viewport = { width: 1440, height: 900 }) {
    const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true, serviceWorkers: 'allow' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await body(page);
    } catch (error) {
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  /** Chromium offers installation only outside incognito: a real (temporary) profile, like a phone's browser. */
  async function installable(body: (page: Page) => Promise<void>) {
    const profile = mkdtempSync(join(tmpdir(), 'habeas-pwa-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      locale: 'en-US',
    });
    context.setDefaultTimeout(10_000);
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      await body(page);
    } catch (error) {
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/pwa-installable.png', fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  async function shot(page: Page, name: string) {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }

  async function inRussian(page: Page) {
    await page.evaluate(`localStorage.setItem('habeas.lang', 'ru')`);
    await page.reload();
  }

  it('is installable: Chromium finds the manifest (ru/en names, icons) and an active service worker', () =>
    installable(async (page) => {
      await page.goto(`${t.baseUrl}/login`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await waitFor('an activated service worker', async () =>
        (await page.evaluate(`navigator.serviceWorker.ready.then((registration) => registration.active && registration.active.state)`)) === 'activated'
          ? true
          : undefined,
      );
      const cdp = await page.context().newCDPSession(page);
      // The page points its manifest link at the reader's language once i18n has loaded; Chromium reads it again then.
      type Manifest = { url: string; errors: unknown[]; data?: string };
      const manifest = await waitFor('the English manifest', async () => {
        const found = (await cdp.send('Page.getAppManifest')) as Manifest;
        return /\/manifest\.en\.webmanifest$/.test(found.url) ? found : undefined;
      });
      assert.deepEqual(manifest.errors, []);
      assert.equal(JSON.parse(manifest.data!).name, 'Habeas — defense and support');
      let errors: string[] = [];
      await waitFor('no installability errors', async () => {
        const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
        errors = installabilityErrors.map((e) => e.errorId);
        return errors.length === 0 ? true : undefined;
      }).catch(() => undefined);
      assert.deepEqual(errors, [], 'Chromium sees nothing stopping an install');
      await inRussian(page);
      const ru = await waitFor('the Russian manifest', async () => {
        const found = (await cdp.send('Page.getAppManifest')) as Manifest;
        return /\/manifest\.ru\.webmanifest$/.test(found.url) ? found : undefined;
      });
      assert.equal(JSON.parse(ru.data!).name, 'Habeas — защита и помощь');
      // The shell is kept; API answers never are.
      const kept = (await page.evaluate(
        `caches.open('habeas-shell-v1').then((cache) => cache.keys()).then((keys) => keys.map((request) => new URL(request.url).pathname))`,
      )) as string[];
      assert.ok(kept.includes('/'), `kept: ${kept.join(', ')}`);
      assert.ok(!kept.some((path) => path.startsWith('/api')), `an API answer was kept: ${kept.join(', ')}`);
    }));

  it('lets a medic link Telegram, send a test alert and set quiet hours from the account page (en and ru)', () =>
    open('account-channels', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'medic@demo.local', DEMO_PASSWORD);
      // The sign-in page has an h1 too: wait until signing in has left it.
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page
        .getByRole('heading', { name: 'Overview' })
        .or(page.getByRole('heading', { level: 1 }))
        .first()
        .waitFor();
      await page.goto(`${t.baseUrl}/account`);
      await page.getByTestId('privacy-note').waitFor();
      assert.match((await page.getByTestId('privacy-note').textContent()) ?? '', /never go there/);
      await page.getByTestId('telegram-link').click();
      const href = await page.getByTestId('telegram-deeplink').getAttribute('href');
      const code = new URL(href!).searchParams.get('start')!;
      telegram.userSends(7007007, `/start ${code}`);
      await waitFor('the chat linked', () => telegram.sent.find((m) => m.chat_id === '7007007'));
      await page.reload();
      await page.getByText('· linked', { exact: true }).waitFor(); // the status beside the Telegram heading
      await page.getByTestId('test-alert').click();
      await page.getByTestId('test-result').getByText('Telegram: delivered').waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await shot(page, 'account-en-1440');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'account-en-390');
      await inRussian(page);
      await page.getByRole('heading', { name: 'Тревоги на телефоне' }).waitFor();
      await page.getByRole('switch', { name: 'Тихие часы (по московскому времени)' }).click();
      await page.getByRole('button', { name: 'Сохранить' }).last().click();
      await page.getByText('Настройки оповещений сохранены.').waitFor();
      await page.getByText('Настройки оповещений сохранены.').waitFor({ state: 'hidden' });
      assert.deepEqual(await seriousViolations(page), []);
      await shot(page, 'account-ru-390');
      await page.setViewportSize({ width: 1440, height: 900 });
      await shot(page, 'account-ru-1440');
    }));

  it('lets an admin set the team rota and shows who is on duty (ru)', () =>
    open('on-call', async (page) => {
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local', DEMO_PASSWORD);
      await page.getByRole('link', { name: 'On call' }).click();
      await page.getByRole('heading', { level: 1, name: 'On call and escalation' }).waitFor();
      await page.getByTestId('add-shift').waitFor();
      await expectNoSeriousAxe(page, 'on-call, en');
      await inRussian(page);
      await page.getByRole('heading', { level: 1, name: 'Дежурства и эскалация' }).waitFor();
      for (let i = 0; i < 7; i++) await page.getByTestId('add-shift').click();
      const rows = page.getByTestId('rota').locator('tbody tr');
      for (let i = 0; i < 7; i++) {
        await rows.nth(i).getByLabel('День недели', { exact: true }).click();
        await page.getByRole('option', { name: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'][i], exact: true }).click();
        await rows.nth(i).getByLabel('С', { exact: true }).fill('00:00');
        await rows.nth(i).getByLabel('До', { exact: true }).fill('00:00');
      }
      await page.getByTestId('save-rota').click();
      await page.getByText('График сохранён.').waitFor();
      assert.doesNotMatch((await page.getByTestId('on-duty-now').textContent()) ?? '', /никто/);
      await page.getByText('График сохранён.').waitFor({ state: 'hidden' }); // the toast's close button is Mantine's, unnamed
      assert.deepEqual(await seriousViolations(page), []);
      await shot(page, 'on-call-ru-1440');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'on-call-ru-390');
    }));

  it('shows on the alert card who was notified, when, on which channel and whether it got through', () =>
    open('alert-deliveries', async (page) => {
      const medic = t.client();
      assert.equal((await medic.post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD })).status, 200);
      const device = push.newSubscription();
      assert.equal((await medic.post('/api/me/push-subscriptions', { endpoint: device.endpoint, keys: device.keys })).status, 201);
      const admin = t.client();
      await admin.post('/api/auth/login', { email: 'admin@demo.local', password: DEMO_PASSWORD });
      const incident = await admin.post('/api/cases/vorontsov/medical-incidents', {
        occurredAt: new Date().toISOString(),
        type: 'injury',
        severity: 'critical',
        source: 'lawyer_visit',
        description: 'Травма в камере',
      });
      assert.equal(incident.status, 201, incident.text);
      await waitFor('the push', () => push.received.find((r) => r.subscription === device.id));
      await signInThroughForm(page, t.baseUrl, 'admin@demo.local', DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.getByRole('link', { name: 'Cases' }).waitFor();
      const { body: alerts } = await admin.get('/api/medical-alerts?caseId=' + encodeURIComponent(String(incident.body.caseId)));
      const alertId = alerts.items.find((a: { incidentId: string }) => a.incidentId === incident.body.id).id;
      // The link a notification opens: the alert is outlined and in view.
      await page.goto(`${t.baseUrl}/medical-alerts?alert=${alertId}`);
      await inRussian(page);
      const card = page.locator('[data-testid="alert-card"][data-focused]');
      assert.equal(await card.getAttribute('data-alert-id'), alertId);
      await card.getByTestId('alert-deliveries-toggle').click();
      await card.getByTestId('alert-delivery').filter({ hasText: 'доставлено' }).first().waitFor();
      await card.getByTestId('alert-delivery').filter({ hasText: 'Push' }).first().waitFor();
      await expectNoSeriousAxe(page, 'alert inbox with delivery records, ru');
      await shot(page, 'alert-card-ru-1440');
      await page.evaluate(`localStorage.setItem('habeas.lang', 'en')`);
      await page.reload();
      await card.getByTestId('alert-deliveries-toggle').click();
      await card.getByTestId('alert-delivery').filter({ hasText: 'Push' }).first().waitFor();
      await expectNoSeriousAxe(page, 'alert inbox with delivery records, en');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'alert-card-ru-390');
    }));
});
