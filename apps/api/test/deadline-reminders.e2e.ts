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

    // The medic reads English; everyone else keeps Russian, the default.
    const medic = await first.signIn('medic@demo.local');
    assert.equal((await medic.patch('/api/auth/me', { language: 'en' })).body.user.language, 'en');

    const at = new Date(now);
    await Promise.all([
      first.app.get(DeadlineReminders).sendDue(at),
      second.app.get(DeadlineReminders).sendDue(at),
      first.app.get(DeadlineReminders).sendDue(at),
      second.app.get(DeadlineReminders).sendDue(at),
    ]);
    const ours = () => sink.received.filter((mail) => /Reminder test/.test(mail.subject));
    await jobsSettled(first.db, [MAIL_DELIVERY]);
    const mails = ours();
    assert.equal(mails.length, members.length * 2);
    for (const email of members) {
      const toMember = mails.filter((mail) => mail.to.includes(email));
      if (email === 'medic@demo.local') {
        assert.equal(toMember.filter((mail) => mail.subject === 'Deadline tomorrow: Reminder test: tomorrow').length, 1, email);
        assert.equal(toMember.filter((mail) => mail.subject === 'Deadline in 3 days: Reminder test: in three days').length, 1, email);
        assert.ok(
          toMember.every((mail) => /^Due: .+ MSK$/m.test(mail.text) && !/[а-яё]/i.test(mail.text)),
          toMember[0].text,
        );
      } else {
        assert.equal(toMember.filter((mail) => mail.subject === 'Срок истекает завтра: Reminder test: tomorrow').length, 1, email);
        assert.equal(toMember.filter((mail) => mail.subject === 'Срок истекает через 3 дня: Reminder test: in three days').length, 1, email);
        assert.ok(
          toMember.every((mail) => /^Истекает: \d{1,2} [а-я]+ \d{4} г\.(,| в) \d{2}:\d{2} МСК$/m.test(mail.text)),
          toMember[0].text,
        );
      }
    }
    assert.ok(!mails.some((mail) => /far away|Reminder test: done/.test(mail.subject)));

    // A day later the three-day deadline is one day away: it gets its second reminder, once.
    const dayLater = new Date(now + 40 * HOUR);
    await Promise.all([first.app.get(DeadlineReminders).sendDue(dayLater), second.app.get(DeadlineReminders).sendDue(dayLater)]);
    const rows = await first.db.query(`select dedupe_key from mail_outbox where dedupe_key like $1`, [`deadline-reminder:${later.body.id}:%`]);
    assert.equal(rows.rows.length, members.length * 2);
    assert.equal(rows.rows.filter((row) => String(row.dedupe_key).endsWith(':1d')).length, members.length);
  });

  it('reminds each member the day before a hearing at the court’s time, in their language', async () => {
    const lawyer = await first.signIn('lawyer@demo.local');
    const hearing = await lawyer.post('/api/cases/vorontsov/hearings', {
      scheduledAt: '2031-03-03T07:00:00.000Z',
      kind: 'trial_session',
      court: 'Тверской районный суд',
    });
    assert.equal(hearing.status, 201);
    await first.app.get(DeadlineReminders).sendDue(new Date('2031-03-02T12:00:00.000Z'));
    await second.app.get(DeadlineReminders).sendDue(new Date('2031-03-02T13:00:00.000Z'));
    const ours = () => sink.received.filter((mail) => /10:00 (МСК|MSK)/.test(mail.subject));
    const until = Date.now() + 15_000;
    while (ours().length < 3 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    const mails = ours();
    assert.equal(mails.length, 3);
    const russian = mails.find((mail) => mail.to.includes('lawyer@demo.local'))!;
    assert.equal(russian.subject, 'Заседание завтра в 10:00 МСК: ' + russian.text.match(/^Дело: (.+)$/m)![1]);
    assert.match(russian.text, /^Когда: 3 марта 2031 г\.(,| в) 10:00 МСК$/m);
    assert.match(russian.text, /^Заседание: судебное заседание$/m);
    const english = mails.find((mail) => mail.to.includes('medic@demo.local'))!;
    assert.match(english.subject, /^Hearing tomorrow at 10:00 MSK: /);
    assert.match(english.text, /^When: 3 March 2031(,| at) 10:00 MSK$/m);
  });
});
