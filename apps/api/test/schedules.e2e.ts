import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import { Fixtures } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { WEBHOOK_SECRET } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const HOUR = 3_600_000;
/** Every minute, checked every 2 s: the shortest schedule pg-boss runs. */
const EVERY_MINUTE = {
  DEADLINE_REMINDERS_CRON: '* * * * *',
  RECONCILIATION_CRON: '* * * * *',
  NO_CONTACT_WATCH_CRON: '* * * * *',
  JOBS_CRON_CHECK_SECONDS: '2',
};
const TICKS = { timeoutMs: 200_000, everyMs: 500 };

/** Nothing here calls the jobs: two instances run their schedules, and the test only watches what happens. */
describe('schedules fire on their own, once across two instances', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let stripe: FakeStripe;
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    sink = await startSmtpSink();
    stripe = await startFakeStripe();
    const env = {
      ...EVERY_MINUTE,
      SMTP_URL: sink.url,
      STRIPE_SECRET_KEY: 'sk_test_schedules',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    };
    first = await startTestApp({ env });
    second = await startTestApp({ databaseUrl: first.databaseUrl, seed: false, env });
  });
  after(async () => {
    await second?.close();
    await first?.close();
    await sink?.close();
    await stripe?.close();
  });

  it('sends a deadline reminder, runs reconciliation and opens a no-contact alert, each tick once', async () => {
    const f = await Fixtures.of(first);
    const lawyer = await f.newUser('lawyer');
    const theCase = await f.newCase({ members: [lawyer] });
    const title = f.unique('Scheduled reminder');
    await f.newDeadline(theCase.id, { dueAt: new Date(Date.now() + 20 * HOUR).toISOString(), title });
    // Last contact a month ago, and the case allows one silent day.
    assert.equal((await lawyer.client.put(`/api/cases/${theCase.id}/contacts/settings`, { noContactDays: 1 })).status, 200);
    await f.newContact(theCase.id).then(async () => {
      await first.db.query(`update contact_events set occurred_at = now() - interval '30 days' where case_id = $1`, [theCase.id]);
    });
    const runsBefore = (await first.db.query<{ n: number }>(`select count(*)::int as n from reconciliation_runs`)).rows[0].n;

    const reminders = () => sink.received.filter((mail) => mail.to.includes(lawyer.email) && mail.text.includes(title));
    await waitFor('the reminder mail', () => reminders().length >= 1, TICKS);
    const alert = await waitFor(
      'the no-contact alert',
      async () => (await first.db.query(`select id from no_contact_alerts where case_id = $1`, [theCase.id])).rows[0],
      TICKS,
    );
    assert.ok(alert);
    // Two ticks of reconciliation: each minute's run happens on one instance only.
    await waitFor(
      'two reconciliation runs',
      async () =>
        (await first.db.query<{ n: number }>(`select count(*)::int as n from reconciliation_runs where finished_at is not null`)).rows[0].n >= runsBefore + 2,
      TICKS,
    );

    const perMinute = await first.db.query<{ minute: string; n: number }>(
      `select date_trunc('minute', started_at)::text as minute, count(*)::int as n from reconciliation_runs group by 1 order by 1`,
    );
    assert.deepEqual(
      perMinute.rows.filter((row) => row.n !== 1),
      [],
      'one reconciliation run per tick',
    );
    const jobs = await first.db.query<{ name: string; minute: string; n: number }>(
      `select name, date_trunc('minute', created_on)::text as minute, count(*)::int as n from pgboss.job
        where name = any($1) group by 1, 2 order by 2`,
      [['deadlines.remind', 'donations.reconcile', 'detention.no-contact-watch']],
    );
    assert.ok(jobs.rows.filter((row) => row.name === 'donations.reconcile').length >= 2, 'reconciliation ran on two ticks');
    assert.deepEqual(
      jobs.rows.filter((row) => row.n !== 1),
      [],
      'each scheduled job created once per tick',
    );
    assert.equal(reminders().length, 1, 'one reminder for the deadline');
    const alerts = await first.db.query<{ n: number }>(`select count(*)::int as n from no_contact_alerts where case_id = $1`, [theCase.id]);
    assert.equal(alerts.rows[0].n, 1, 'one no-contact alert for the silent case');
  });
});
