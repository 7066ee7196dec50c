import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MedicalAlertsService } from '../src/medical/medical-alerts.service';
import type { HttpClient } from './support/http-client';
import { startSmtpSink } from './support/smtp-sink';
import { SseClient } from './support/sse-client';
import { jobsSettled, MAIL_DELIVERY } from './support/jobs-settled';
import { waitFor } from './support/wait-for';
import { startTestApp, type TestApp } from './support/test-app';

function cookieHeaders(client: HttpClient): Record<string, string> {
  return { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

const body = (severity: string) => ({
  occurredAt: new Date().toISOString(),
  type: 'ambulance_call',
  severity,
  source: 'family',
  description: 'collapsed in the cell',
  vitals: [],
});

describe('medical alerts across two API instances on one database', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, MEDICAL_ESCALATION_SECONDS: '1' };
    a = await startTestApp({ env });
    // Both instances must read what the other sealed: same key.
    b = await startTestApp({ databaseUrl: a.databaseUrl, seed: false, env: { ...env, APP_ENCRYPTION_KEY: a.config.encryptionKey.key.toString('hex') } });
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await sink?.close();
  });

  it('delivers an incident created through instance A to an SSE client of instance B within a second', async () => {
    const lawyerOnA = await a.signIn('lawyer@demo.local');
    const medicOnB = await b.signIn('medic@demo.local');
    const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medicOnB));
    try {
      const started = Date.now();
      const created = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('high'));
      assert.equal(created.status, 201);
      const event = await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === created.body.id, 1000);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 1000, `took ${elapsed} ms`);
      assert.equal(JSON.parse(event.data).status, 'open');
    } finally {
      stream.close();
    }
  });

  it('listens again after its LISTEN connection is cut, and sends what changed while it was gone', async () => {
    const lawyerOnA = await a.signIn('lawyer@demo.local');
    const medicOnB = await b.signIn('medic@demo.local');
    const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medicOnB));
    try {
      const cut = await a.db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'habeas-alert-stream' and datname = current_database()`,
      );
      assert.equal(cut.rowCount, 2, 'one listener per instance');
      const missed = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('high'));
      await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === missed.body.id, 5000);
      await waitFor('both instances to listen again', async () => {
        const { rows } = await a.db.query(
          `select count(*)::int as n from pg_stat_activity where application_name = 'habeas-alert-stream' and datname = current_database()`,
        );
        return rows[0].n === 2;
      });
      const live = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('high'));
      await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === live.body.id, 1000);
    } finally {
      stream.close();
    }
  });

  it('escalates an unacknowledged critical alert exactly once and mails every admin', async () => {
    const lawyerOnA = await a.signIn('lawyer@demo.local');
    const created = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('critical'));
    const alertId = (await a.db.query('select id from medical_alerts where incident_id = $1', [created.body.id])).rows[0].id;
    // Both instances also race to escalate directly: only one may win.
    const raced = await Promise.all([a.app.get(MedicalAlertsService).escalate(alertId), b.app.get(MedicalAlertsService).escalate(alertId)]);
    assert.equal(raced.filter(Boolean).length, 1);
    // The scheduled escalation runs too, and must change nothing: wait until it and every mail job are done.
    await waitFor(
      'the scheduled escalation of this alert to have run',
      async () => {
        const { rows } = await a.db.query(`select state from pgboss.job where name = 'medical.alert-escalate' and data->>'alertId' = $1`, [alertId]);
        return rows.length > 0 && rows.every((row) => row.state === 'completed' || row.state === 'failed');
      },
      { timeoutMs: 30_000 },
    );
    await jobsSettled(a.db, [MAIL_DELIVERY]);
    const adminMails = sink.received.filter(
      (m) => m.to.includes('admin@demo.local') && /^Критическая медицинская тревога не подтверждена/.test(m.subject),
    ).length;
    assert.equal(adminMails, 1);
    const audit = await a.db.query(`select count(*)::int as n from audit_log where action = 'medical_alert.escalate' and entity_id = $1`, [alertId]);
    assert.equal(audit.rows[0].n, 1);
    const row = (await a.db.query('select escalated_at from medical_alerts where id = $1', [alertId])).rows[0];
    assert.ok(row.escalated_at);
  });

  it('escalates through the scheduled job when nobody acknowledges in time, but not an acknowledged alert', async () => {
    const lawyerOnA = await a.signIn('lawyer@demo.local');
    const medicOnB = await b.signIn('medic@demo.local');
    const ignored = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('critical'));
    const handled = await lawyerOnA.post('/api/cases/vorontsov/medical-incidents', body('critical'));
    const handledAlert = (await a.db.query('select id from medical_alerts where incident_id = $1', [handled.body.id])).rows[0].id;
    assert.equal((await medicOnB.post(`/api/medical-alerts/${handledAlert}/acknowledge`)).status, 200);
    const until = Date.now() + 10_000;
    let escalated: { incident_id: string }[] = [];
    while (Date.now() < until) {
      escalated = (
        await a.db.query('select incident_id from medical_alerts where incident_id = any($1) and escalated_at is not null', [
          [ignored.body.id, handled.body.id],
        ])
      ).rows;
      if (escalated.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(
      escalated.map((r) => r.incident_id),
      [ignored.body.id],
    );
  });

  it('closes open streams when an instance shuts down', async () => {
    const medicOnB = await b.signIn('medic@demo.local');
    const stream = await SseClient.open(`${b.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medicOnB));
    assert.equal(stream.status, 200);
    const closing = b.close();
    await closing;
    const until = Date.now() + 2000;
    while (!stream.ended && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(stream.ended, 'the stream ended');
    b = undefined as unknown as TestApp;
  });
});
