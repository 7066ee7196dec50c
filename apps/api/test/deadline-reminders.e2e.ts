import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeadlineReminders } from '../src/proceedings/deadline-reminders';
import { startSmtpSink } from './support/smtp-sink';
import { jobsSettled, MAIL_DELIVERY } from './support/jobs-settled';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3600_000;

describe('deadline reminders with two API instances', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    sink = await startSmtpSink();
    first = await startTestApp({ env: { SMTP_URL: sink.url } });
    second = await startTestApp({ databaseUrl: first.databaseUrl, seed: false, env: { SMTP_URL: sink.url } });
  });
  after(async () => {
    await second?.close();
    await first?.close();
    await sink?.close();
  });

  it('mails each member once 3 days and once 1 day before, however many instances check', async () => {
    const lawyer = await first.signIn('lawyer@demo.local');
    const now = Date.now();
    const soon = await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: new Date(now + 20 * HOUR).toISOString(), title: 'Reminder test: tomorrow' });
    const later = await lawyer.post('/api/cases/vorontsov/deadlines', {
      dueAt: new Date(now + 60 * HOUR).toISOString(),
      title: 'Reminder test: in three days',
    });
    const far = await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: new Date(now + 100 * HOUR).toISOString(), title: 'Reminder test: far away' });
    const done = await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: new Date(now + 10 * HOUR).toISOString(), title: 'Reminder test: done' });
    assert.ok([soon, later, far, done].every((r) => r.status === 201));
    await lawyer.patch(`/api/cases/vorontsov/deadlines/${done.body.id}`, { done: true });

    const members = (
      await first.db.query(`select u.email from case_members m join users u on u.id = m.user_id join cases c on c.id = m.case_id where c.slug = 'vorontsov'`)
    ).rows.map((row) => row.email as string);
    assert.equal(members.length, 3);

    const at = new Date(now);
    const runs = await Promise.all([
      first.app.get(DeadlineReminders).sendDue(at),
      second.app.get(DeadlineReminders).sendDue(at),
      first.app.get(DeadlineReminders).sendDue(at),
      second.app.get(DeadlineReminders).sendDue(at),
    ]);
    assert.equal(
      runs.reduce((sum, n) => sum + n, 0),
      members.length * 2,
    );

    const ours = () => sink.received.filter((mail) => /Reminder test/.test(mail.raw));
    await jobsSettled(first.db, [MAIL_DELIVERY]);
    const mails = ours();
    assert.equal(mails.length, members.length * 2);
    for (const email of members) {
      const toMember = mails.filter((mail) => mail.to.includes(email));
      assert.equal(toMember.filter((mail) => /Deadline tomorrow: Reminder test: tomorrow/.test(mail.raw)).length, 1, email);
      assert.equal(toMember.filter((mail) => /Deadline in 3 days: Reminder test: in three days/.test(mail.raw)).length, 1, email);
    }
    assert.ok(!mails.some((mail) => /far away|Reminder test: done/.test(mail.raw)));

    // A day later the three-day deadline is one day away: it gets its second reminder, once.
    const dayLater = new Date(now + 40 * HOUR);
    await Promise.all([first.app.get(DeadlineReminders).sendDue(dayLater), second.app.get(DeadlineReminders).sendDue(dayLater)]);
    const rows = await first.db.query(`select dedupe_key from mail_outbox where dedupe_key like $1`, [`deadline-reminder:${later.body.id}:%`]);
    assert.equal(rows.rows.length, members.length * 2);
    assert.equal(rows.rows.filter((row) => String(row.dedupe_key).endsWith(':1d')).length, members.length);
  });
});
