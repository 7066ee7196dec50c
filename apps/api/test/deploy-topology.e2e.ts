import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Pool } from 'pg';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { HttpClient } from './support/http-client';
import { startNginx, type Nginx } from './support/nginx';
import { SseClient } from './support/sse-client';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const DEMO_PASSWORD = 'topology-demo-password';

const incident = (description: string) => ({
  occurredAt: new Date().toISOString(),
  type: 'ambulance_call',
  severity: 'critical',
  source: 'family',
  description,
  vitals: [],
});

async function signIn(baseUrl: string, email: string, headers: Record<string, string> = {}): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const response = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD }, headers);
  assert.equal(response.status, 200, `sign-in of ${email} through ${baseUrl}: ${response.status} ${response.text}`);
  return client;
}

/** The production topology without containers: two API replicas on one PostgreSQL behind the shipped nginx config. */
describe('deploy topology: nginx in front of two replicas on one PostgreSQL', () => {
  let url: string;
  let db: Pool;
  let a: AppProcess;
  let b: AppProcess;
  let nginx: Nginx;

  before(async () => {
    url = await createTestDatabase();
    db = new Pool({ connectionString: url, max: 2 });
    const env = { DATABASE_URL: url, APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'), DEMO_PASSWORD, TRUST_PROXY: '1', LOG_LEVEL: 'warn' };
    a = await spawnApp({ ...env, SEED_DEMO: 'true' });
    await waitUntilReady(a);
    b = await spawnApp({ ...env, SEED_DEMO: 'false' });
    await waitUntilReady(b);
    nginx = await startNginx([a.port, b.port]);
  });
  after(async () => {
    await nginx?.stop();
    await a?.stop();
    await b?.stop();
    await db?.end();
    if (url) await dropTestDatabase(url);
  });

  it('signs in through nginx, and the session works on whichever replica answers', async () => {
    const admin = await signIn(nginx.baseUrl, 'admin@demo.local');
    for (let i = 0; i < 6; i++) assert.equal((await admin.get('/api/auth/me')).body.user.email, 'admin@demo.local');
    const onA = new HttpClient(a.baseUrl);
    const onB = new HttpClient(b.baseUrl);
    for (const [name, value] of admin.cookies) [onA, onB].forEach((c) => c.cookies.set(name, value));
    assert.equal((await onA.get('/api/auth/me')).status, 200);
    assert.equal((await onB.get('/api/auth/me')).status, 200);
  });

  it('delivers an SSE alert through nginx whichever replica created it', async () => {
    const medic = await signIn(nginx.baseUrl, 'medic@demo.local');
    const stream = await SseClient.open(`${nginx.baseUrl}/api/medical-alerts/stream`, {
      cookie: [...medic.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    });
    try {
      assert.equal(stream.status, 200);
      // One incident on each replica, straight to it: the stream lives on one of them, so one alert must cross.
      const created: string[] = [];
      for (const replica of [a, b]) {
        const lawyer = await signIn(replica.baseUrl, 'lawyer@demo.local');
        const response = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident(`collapsed, reported on replica ${replica.port}`));
        assert.equal(response.status, 201, response.text);
        created.push(response.body.id);
      }
      for (const id of created) await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === id, 3000);
    } finally {
      stream.close();
    }
  });

  it('records the address nginx saw, not a forged X-Forwarded-For', async () => {
    await signIn(nginx.baseUrl, 'finance@demo.local', { 'x-forwarded-for': '203.0.113.66' });
    const row = await db.query(
      `select a.ip from audit_log a join users u on u.id = a.actor_id where a.action = 'auth.sign-in' and u.email = 'finance@demo.local' order by a.at desc limit 1`,
    );
    assert.equal(row.rows[0].ip, '127.0.0.1');
  });

  it('keeps serving through the other replica when one is killed mid-load', async (t) => {
    const clients = await Promise.all(['admin@demo.local', 'lawyer@demo.local', 'medic@demo.local', 'finance@demo.local'].map((e) => signIn(nginx.baseUrl, e)));
    const results: Array<{ at: number; ok: boolean; detail: string }> = [];
    let killedAt = 0;
    const until = Date.now() + 5000;
    const worker = async (client: HttpClient) => {
      while (Date.now() < until) {
        const at = Date.now();
        try {
          const response = await client.get(results.length % 2 ? '/api/auth/me' : '/api/cases');
          results.push({ at, ok: response.status === 200, detail: String(response.status) });
        } catch (error) {
          results.push({ at, ok: false, detail: String(error) });
        }
      }
    };
    const load = Promise.all([...clients, ...clients].map(worker));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    killedAt = Date.now();
    a.child.kill('SIGKILL');
    await load;
    const before = results.filter((r) => r.at < killedAt);
    const afterKill = results.filter((r) => r.at >= killedAt);
    assert.ok(before.length > 5 && afterKill.length > 5, `requests before ${before.length}, after ${afterKill.length}`);
    const failed = results.filter((r) => !r.ok);
    t.diagnostic(`${results.length} requests (${before.length} before the kill, ${afterKill.length} after), ${failed.length} failed`);
    // At most the requests in flight at the kill may fail; reads are retried on the other replica, so normally none.
    assert.ok(failed.length <= 8, `failed: ${JSON.stringify(failed.slice(0, 5))} of ${results.length}`);
    assert.ok(
      afterKill.filter((r) => r.at > killedAt + 500).every((r) => r.ok),
      'every request after the kill is answered by the surviving replica',
    );
    // Writes and new sign-ins keep working too.
    const late = await signIn(nginx.baseUrl, 'lawyer2@demo.local');
    assert.equal((await late.get('/api/auth/me')).status, 200);
  });
});
