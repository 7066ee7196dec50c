import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_STREAMS_PER_USER } from '../src/medical/medical-alert-stream.service';
import type { HttpClient } from './support/http-client';
import { SseClient } from './support/sse-client';
import { startTestApp, type TestApp } from './support/test-app';

function cookieHeaders(client: HttpClient): Record<string, string> {
  return { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

const incident = () => ({
  occurredAt: new Date().toISOString(),
  type: 'ambulance_call',
  severity: 'high',
  source: 'family',
  description: 'fainted',
  vitals: [],
});

/** Waits for the stream to be closed by the server; answers how long it took. */
async function closedWithin(stream: SseClient, ms: number): Promise<number> {
  const started = Date.now();
  while (!stream.ended) {
    if (Date.now() - started > ms) assert.fail(`the stream was still open after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('the medical-alert stream ends with its session, on every instance', () => {
  let a: TestApp;
  let b: TestApp;
  let adminOnA: HttpClient;
  let lawyerOnA: HttpClient;
  let medicId: string;
  const open: SseClient[] = [];

  before(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl, seed: false, env: { APP_ENCRYPTION_KEY: a.config.encryptionKey.key.toString('hex') } });
    adminOnA = await a.signIn('admin@demo.local');
    lawyerOnA = await a.signIn('lawyer@demo.local');
    medicId = (await a.db.query(`select id from users where email = 'medic@demo.local'`)).rows[0].id;
  });
  after(async () => {
    for (const stream of open) stream.close();
    await b?.close();
    await a?.close();
  });

  /** The medic signed in on A, with a live stream on B that has already received one alert. */
  async function medicStreamOnB(): Promise<{ medic: HttpClient; stream: SseClient }> {
    const medic = await a.signIn('medic@demo.local');
    const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
    open.push(stream);
    assert.equal(stream.status, 200);
    const created = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', incident());
    await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === created.body.id, 2000);
    return { medic, stream };
  }

  async function restoreMedic(): Promise<void> {
    const restored = await adminOnA.patch(`/api/users/${medicId}`, { role: 'medical', disabled: false });
    assert.equal(restored.status, 200, restored.text);
  }

  it('closes the stream on B within a second of signing out on A', async () => {
    const { medic, stream } = await medicStreamOnB();
    assert.equal((await medic.post('/api/auth/logout')).status, 204);
    console.log(`logout → stream closed in ${await closedWithin(stream, 1000)} ms`);
  });

  it('closes it when an admin disables the user', async () => {
    const { stream } = await medicStreamOnB();
    assert.equal((await adminOnA.patch(`/api/users/${medicId}`, { disabled: true })).status, 200);
    console.log(`disable → stream closed in ${await closedWithin(stream, 1000)} ms`);
    await restoreMedic();
  });

  it('closes it when the user is given a role without alerts', async () => {
    const { stream } = await medicStreamOnB();
    assert.equal((await adminOnA.patch(`/api/users/${medicId}`, { role: 'finance' })).status, 200);
    console.log(`role change → stream closed in ${await closedWithin(stream, 1000)} ms`);
    await restoreMedic();
  });

  it('closes it when an admin ends all of the user’s sessions', async () => {
    const { stream } = await medicStreamOnB();
    const ended = await adminOnA.post(`/api/users/${medicId}/sessions/revoke`);
    assert.ok(ended.status < 300, ended.text);
    console.log(`end all → stream closed in ${await closedWithin(stream, 1000)} ms`);
  });

  it('closes it when the session expires while the stream is open', async () => {
    const medic = await a.signIn('medic@demo.local');
    await a.db.query(`update sessions set expires_at = now() + interval '1500 milliseconds' where revoked_at is null and user_id = $1`, [medicId]);
    const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
    open.push(stream);
    assert.equal(stream.status, 200);
    await closedWithin(stream, 2500);
  });

  it('sends nothing to a revoked session even when the revocation broadcast was lost', async () => {
    const { medic, stream } = await medicStreamOnB();
    await a.db.query(`alter table sessions disable trigger sessions_revoked_notify`);
    try {
      const sessionId = (await a.db.query(`select id from sessions where user_id = $1 and revoked_at is null order by created_at desc limit 1`, [medicId]))
        .rows[0].id;
      await a.db.query(`update sessions set revoked_at = now(), revoked_reason = 'test' where id = $1`, [sessionId]);
    } finally {
      await a.db.query(`alter table sessions enable trigger sessions_revoked_notify`);
    }
    const before = stream.events.length;
    const created = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', incident());
    assert.equal(created.status, 201);
    await closedWithin(stream, 1000);
    assert.equal(stream.events.length, before, 'an alert reached a revoked session');
    assert.equal((await medic.get('/api/auth/me')).status, 401);
  });

  it(`refuses a stream beyond ${MAX_STREAMS_PER_USER} per user with 429`, async () => {
    const medic = await a.signIn('medic@demo.local');
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
      open.push(stream);
      assert.equal(stream.status, 200);
    }
    const extra = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
    assert.equal(extra.status, 429);
    open.at(-1)!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
    open.push(again);
    assert.equal(again.status, 200);
  });
});
