// Front-end timings in Debian's Chromium with Chrome DevTools' "Slow 4G" network and a 4× CPU slowdown on a
// phone-sized viewport, each visit with an empty cache: the donation page's Largest Contentful Paint, and the admin's
// first screen after sign-in. Used by run.mjs against the running app; `node bench/frontend.mjs URL SLUG PASSWORD`
// runs it alone against any running app with the bench users.
import { chromium } from 'playwright-core';

/** Chrome DevTools' "Slow 4G" preset (bytes per second, milliseconds). */
const SLOW_4G = { offline: false, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9, latency: 150 * 3.75 };
const CPU_SLOWDOWN = 4;
export const frontEndTargets = { donationLcpMs: 2500, adminFirstScreenMs: 3000 };

async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'ru-RU' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return { context, page };
}

async function donationLcp(browser, baseUrl, slug) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(`${baseUrl}/donate/${slug}`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    return Math.round(await page.evaluate(() => window.__lcp));
  } finally {
    await context.close();
  }
}

/** Milliseconds from pressing "Sign in" on the (already loaded) sign-in page to the dashboard's content, and from opening it cold. */
async function adminFirstScreen(browser, baseUrl, password) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(`${baseUrl}/login`, { waitUntil: 'load' });
    const loginReady = Math.round(await page.evaluate(() => performance.now()));
    await page.locator('input[type=email], input[name=email]').first().fill('admin@bench.local');
    await page.locator('input[type=password]').first().fill(password);
    const pressed = Date.now();
    await page.locator('button[type=submit]').click();
    await page.getByTestId('dashboard-hearings').waitFor();
    const afterSignIn = Date.now() - pressed;
    const opened = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByTestId('dashboard-hearings').waitFor();
    return { loginReady, afterSignIn, coldOpen: Date.now() - opened };
  } finally {
    await context.close();
  }
}

export async function frontEnd(baseUrl, slug, password) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    const lcp = await donationLcp(browser, baseUrl, slug);
    const admin = await adminFirstScreen(browser, baseUrl, password);
    const verdict = (value, target) => (value < target ? 'met' : `MISSED by ${value - target} ms`);
    return {
      donationLcpMs: lcp,
      admin,
      lines: [
        `donation page LCP: ${lcp} ms (target < ${frontEndTargets.donationLcpMs} ms: ${verdict(lcp, frontEndTargets.donationLcpMs)})`,
        `admin sign-in page loaded: ${admin.loginReady} ms`,
        `admin first screen after pressing "Sign in": ${admin.afterSignIn} ms (target < ${frontEndTargets.adminFirstScreenMs} ms: ${verdict(admin.afterSignIn, frontEndTargets.adminFirstScreenMs)})`,
        `admin first screen opened cold while signed in: ${admin.coldOpen} ms`,
      ],
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, slug, password] = process.argv.slice(2);
  const result = await frontEnd(baseUrl, slug, password);
  for (const line of result.lines) console.log(line);
}
