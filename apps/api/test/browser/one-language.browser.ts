import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roleCan, type Capability, type Role } from '@habeas/contracts';
import { browserSuite, expectNoSeriousAxe, withPage, type Browser, type Page } from '../support/browser';
import { Fixtures } from '../support/fixtures';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';
import { collectSealedWords, foreignWords, identifiersOfData, wordsOfData } from '../support/script-scan';

/** Every screen of the admin app (apps/admin/src/app/App.tsx), with the capability that shows it. */
const screens: Array<{ path: string; capability?: Capability; open?: (page: Page) => Promise<void> }> = [
  { path: '/' },
  { path: '/cases', capability: 'cases:list' },
  {
    path: '/cases/vorontsov',
    capability: 'cases:read',
    // The case form, for those who may change the case: every label of it, the English title beside the Russian.
    open: async (page) => {
      if (!(await page.getByTestId('case-edit').count())) return;
      await page.getByTestId('case-edit').click();
      await page.getByRole('dialog').waitFor();
    },
  },
  ...(
    [
      ['timeline', 'cases:read'],
      ['hearings', 'cases:read'],
      ['deadlines', 'cases:read'],
      ['documents', 'documents:read'],
      ['medical', 'medical:read'],
      ['contact', 'cases:read'],
      ['family', 'intake:triage'],
      ['updates', 'updates:draft'],
      ['dossiers', 'dossiers:create'],
      ['money', 'money:read'],
      ['team', 'cases:read'],
    ] as const
  ).map(([tab, capability]) => ({ path: `/cases/vorontsov?tab=${tab}`, capability })),
  { path: '/cases/vorontsov?tab=updates&part=solidarity', capability: 'solidarity:moderate' },
  { path: '/cases/vorontsov/contact', capability: 'cases:read' },
  { path: '/cases/vorontsov/medical', capability: 'medical:read' },
  { path: '/actions', capability: 'legal:work' },
  { path: '/templates', capability: 'legal:work' },
  {
    path: '/documents',
    capability: 'documents:read',
    // The drawer of the first document: title, kind, status, versions and custody.
    open: async (page) => {
      await page.getByTestId('document-row').first().getByRole('button').first().click();
      await page.getByTestId('document-drawer').waitFor();
    },
  },
  { path: '/medical-alerts', capability: 'alerts:work' },
  { path: '/donations', capability: 'money:read' },
  { path: '/donations/bank', capability: 'money:read' },
  { path: '/donations/ledger', capability: 'money:read' },
  { path: '/on-call', capability: 'oncall:manage' },
  { path: '/users', capability: 'users:manage' },
  { path: '/audit-log', capability: 'audit:read' },
  { path: '/account' },
];

const people: Array<{ email: string; role: Role }> = [
  { email: 'admin@demo.local', role: 'admin' },
  { email: 'lawyer@demo.local', role: 'lawyer' },
  { email: 'medic@demo.local', role: 'medical' },
  { email: 'finance@demo.local', role: 'finance' },
];

