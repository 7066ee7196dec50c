import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { MAX_FAILURES_PER_IP } from '../src/auth/login-throttle.service';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

/** The address recorded for the last sign-in of `email`. */
async function signInAddress(t: TestApp, email: string, forwardedFor: string): Promise<string> {
  const response = await t.client().post('/api/auth/login', { email, password: DEMO_PASSWORD }, { 'x-forwarded-for': forwardedFor });
  assert.equal(response.status, 200);
  const row = await t.db.query(
    `select a.ip from audit_log a join users u on u.id = a.actor_id where a.action = 'auth.sign-in' and u.email = $1 order by a.at desc limit 1`,
    [email],
  );
  return row.rows[0].ip;
}

describe('TRUST_PROXY believes only what the trusted proxies vouch for', () => {
  const apps: TestApp[] = [];
  after(async () => {
    for (const app of apps) await app.close();
  });

  it('with a hop count, takes the address the proxy added, not one the client sent before it', async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    apps.push(t);
    // The client forged 203.0.113.9; the one proxy in front appended the address it saw, 198.51.100.4.
    assert.equal(await signInAddress(t, 'lawyer@demo.local', '203.0.113.9, 198.51.100.4'), '198.51.100.4');
  });

  it('with proxy addresses, ignores the header from anyone else', async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: '10.20.30.40' } });
    apps.push(t);
    assert.equal(await signInAddress(t, 'medic@demo.local', '203.0.113.9'), '127.0.0.1');
  });

  it('cannot be used to dodge the per-address sign-in limit by changing the forged part', async () => {
    const t = await startTestApp({ env: { TRUST_PROXY: '1' } });
    apps.push(t);
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_FAILURES_PER_IP; i++) {
      const email = `nobody${i}@example.org`; // a new email each time: only the per-address count can stop this
      const response = await t
        .client()
        .post('/api/auth/login', { email, password: 'wrong password here' }, { 'x-forwarded-for': `203.0.${i % 250}.${i}, 198.51.100.4` });
      statuses.push(response.status);
    }
    assert.equal(statuses.at(-1), 429, `the address 198.51.100.4 is throttled after ${MAX_FAILURES_PER_IP} failures`);
  });
});
