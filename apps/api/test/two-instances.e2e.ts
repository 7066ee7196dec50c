import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MailService } from '../src/mail/mail.service';
import { HttpClient } from './support/http-client';
import { startSmtpSink } from './support/smtp-sink';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';
import { jobsSettled, MAIL_DELIVERY } from './support/jobs-settled';

/** Two API instances on one database behave as one. */
describe('two API instances sharing one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => {
    sink = await startSmtpSink();
    a = await startTestApp({ env: { SMTP_URL: sink.url } });
    b = await startTestApp({
      databaseUrl: a.databaseUrl,
      seed: false,
      env: { SMTP_URL: sink.url, APP_ENCRYPTION_KEY: a.config.encryptionKey.key.toString('hex') },
    });
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await sink?.close();
  });

  it('accepts a session made on one instance on the other, and a logout on either ends it on both', async () => {
    const onA = await a.signIn('lawyer@demo.local');
    const onB = new HttpClient(b.baseUrl);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    assert.equal((await onB.get('/api/auth/me')).body.user.email, 'lawyer@demo.local');
    assert.equal((await onB.post('/api/auth/logout')).status, 204);
    assert.equal((await onA.get('/api/auth/me')).status, 401);
  });

  it('counts failed sign-ins of one email across instances', async () => {
    for (let i = 0; i < 10; i++) {
      const target = i % 2 === 0 ? a : b;
      const response = await target.client().post('/api/auth/login', { email: 'medic@demo.local', password: 'wrong password here' });
      assert.equal(response.status, 401);
    }
    const blockedOnA = await a.client().post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    const blockedOnB = await b.client().post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    assert.equal(blockedOnA.status, 429);
    assert.equal(blockedOnB.status, 429);
    assert.equal((await b.client().post('/api/auth/login', { email: 'finance@demo.local', password: DEMO_PASSWORD })).status, 200);
  });

  it('runs each background job once although both instances work the queue', async () => {
    const queued = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).app.get(MailService).queue({ to: `member${i}@example.org`, subject: `Job ${i}`, text: 'x' })),
    );
    assert.equal(queued.filter(Boolean).length, 20);
    // Only this test's mails: the seeded demo may mail its own alerts meanwhile.
    const members = () => sink.received.flatMap((mail) => mail.to).filter((to) => /^member\d+@example\.org$/.test(to));
    await jobsSettled(a.db, [MAIL_DELIVERY]);
    const recipients = members();
    assert.equal(recipients.length, 20, 'no job ran twice');
    assert.equal(new Set(recipients).size, 20);
  });
});
