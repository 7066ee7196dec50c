import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { MailService } from '../src/mail/mail.service';
import { startSmtpSink } from './support/smtp-sink';
import { jobsSettled, MAIL_DELIVERY } from './support/jobs-settled';
import { startTestApp, type TestApp } from './support/test-app';

async function statusOf(t: TestApp, id: string, wanted: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await t.db.query('select status from mail_outbox where id = $1', [id]);
    if (rows.rows[0]?.status === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`mail ${id} never reached ${wanted}`);
}

describe('mail outbox', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  before(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ seed: false, env: { SMTP_URL: sink.url, MAIL_FROM: 'Habeas <team@habeas.test>' } });
  });
  after(async () => {
    await t?.close();
    await sink?.close();
  });

  it('delivers a queued mail over SMTP and marks it sent', async () => {
    const id = await t.app.get(MailService).queue({ to: 'medic@example.org', subject: 'New alert', text: 'Open Habeas' });
    assert.ok(id);
    await sink.waitFor(1);
    assert.deepEqual(sink.received[0].to, ['medic@example.org']);
    assert.match(sink.received[0].raw, /Subject: New alert/);
    await statusOf(t, id, 'sent');
  });

  it('sends a mail with the same dedupe key only once', async () => {
    const mail = { to: 'lawyer@example.org', subject: 'Reminder', text: 'Deadline in 3 days', dedupeKey: 'reminder:x:3d' };
    const [first, second] = await Promise.all([t.app.get(MailService).queue(mail), t.app.get(MailService).queue(mail)]);
    assert.equal([first, second].filter(Boolean).length, 1);
    await jobsSettled(t.db, [MAIL_DELIVERY]);
    assert.equal(sink.received.filter((m) => m.to.includes('lawyer@example.org')).length, 1);
  });

  it('delivers a mail queued inside a transaction once it commits, and never one whose transaction rolled back', async () => {
    const dataSource = t.app.get(DataSource);
    const committed = await dataSource.transaction((manager) =>
      t.app.get(MailService).queue({ to: 'committed@example.org', subject: 'Kept', text: 'x' }, manager),
    );
    await dataSource
      .transaction(async (manager) => {
        await t.app.get(MailService).queue({ to: 'rolled-back@example.org', subject: 'Dropped', text: 'x' }, manager);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.ok(committed);
    await statusOf(t, committed, 'sent');
    await jobsSettled(t.db, [MAIL_DELIVERY]);
    const recipients = sink.received.flatMap((mail) => mail.to);
    assert.ok(recipients.includes('committed@example.org'));
    assert.ok(!recipients.includes('rolled-back@example.org'));
    const jobs = await t.db.query(
      `select count(*)::int as n from pgboss.job where name = 'mail.deliver' and data->>'id' not in (select id::text from mail_outbox)`,
    );
    assert.equal(jobs.rows[0].n, 0, 'no delivery job points at a mail that does not exist');
  });

  it('keeps recipient and body encrypted at rest', async () => {
    await t.app.get(MailService).queue({ to: 'secret-donor@example.org', subject: 'Thank you', text: 'private words' });
    const rows = await t.db.query(`select recipient, body from mail_outbox`);
    assert.ok(rows.rows.every((row) => !String(row.recipient).includes('@') && !String(row.body).includes('private')));
  });
});

describe('mail outbox without SMTP', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: false });
  });
  after(() => t?.close());

  it('keeps the mail in the outbox as logged', async () => {
    const id = await t.app.get(MailService).queue({ to: 'a@example.org', subject: 'Hello', text: 'Body' });
    assert.ok(id);
    await statusOf(t, id, 'logged');
  });
});
