/**
 * Longer than 300 lines on purpose: one app start serves the medical record end to end (incidents, sealing at rest,
 * alerts and their escalation, corrections), each step reading what the one before recorded.
 */
import { arrestDay } from '../src/demo/demo-dates';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MedicalAlertsService } from '../src/medical/medical-alerts.service';
import type { HttpClient } from './support/http-client';
import { startSmtpSink } from './support/smtp-sink';
import { SseClient } from './support/sse-client';
import { startTestApp, type TestApp } from './support/test-app';

const SECRET = 'Secret-diagnosis-hypertensive-crisis-7731';

function incident(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: new Date().toISOString(),
    type: 'ambulance_call',
    severity: 'high',
    source: 'lawyer_visit',
    facility: 'Temporary detention centre',
    description: `${SECRET} description`,
    outcome: `${SECRET} outcome`,
    vitals: [{ at: new Date().toISOString(), systolic: 181, diastolic: 109, pulse: 101 }],
    followUpNeeded: true,
    ...overrides,
  };
}

function cookieHeaders(client: HttpClient): Record<string, string> {
  return { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

async function alertOf(t: TestApp, incidentId: string) {
  const rows = await t.db.query('select * from medical_alerts where incident_id = $1', [incidentId]);
  return rows.rows[0];
}

describe('medical incidents and alerts', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let lawyer: HttpClient;
  let medic: HttpClient;
  before(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://habeas.example.org' } });
    lawyer = await t.signIn('lawyer@demo.local');
    medic = await t.signIn('medic@demo.local');
  });
  after(async () => {
    await t?.close();
    await sink?.close();
  });

  it('stores description, vitals and outcome sealed under the key id, and shows them decrypted', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident());
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.description, `${SECRET} description`);
    assert.equal(created.body.vitals[0].systolic, 181);
    const raw = await t.db.query('select description, outcome, vitals from medical_incidents where id = $1', [created.body.id]);
    const row = raw.rows[0];
    for (const value of [row.description, row.outcome, row.vitals]) {
      assert.ok(!String(value).includes(SECRET) && !String(value).includes('181'), 'no plain text in the row');
      assert.match(String(value), new RegExp(`^v2:${t.config.encryptionKey.id}:`));
    }
    const dump = await t.db.query(`select string_agg(t::text, ' ') as all from medical_incidents t`);
    assert.ok(!dump.rows[0].all.includes(SECRET));
  });

  it('audits every read of an incident, in a list and alone, with the reader and the IP', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'low', type: 'check_up' }));
    const list = await medic.get('/api/cases/vorontsov/medical-incidents?limit=100');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((item: { id: string }) => item.id === created.body.id));
    const one = await medic.get(`/api/medical-incidents/${created.body.id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.description, `${SECRET} description`);
    const reads = await t.db.query(
      `select a.ip from audit_log a join users u on u.id = a.actor_id
        where a.entity_type = 'medical_incident' and a.entity_id = $1 and a.action = 'medical_incident.read' and u.email = 'medic@demo.local'`,
      [created.body.id],
    );
    assert.equal(reads.rowCount, 2);
    assert.ok(reads.rows[0].ip);
    const admin = await t.signIn('admin@demo.local');
    const log = await admin.get(`/api/audit-log?entityType=medical_incident&entityId=${created.body.id}`);
    assert.equal(log.status, 200);
    assert.ok(log.body.items.some((item: { action: string; ip: string | null }) => item.action === 'medical_incident.read' && item.ip));
    assert.ok(log.body.items.some((item: { action: string }) => item.action === 'medical_incident.create'));
  });

  it('answers 404 to a lawyer of another case and 403 to finance', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'low', type: 'check_up' }));
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    assert.equal((await lawyer2.get(`/api/medical-incidents/${created.body.id}`)).status, 404);
    assert.equal((await lawyer2.get('/api/cases/vorontsov/medical-incidents')).status, 404);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/medical-incidents', incident())).status, 404);
    assert.equal((await lawyer2.get(`/api/medical-incidents/00000000-0000-4000-8000-000000000000`)).status, 404);
    const finance = await t.signIn('finance@demo.local');
    assert.equal((await finance.get(`/api/medical-incidents/${created.body.id}`)).status, 403);
    assert.equal((await finance.get('/api/cases/vorontsov/medical-incidents')).status, 403);
    assert.equal((await finance.get('/api/medical-alerts')).status, 403);
    assert.equal((await lawyer.get('/api/medical-alerts')).status, 403, 'lawyers read incidents but do not work alerts');
  });

  it('refuses bad input with 400', async () => {
    const bad = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'apocalyptic' }));
    assert.equal(bad.status, 400);
    const noMeasure = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ vitals: [{ at: new Date().toISOString() }] }));
    assert.equal(noMeasure.status, 400);
    assert.equal((await medic.get('/api/medical-alerts?status=closed')).status, 400);
    assert.equal((await medic.get('/api/medical-alerts?cursor=zzz')).status, 400);
  });

  it('opens an alert for high or critical incidents and alarming types, not for a routine check-up', async () => {
    const cases = [
      { body: { type: 'check_up', severity: 'low' }, alert: false },
      { body: { type: 'injury', severity: 'moderate' }, alert: false },
      { body: { type: 'injury', severity: 'high' }, alert: true },
      { body: { type: 'other', severity: 'critical' }, alert: true },
      { body: { type: 'hospitalisation', severity: 'low' }, alert: true },
      { body: { type: 'denied_care', severity: 'low' }, alert: true },
      { body: { type: 'medication_withheld', severity: 'moderate' }, alert: true },
      { body: { type: 'hunger_strike', severity: 'low' }, alert: true },
    ];
    for (const { body, alert } of cases) {
      const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ ...body, vitals: [] }));
      assert.equal(created.status, 201);
      const row = await alertOf(t, created.body.id);
      assert.equal(Boolean(row), alert, `${body.type}/${body.severity}`);
      if (row) assert.equal(row.severity, body.severity);
    }
  });

  it('opens the alert the vital readings call for, whatever severity was chosen', async () => {
    const cases = [
      { reading: { systolic: 190, diastolic: 110 }, chosen: 'moderate', alert: 'critical' },
      { reading: { temperatureC: 39.8 }, chosen: 'low', alert: 'high' },
      { reading: { glucoseMmolL: 2.7 }, chosen: 'moderate', alert: 'critical' },
      { reading: { pulse: 128 }, chosen: 'low', alert: 'high' },
      { reading: { systolic: 125, diastolic: 80, pulse: 70 }, chosen: 'moderate', alert: null },
      { reading: { temperatureC: 38.1 }, chosen: 'critical', alert: 'critical' },
    ];
    for (const { reading, chosen, alert } of cases) {
      const body = incident({ type: 'check_up', severity: chosen, vitals: [{ at: new Date().toISOString(), ...reading }] });
      const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', body);
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.severity, chosen, 'the record keeps the severity that was chosen');
      assert.equal((await alertOf(t, created.body.id))?.severity ?? null, alert, JSON.stringify(reading));
    }
  });

  it('reads the person’s known conditions into the rules: 165/95 alerts for known hypertension only', async () => {
    const reading = { vitals: [{ at: new Date().toISOString(), systolic: 165, diastolic: 95 }], type: 'check_up', severity: 'low' };
    const plain = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident(reading));
    assert.equal(await alertOf(t, plain.body.id), undefined);
    assert.equal((await medic.put('/api/cases/vorontsov/medical-settings', { noNewsDays: 7, knownConditions: ['flu'] })).status, 400);
    const set = await medic.put('/api/cases/vorontsov/medical-settings', { noNewsDays: 7, knownConditions: ['hypertension'] });
    assert.deepEqual(set.body, { noNewsDays: 7, knownConditions: ['hypertension'] });
    const known = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident(reading));
    assert.equal((await alertOf(t, known.body.id))?.severity, 'high');
    await medic.put('/api/cases/vorontsov/medical-settings', { noNewsDays: 7 });
  });

  it('lists open alerts of the user’s cases in cursor pages', async () => {
    const first = await medic.get('/api/medical-alerts?status=open&limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.nextCursor);
    const second = await medic.get(`/api/medical-alerts?status=open&limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.status, 200);
    const ids = [...first.body.items, ...second.body.items].map((a: { id: string }) => a.id);
    assert.equal(new Set(ids).size, ids.length, 'no alert twice across pages');
    for (const alert of [...first.body.items, ...second.body.items]) assert.equal(alert.status, 'open');
    const secondCase = await t.db.query(`select id from cases where slug = 'second-case'`);
    await t.app
      .get(MedicalAlertsService)
      .openAlert({ actorId: null, ip: null }, { caseId: secondCase.rows[0].id, kind: 'other', severity: 'moderate', reason: 'test' });
    const all = await medic.get('/api/medical-alerts?limit=100');
    assert.ok(
      all.body.items.every((a: { caseId: string }) => a.caseId !== secondCase.rows[0].id),
      'medic sees only alerts of their cases',
    );
    const admin = await t.signIn('admin@demo.local');
    const adminAll = await admin.get('/api/medical-alerts?limit=100');
    assert.ok(adminAll.body.items.some((a: { caseId: string }) => a.caseId === secondCase.rows[0].id));
  });

  it('walks open → acknowledged → resolved, refuses conflicting steps with 409, and audits each step', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'high' }));
    const alertId = (await alertOf(t, created.body.id)).id;
    assert.equal((await medic.post(`/api/medical-alerts/${alertId}/resolve`, {})).status, 400, 'a note is required');
    const acknowledged = await medic.post(`/api/medical-alerts/${alertId}/acknowledge`);
    assert.equal(acknowledged.status, 200);
    assert.equal(acknowledged.body.status, 'acknowledged');
    assert.ok(acknowledged.body.acknowledgedAt);
    assert.ok(acknowledged.body.acknowledgedBy);
    const medicName = (await t.db.query(`select name from users where email = 'medic@demo.local'`)).rows[0].name;
    assert.equal(acknowledged.body.acknowledgedByName, medicName);
    // Acknowledged is in progress, not done: it stays in the unresolved list and the count until resolved.
    const unresolved = await medic.get('/api/medical-alerts?status=unresolved&limit=100');
    assert.ok(unresolved.body.items.some((a: { id: string }) => a.id === alertId));
    const counted = await medic.get('/api/medical-alerts/count');
    assert.ok(counted.body.inProgress >= 1 && counted.body.open >= 0, JSON.stringify(counted.body));
    assert.equal((await medic.post(`/api/medical-alerts/${alertId}/acknowledge`)).status, 409);
    const resolved = await medic.post(`/api/medical-alerts/${alertId}/resolve`, { note: 'Lawyer visited; doctor saw him' });
    assert.equal(resolved.status, 200);
    assert.equal(resolved.body.status, 'resolved');
    assert.equal(resolved.body.note, 'Lawyer visited; doctor saw him');
    assert.equal(resolved.body.resolvedByName, medicName);
    assert.equal((await medic.get('/api/medical-alerts/count')).body.inProgress, counted.body.inProgress - 1);
    assert.ok(!(await medic.get('/api/medical-alerts?status=unresolved&limit=100')).body.items.some((a: { id: string }) => a.id === alertId));
    assert.equal((await medic.post(`/api/medical-alerts/${alertId}/resolve`, { note: 'again' })).status, 409);
    assert.equal((await medic.post(`/api/medical-alerts/${alertId}/acknowledge`)).status, 409);
    const audit = await t.db.query(`select action from audit_log where entity_type = 'medical_alert' and entity_id = $1 order by at, id`, [alertId]);
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['medical_alert.open', 'medical_alert.acknowledge', 'medical_alert.resolve'],
    );
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    assert.equal((await lawyer2.post(`/api/medical-alerts/${alertId}/acknowledge`)).status, 403);
  });

  it('gives the medic the medical state of their cases and nothing of the others', async () => {
    const overview = await medic.get('/api/medical/overview');
    assert.equal(overview.status, 200, overview.text);
    assert.deepEqual(
      overview.body.items.map((c: { caseSlug: string }) => c.caseSlug),
      ['vorontsov'],
      'the medic is a member of vorontsov only',
    );
    const vorontsov = overview.body.items.find((c: { caseSlug: string }) => c.caseSlug === 'vorontsov');
    assert.ok(vorontsov.lastIncidentAt && vorontsov.lastSeverity, JSON.stringify(vorontsov));
    assert.ok(vorontsov.openAlerts + vorontsov.inProgressAlerts > 0);
    assert.ok(!JSON.stringify(overview.body).includes(SECRET), 'no sealed description in the overview');
    assert.equal((await (await t.signIn('finance@demo.local')).get('/api/medical/overview')).status, 403);
  });

  it('answers 404 for an alert of a case the medic is not on', async () => {
    const secondCase = await t.db.query(`select id from cases where slug = 'second-case'`);
    const alert = await t.app
      .get(MedicalAlertsService)
      .openAlert({ actorId: null, ip: null }, { caseId: secondCase.rows[0].id, kind: 'no_contact', severity: 'high', reason: 'no contact for 3 days' });
    assert.ok(alert);
    assert.equal((await medic.post(`/api/medical-alerts/${alert.id}/acknowledge`)).status, 404);
    assert.equal((await medic.get(`/api/medical-alerts/${alert.id}`)).status, 404);
  });

  it('mails the medical members of the case for a high alert, without medical details', async () => {
    const isCritical = (m: { to: string[]; subject: string }) =>
      m.to.includes('medic@demo.local') && /^Медицинская тревога \(тяжесть критическая\): /.test(m.subject);
    const before = sink.received.filter(isCritical).length;
    const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'critical', type: 'injury' }));
    assert.equal(created.status, 201);
    const until = Date.now() + 10_000;
    while (sink.received.filter(isCritical).length === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    const mail = sink.received.filter(isCritical)[before];
    assert.ok(mail, 'a mail for the critical alert reached the SMTP server');
    assert.ok(!sink.received.some((m) => m.to.includes('lawyer@demo.local')), 'lawyers are not mailed medical alerts');
    assert.match(mail.text, /https:\/\/habeas\.example\.org\/medical-alerts/);
    assert.ok(!mail.raw.includes(SECRET));
  });

  it('opens one "no news" alert per case without a check-in for its number of days', async () => {
    const service = t.app.get(MedicalAlertsService);
    assert.deepEqual((await medic.get('/api/cases/vorontsov/medical-settings')).body, { noNewsDays: 7, knownConditions: [] });
    assert.equal((await medic.put('/api/cases/vorontsov/medical-settings', { noNewsDays: 0 })).status, 400);
    const set = await medic.put('/api/cases/vorontsov/medical-settings', { noNewsDays: 30 });
    assert.equal(set.status, 200);
    assert.deepEqual((await medic.get('/api/cases/vorontsov/medical-settings')).body, { noNewsDays: 30, knownConditions: [] });
    assert.equal((await (await t.signIn('lawyer2@demo.local')).put('/api/cases/vorontsov/medical-settings', { noNewsDays: 3 })).status, 404);
    // The demo starts with the "no news" alerts its months-old facts warrant; clear them to watch the rule work.
    await t.db.query(`delete from medical_alerts where kind = 'no_news'`);
    await service.openNoNewsAlerts();
    await service.openNoNewsAlerts();
    const rows = await t.db.query(`select c.slug from medical_alerts a join cases c on c.id = a.case_id where a.kind = 'no_news'`);
    assert.deepEqual(
      rows.rows.map((r) => r.slug),
      ['second-case'],
      'vorontsov had incidents today; second-case only the demo one long ago',
    );

    // The per-case number of days decides: a check-in 10 days ago is news enough for 14 days, not for 7.
    const admin = await t.signIn('admin@demo.local');
    await t.db.query(`update medical_incidents set occurred_at = now() - interval '10 days' where case_id = (select id from cases where slug = 'second-case')`);
    const open = await t.db.query(`select id from medical_alerts where kind = 'no_news'`);
    assert.equal((await admin.post(`/api/medical-alerts/${open.rows[0].id}/resolve`, { note: 'family called' })).status, 200);
    assert.equal((await admin.put('/api/cases/second-case/medical-settings', { noNewsDays: 14 })).status, 200);
    assert.equal(await service.openNoNewsAlerts(), 0);
    assert.equal((await admin.put('/api/cases/second-case/medical-settings', { noNewsDays: 7 })).status, 200);
    assert.equal(await service.openNoNewsAlerts(), 1);
  });

  it('puts incidents and alerts on the case timeline without their descriptions', async () => {
    const timeline = await lawyer.get('/api/cases/vorontsov/timeline?types=medical_incident,medical_alert&limit=100');
    assert.equal(timeline.status, 200);
    assert.ok(
      timeline.body.items.some((i: { type: string; title: string }) => i.type === 'medical_incident' && /Вызов скорой помощи, тяжесть: высокая/.test(i.title)),
    );
    assert.ok(timeline.body.items.some((i: { type: string }) => i.type === 'medical_alert'));
    assert.ok(!timeline.text.includes(SECRET));
    const finance = await t.signIn('finance@demo.local');
    const forFinance = await finance.get('/api/cases/vorontsov/timeline');
    // Finance may not read a case's record at all: refused by role, and the refusal says nothing medical.
    assert.equal(forFinance.status, 403, forFinance.text);
    assert.doesNotMatch(forFinance.text, /medical|Ambulance/i);
  });

  it('starts the demo with the "no news" and "no contact" alerts its facts warrant', async () => {
    const fresh = await startTestApp();
    try {
      const rows = await fresh.db.query(
        `select a.kind, a.severity from medical_alerts a join cases c on c.id = a.case_id where c.slug = 'vorontsov' and a.status = 'open' order by a.kind`,
      );
      assert.deepEqual(
        rows.rows.map((r) => r.kind),
        ['incident', 'no_contact', 'no_news'],
      );
      assert.equal(rows.rows[0].severity, 'critical', '190/115 on the way to hospital is a hypertensive crisis');
    } finally {
      await fresh.close();
    }
  });

  it('seeds the article’s incidents, an open alert and a history of readings', async () => {
    const list = await medic.get('/api/cases/vorontsov/medical-incidents?limit=100');
    const demo = list.body.items.filter((i: { occurredAt: string }) => i.occurredAt.startsWith(arrestDay().toISOString().slice(0, 7)));
    assert.deepEqual(demo.map((i: { type: string }) => i.type).sort(), ['ambulance_call', 'check_up', 'hospitalisation']);
    const readings = demo.flatMap((i: { vitals: unknown[] }) => i.vitals);
    assert.ok(readings.length >= 5);
    const open = await t.db.query(
      `select count(*)::int as n from medical_alerts a join medical_incidents i on i.id = a.incident_id where a.status = 'open' and i.type = 'hospitalisation' and i.id = any($1)`,
      [demo.map((i: { id: string }) => i.id)],
    );
    assert.equal(open.rows[0].n, 1);
  });

  it('streams new alerts over SSE and replays missed ones after Last-Event-ID', async () => {
    const stream = await SseClient.open(`${t.baseUrl}/api/medical-alerts/stream`, cookieHeaders(medic));
    assert.equal(stream.status, 200);
    try {
      const created = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ severity: 'high' }));
      const event = await stream.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === created.body.id);
      assert.ok(event.id);
      stream.close();
      const missed = await lawyer.post('/api/cases/vorontsov/medical-incidents', incident({ type: 'hunger_strike', severity: 'moderate' }));
      const replay = await SseClient.open(`${t.baseUrl}/api/medical-alerts/stream`, { ...cookieHeaders(medic), 'last-event-id': event.id! });
      try {
        await replay.waitFor((e) => e.event === 'alert' && JSON.parse(e.data).incidentId === missed.body.id);
        const seqs = replay.events.map((e) => Number(e.id));
        assert.deepEqual(
          seqs,
          [...seqs].sort((a, b) => a - b),
          'ids increase',
        );
        assert.ok(seqs.every((s) => s > Number(event.id)));
      } finally {
        replay.close();
      }
    } finally {
      stream.close();
    }
    const lawyerStream = await SseClient.open(`${t.baseUrl}/api/medical-alerts/stream`, cookieHeaders(lawyer));
    assert.equal(lawyerStream.status, 403);
    assert.equal((await SseClient.open(`${t.baseUrl}/api/medical-alerts/stream`, {})).status, 401);
  });
});
