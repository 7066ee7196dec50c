import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Pool } from 'pg';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { startCaddy, tlsRequest, type Caddy, type TlsResponse } from './support/caddy';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const DEMO_PASSWORD = 'caddy-demo-password';

/** Cookies as a browser keeps them, from the Set-Cookie lines of a response. */
function cookiesOf(response: TlsResponse): { jar: Map<string, string>; lines: string[] } {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const jar = new Map<string, string>();
  for (const line of lines) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return { jar, lines };
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * The automatic-certificate deploy without containers: two production-mode replicas on one PostgreSQL behind
 * the shipped Caddy configuration, reached over HTTPS only, as docker/compose.caddy.yml runs them.
 */
describe('deploy topology: Caddy with automatic certificates in front of two replicas', () => {
  let url: string;
  let db: Pool;
  let a: AppProcess;
  let b: AppProcess;
  let caddy: Caddy;

  const signIn = async (email: string, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({ email, password: DEMO_PASSWORD });
    const response = await tlsRequest(caddy, 'POST', '/api/auth/login', { 'content-type': 'application/json', ...headers }, body);
    assert.equal(response.status, 200, `sign-in of ${email}: ${response.status} ${response.text}`);
    return { response, ...cookiesOf(response) };
  };

  before(async () => {
    url = await createTestDatabase();
    db = new Pool({ connectionString: url, max: 2 });
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DEMO_PASSWORD,
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'https://localhost',
    };
    a = await spawnApp({ ...env, SEED_DEMO: 'true' });
    await waitUntilReady(a);
    b = await spawnApp({ ...env, SEED_DEMO: 'false' });
    await waitUntilReady(b);
    caddy = await startCaddy([a.port, b.port]);
  });
  after(async () => {
    await caddy?.stop();
    await a?.stop();
    await b?.stop();
    await db?.end();
    if (url) await dropTestDatabase(url);
  });

  it('serves HTTPS with a certificate Caddy issued for the host, and sends plain HTTP there', async () => {
    const health = await tlsRequest(caddy, 'GET', '/api/health/live');
    assert.equal(health.status, 200);
    assert.equal(health.peer.subject, '', 'an ACME-style leaf names the host in its SAN, not its CN');
    assert.match(health.peer.issuer, /Caddy Local Authority/);
    const redirect = await new Promise<{ status: number; location?: string }>((resolve, reject) =>
      get(`${caddy.httpUrl}/cases`, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      }).on('error', reject),
    );
    assert.ok([301, 308].includes(redirect.status), `HTTP answered ${redirect.status}`);
    // Caddy names the HTTPS port only when it is not 443 and the site address names it; the test's site does not.
    assert.match(String(redirect.location), /^https:\/\/localhost(:\d+)?\/cases$/);
  });

  it('keeps a production sign-in (Secure __Host- cookies, HSTS) on whichever replica answers', async () => {
    const { response, jar, lines } = await signIn('admin@demo.local');
    assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/);
    const session = lines.find((line) => line.startsWith('__Host-habeas_session='));
    assert.ok(session, `cookies: ${lines.map((l) => l.split('=')[0]).join(', ')}`);
    assert.match(session, /;\s*Secure/i);
    assert.match(session, /;\s*Path=\//i);
    for (let i = 0; i < 6; i++) {
      const me = await tlsRequest(caddy, 'GET', '/api/auth/me', { cookie: cookieHeader(jar) });
      assert.equal(me.status, 200, me.text);
      assert.equal(JSON.parse(me.text).user.email, 'admin@demo.local');
    }
    // A mutation needs the CSRF header the admin copies from its cookie; through TLS it works as in the browser.
    const csrf = jar.get('__Host-csrf');
    assert.ok(csrf, 'the CSRF cookie carries the __Host- prefix in production');
    const logout = await tlsRequest(caddy, 'POST', '/api/auth/logout', { cookie: cookieHeader(jar), 'x-csrf-token': csrf });
    assert.ok(logout.status === 204 || logout.status === 200, `logout: ${logout.status} ${logout.text}`);
    assert.equal((await tlsRequest(caddy, 'GET', '/api/auth/me', { cookie: cookieHeader(jar) })).status, 401);
  });

  it('records the address Caddy saw, not a forged X-Forwarded-For', async () => {
    await signIn('finance@demo.local', { 'x-forwarded-for': '203.0.113.66' });
    const row = await db.query(
      `select a.ip from audit_log a join users u on u.id = a.actor_id where a.action = 'auth.sign-in' and u.email = 'finance@demo.local' order by a.at desc limit 1`,
    );
    assert.equal(row.rows[0].ip, '127.0.0.1');
  });

  it('keeps answering through the other replica once one is gone', async () => {
    const { jar } = await signIn('lawyer@demo.local');
    a.child.kill('SIGKILL');
    await a.exited;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await tlsRequest(caddy, 'GET', '/api/cases', { cookie: cookieHeader(jar) })).status);
    assert.deepEqual(statuses, Array(12).fill(200));
  });
});
