import { mkdirSync } from 'node:fs';
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
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

export type { Browser, Page };