/** Waits until the page has rendered its data: a heading, no loader, and the same text twice in a row. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1, h1').first().waitFor();
  let last = '';
  for (let round = 0; round < 40; round++) {
    const loading = await page.locator('.mantine-Loader-root:visible').count();
    const text = await page.evaluate('document.body.innerText');
    if (!loading && text === last) return;
    last = String(text);
    await page.waitForTimeout(250);
  }
}

/** What a reader sees: the visible text plus the labels only a screen reader or a hover shows. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    // Text marked with its own language (a template or an update written in the other one) is data, not the screen's
    // words; identifiers are marked translate="no"; hidden copies (aria-hidden) are read by no one. All are set aside
    // while the rest is read.
    const page = document.documentElement.lang;
    const aside = [...document.querySelectorAll('body [lang], [aria-hidden="true"], [translate="no"]')].filter((el) => !el.lang || el.lang !== page);
    const displays = aside.map((el) => el.style.display);
    aside.forEach((el) => (el.style.display = 'none'));
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (!el.getClientRects().length) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    }
    aside.forEach((el, i) => (el.style.display = displays[i]));
    return parts.join('\\n');
  })()`) as Promise<string>;
}

async function signIn(page: Page, baseUrl: string, email: string, language: 'ru' | 'en'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(`localStorage.setItem('habeas.lang', '${language}')`);
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav a').first().waitFor();
}

/** Walks every screen each demo user may open in `language`; returns one line per screen with foreign words. */
async function walk(t: TestApp, browser: Browser, language: 'ru' | 'en', allowedData: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const person of people) {
    // Server texts (timeline, activity, alert reasons) follow the reader's own language setting.
    const client = await t.signIn(person.email);
    assert.equal((await client.patch('/api/auth/me', { language })).status, 200);
    await withPage(browser, `one-language-${language}-${person.role}`, async (page) => {
      // What people typed comes back decrypted in the API's answers: on an English screen its Russian words are data.
      const sealed = new Set<string>();
      const reading: Array<Promise<void>> = [];
      page.on('response', (response) => {
        if (language === 'en' && response.url().includes('/api/') && (response.headers()['content-type'] ?? '').includes('json')) {
          reading.push(
            response
              .json()
              .then((body) => collectSealedWords(body, sealed))
              .catch(() => undefined),
          );
        }
      });
      await signIn(page, t.baseUrl, person.email, language);
      for (const screen of screens) {
        if (screen.capability && !roleCan(person.role, screen.capability)) continue;
        await page.goto(`${t.baseUrl}${screen.path}`);
        await settle(page);
        if (screen.open) {
          await screen.open(page);
          await settle(page);
        }
        await Promise.all(reading);
        const words = foreignWords(await visibleText(page), language, new Set([...allowedData, ...sealed]));
        if (words.length) found.push(`${person.role} ${screen.path}: ${words.join(', ')}`);
      }
    });
  }
  return found;
}

describe('one language per screen: every admin screen in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('shows no Latin-script word outside names and codes on any Russian screen', async () => {
    const found = await walk(t, browser, 'ru', await identifiersOfData(t));
    assert.deepEqual(found, [], `Latin words on Russian screens:\n${found.join('\n')}`);
  });

  it('shows no Cyrillic word on any English screen except what the team entered', async () => {
    const found = await walk(t, browser, 'en', new Set([...(await wordsOfData(t)), ...(await identifiersOfData(t))]));
    assert.deepEqual(found, [], `Cyrillic words on English screens:\n${found.join('\n')}`);
  });

  // After the walks: this case and its alert are not demo data.
  it('tells a rule alert’s reason from its parameters, and the case by its title, in the reader’s language', async () => {
    const f = await Fixtures.of(t);
    const created = await f.admin.post('/api/cases', { slug: 'one-language-alert', title: 'Дело Петрова', titleEn: 'The Petrov case' });
    assert.equal(created.status, 201, created.text);
    await t.db.query(
      `insert into medical_alerts (case_id, kind, severity, reason, reason_params) values ($1, 'no_news', 'moderate', 'no_news', '{"count": 5}')`,
      [created.body.id],
    );
    const views = [
      ['ru', 'Нет медицинских новостей 5 дней', 'Дело Петрова'],
      ['en', 'No medical news for 5 days', 'The Petrov case'],
    ] as const;
    for (const [language, reason, title] of views) {
      await withPage(browser, `alert-reason-${language}`, async (page) => {
        await signIn(page, t.baseUrl, 'admin@demo.local', language);
        await page.goto(`${t.baseUrl}/medical-alerts`);
        const card = page.getByTestId('alert-card').filter({ hasText: title });
        await card.getByRole('heading', { name: reason }).waitFor();
        await expectNoSeriousAxe(page, `medical alerts with a rule alert, ${language}`);
      });
    }
  });
});
