import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserSuite, withPage, type Browser, type Page } from '../support/browser';
import { DEMO_PASSWORD, type TestApp } from '../support/test-app';

/** JavaScript budgets over the wire (compressed bytes plus headers), per first visit with an empty cache. */
const KB = 1024;
const budgets = { adminFirstScreen: 250 * KB, donationPage: 100 * KB, publicPage: 100 * KB };

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

/** Records every response of `page` with the bytes it took on the wire (Chrome's `encodedDataLength`). */
async function recordTransfers(page: Page): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending = new Map<string, Omit<Transfer, 'bytes'>>();
  const done: Transfer[] = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    pending.set(event.requestId, { url: event.response.url, type: event.type, encoding: headers['content-encoding'], cacheControl: headers['cache-control'] });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (response) done.push({ ...response, bytes: event.encodedDataLength });
  });
  return done;
}

const scripts = (transfers: Transfer[]) => transfers.filter((t) => t.type === 'Script');
const sum = (transfers: Transfer[]) => transfers.reduce((total, t) => total + t.bytes, 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function report(label: string, transfers: Transfer[]): number {
  const js = sum(scripts(transfers));
  console.log(`bytes over the wire, ${label}: JS ${kb(js)} in ${scripts(transfers).length} file(s), everything ${kb(sum(transfers))}`);
  return js;
}

/** Every script came compressed and, being a hashed asset, may be cached for a year. */
function assertDelivered(transfers: Transfer[]): void {
  for (const script of scripts(transfers)) {
    assert.equal(script.encoding, 'br', `${script.url} is sent with brotli`);
    assert.equal(script.cacheControl, 'public, max-age=31536000, immutable', `${script.url} is cached as immutable`);
  }
}

describe('delivery: compressed, cached and split assets (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  browserSuite((app, chromium) => ([t, browser] = [app, chromium]));

  it('the admin sign-in page and the first screen after it stay under 250 KB of JavaScript', () =>
    withPage(browser, 'delivery-admin', async (page) => {
      const transfers = await recordTransfers(page);
      await page.goto(`${t.baseUrl}/login`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.waitForLoadState('networkidle');
      const signInJs = report('admin sign-in', transfers);
      assert.ok(scripts(transfers).length > 1, 'the sign-in page loads its own chunk beside the shell');
      // Signing in on the page already open: the shell's scripts are not fetched again.
      await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.local');
      await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('dashboard-hearings').waitFor();
      await page.waitForLoadState('networkidle');
      const firstScreenJs = report('admin sign-in and dashboard', transfers);
      assertDelivered(transfers);
      assert.ok(signInJs < budgets.adminFirstScreen, `sign-in: ${kb(signInJs)} of JS`);
      assert.ok(firstScreenJs < budgets.adminFirstScreen, `sign-in and dashboard: ${kb(firstScreenJs)} of JS`);
      assert.ok(!transfers.some((r) => /\/(CasePage|DonationsPage|UsersPage)-[\w-]+\.js$/.test(r.url)), 'other screens are not loaded');

      // Opening the dashboard again with an empty cache (signed in): the same budget.
      transfers.length = 0;
      await page.reload();
      await page.getByTestId('dashboard-hearings').waitFor();
      await page.waitForLoadState('networkidle');
      const dashboardJs = report('admin dashboard, reloaded', transfers);
      assert.ok(dashboardJs < budgets.adminFirstScreen, `dashboard: ${kb(dashboardJs)} of JS`);
      const html = transfers.find((r) => r.type === 'Document');
      assert.equal(html?.cacheControl, 'no-cache', 'the HTML is revalidated on each visit');

      // A later screen fetches its own chunk on the way there.
      const casesChunk = page.waitForResponse((response) => /\/CasesPage-[\w-]+\.js$/.test(response.url()));
      await page.getByRole('link', { name: 'Cases' }).click();
      assert.equal((await casesChunk).status(), 200, 'the cases screen came in its own chunk');
    }));

  it('the donation page stays under 100 KB of JavaScript on a phone', () =>
    withPage(
      browser,
      'delivery-donate',
      async (page) => {
        const transfers = await recordTransfers(page);
        await page.goto(`${t.baseUrl}/donate/vorontsov`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const js = report('donation page', transfers);
        assertDelivered(transfers);
        assert.ok(js > 0 && js < budgets.donationPage, `donation page: ${kb(js)} of JS`);
        assert.ok(!transfers.some((r) => /\/admin-[\w-]+\.js$/.test(r.url)), 'the admin bundle stays away');
        const campaign = transfers.filter((r) => r.url.endsWith('/api/public/campaigns/vorontsov'));
        assert.equal(campaign.length, 1, 'the campaign is fetched once: the preload started with the page is the one the page reads');
        assert.equal(transfers.find((r) => r.type === 'Document')?.cacheControl, 'no-cache');
      },
      { viewport: { width: 390, height: 844 }, locale: 'ru-RU' },
    ));

  it('the public page of a case stays under 100 KB of JavaScript and comes compressed', () =>
    withPage(
      browser,
      'delivery-public',
      async (page) => {
        const transfers = await recordTransfers(page);
        await page.goto(`${t.baseUrl}/support/vorontsov`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const js = report('public case page', transfers);
        assert.ok(js < budgets.publicPage, `public page: ${kb(js)} of JS`);
        const html = transfers.find((r) => r.type === 'Document');
        assert.ok(html && html.bytes > 0);
      },
      { viewport: { width: 390, height: 844 }, locale: 'ru-RU' },
    ));

  it('answers JSON over 1 KB compressed and small JSON as it is', async () => {
    const large = await fetch(`${t.baseUrl}/api/docs-json`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(large.status, 200);
    assert.equal(large.headers.get('content-encoding'), 'br');
    assert.ok(((await large.json()) as { openapi?: string }).openapi, 'the compressed body reads back as the document');
    const gzip = await fetch(`${t.baseUrl}/api/docs-json`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    const small = await fetch(`${t.baseUrl}/api/health/live`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(small.status, 200);
    assert.equal(small.headers.get('content-encoding'), null);
    const identity = await fetch(`${t.baseUrl}/api/docs-json`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(identity.headers.get('content-encoding'), null);
  });

  it('serves each hashed asset precompressed by Accept-Encoding, and HTML as no-cache', async () => {
    const html = await fetch(`${t.baseUrl}/`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(html.headers.get('cache-control'), 'no-cache');
    const asset = /\/assets\/[\w-]+\.js/.exec(await html.text())?.[0];
    assert.ok(asset, 'the page names a hashed script');
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const response = await fetch(`${t.baseUrl}${asset}`, { headers: { 'accept-encoding': accept } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-encoding'), encoding, `${accept} → ${encoding}`);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.match(response.headers.get('vary') ?? '', /accept-encoding/i);
      assert.match(response.headers.get('content-type') ?? '', /javascript/);
      assert.ok((await response.text()).length > 0);
    }
  });
});
