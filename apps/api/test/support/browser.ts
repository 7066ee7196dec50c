import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { after, before } from 'node:test';
import { DEMO_PASSWORD, startTestApp, type TestApp, type TestAppOptions } from './test-app';

const screenshotDir = join(process.cwd(), 'test-results');

/** Debian's Chromium, headless (Playwright gives it a fresh profile), with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Runs `body` on a page of its own (own cookies); on failure saves a screenshot to test-results/ and rethrows. */
export async function withPage(
  browser: Browser,
  name: string,
  body: (page: Page) => Promise<void>,
  options: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number } } = {},
): Promise<void> {
  // Reduced motion, as some readers ask for it: dialogs and drawers appear at once, so axe never reads a fade.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  try {
    await body(page);
  } catch (error) {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(screenshotDir, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot saved: ${file}`);
    throw error;
  } finally {
    await context.close();
  }
}

/** Signs in through the admin's own login form. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in through the form, waits until the app has left the sign-in page, and sets the admin's language for
 * the next page loaded (the sign-in form itself is read in English).
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  email: string,
  { password = DEMO_PASSWORD, language = 'en' }: { password?: string; language?: 'en' | 'ru' } = {},
): Promise<void> {
  await signInThroughForm(page, baseUrl, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (language === 'ru') await page.evaluate("localStorage.setItem('habeas.lang', 'ru')");
}

/**
 * Starts a test app and Chromium before a suite's tests and closes both after it; `use` receives them
 * (assign them to the suite's own variables).
 */
export function browserSuite(use: (app: TestApp, browser: Browser) => void, options?: TestAppOptions): void {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startTestApp(options);
    browser = await launchBrowser();
    use(app, browser);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  tags: string[];
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Page-structure rules that fail whatever axe-core's impact says: one h1, one main landmark, no skipped heading level. */
const structureRules = new Set(['page-has-heading-one', 'landmark-one-main', 'landmark-no-duplicate-main', 'heading-order']);

function counts(violation: AxeViolation): boolean {
  const wcag = violation.tags.some((tag) => /^wcag2\d?a{1,2}$/.test(tag));
  return structureRules.has(violation.id) || (wcag && (violation.impact === 'serious' || violation.impact === 'critical'));
}

/**
 * Serious and critical axe-core violations of WCAG 2 A/AA rules, plus the page-structure rules above, on the
 * page as it is now: one line each with the first offending elements. axe-core goes in through the DevTools
 * protocol, which the app's CSP does not apply to, so the page keeps its real policy.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<string[]> {
  const loaded = await page.evaluate('typeof globalThis.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  // Page-structure rules judge a whole page, not a part of it (`within`, a CSS selector).
  const context = within ? JSON.stringify({ include: [within] }) : 'document';
  const violations = (await page.evaluate(`globalThis.axe.run(${context}, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then((result) => result.violations.map(({ id, impact, tags, help, nodes }) => ({ id, impact, tags, help, nodes: nodes.map(({ target }) => ({ target })) })))`)) as AxeViolation[];
  return violations
    .filter((violation) => counts(violation) && !(within && structureRules.has(violation.id)))
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ');
      return `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help} — ${where}`;
    });
}

/**
 * Resolves once `expression` is true in the page, polling every 50 ms; rejects after `timeoutMs`. The app's CSP
 * forbids eval, which Playwright's waitForFunction relies on; page.evaluate goes through the DevTools protocol.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Fails when axe-core finds a serious or critical WCAG 2 A/AA violation on the page; `label` names the page
 * (and language, viewport) in the message. Call it on every page a browser test visits, once it has settled.
 */
export async function expectNoSeriousAxe(page: Page, label: string): Promise<void> {
  // A dialog or message still fading in or out is half transparent, which axe reads as low contrast: check the
  // page once its transitions have run (CSS transitions are Web Animations too).
  await waitInPage(page, "document.getAnimations().every((a) => a.playState !== 'running')", 3000).catch(() => undefined);
  const found = await seriousAxeViolations(page);
  assert.deepEqual(found, [], `axe-core on ${label} (${page.url()}):\n${found.join('\n')}`);
}

export type { Browser, Page };
