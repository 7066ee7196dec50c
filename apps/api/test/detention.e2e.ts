/**
 * Longer than 300 lines on purpose: one app start serves life in detention end to end (contact log, custody, legal
 * actions started by events, drafts), each step building on the records the one before made.
 */
import { arrestDay } from '../src/demo/demo-dates';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { LegalActionProposals } from '../src/detention/legal-action-proposals';
import { NoContactWatch } from '../src/detention/no-contact-watch.service';
import { JobsService } from '../src/jobs/jobs.service';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

describe('life in detention', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  before(async () => {
    t = await startTestApp();
    lawyer = await t.signIn('lawyer@demo.local');
  });
  after(() => t.close());

  const caseId = async (slug: string) => (await t.db.query(`select id from cases where slug = $1`, [slug])).rows[0].id as string;

  it('logs a refused visit and proposes complaints to the facility and the prosecutor, owned by the lawyer, drafted in Russian', async () => {
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    const response = await lawyer2.post('/api/cases/second-case/contacts', {
      kind: 'visit',
      status: 'refused',
      occurredAt: '2026-11-20T09:00:00Z',
      facility: 'ФКУ СИЗО-2',
      refusalReason: 'карантин',
      refusedBy: 'дежурный Петров',
    });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.body.event.refusalReason, 'карантин');
    assert.equal(response.body.event.refusedBy, 'дежурный Петров');
    const steps = response.body.proposedActions.map((a: any) => a.step).sort();
    assert.deepEqual(steps, ['complaint_facility', 'complaint_prosecutor']);
    const complaint = response.body.proposedActions.find((a: any) => a.step === 'complaint_facility');
    assert.equal(complaint.status, 'proposed');
    assert.equal(complaint.deadlineAt, '2026-11-23T09:00:00.000Z');
    assert.equal(complaint.triggerType, 'contact');
    assert.equal(complaint.triggerId, response.body.event.id);
    assert.equal(complaint.trigger.kind, 'visit');
    assert.equal(complaint.trigger.refusalReason, 'карантин');
    assert.equal(complaint.ownerName, (await t.db.query(`select name from users where email = 'lawyer2@demo.local'`)).rows[0].name);
    assert.match(
      complaint.draftText,
      /защитнику было отказано в свидании с подзащитным; основание отказа, названное администрацией: «карантин»; отказ дал дежурный Петров/,
    );
    assert.match(complaint.draftText, /Соколова Ильи Андреевича/, 'the defendant in the genitive');

    // A second refusal adds itself to the open cards instead of a second card of the same step.
    const again = await lawyer2.post('/api/cases/second-case/contacts', {
      kind: 'visit',
      status: 'refused',
      occurredAt: '2026-11-21T09:00:00Z',
      refusalReason: 'карантин',
    });
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(again.body.proposedActions.map((a: any) => a.id).sort(), response.body.proposedActions.map((a: any) => a.id).sort());
    assert.ok(again.body.proposedActions.every((a: any) => a.alsoBecause.length === 1 && a.alsoBecause[0].id === again.body.event.id));
    const open = await lawyer2.get('/api/cases/second-case/legal-actions?status=proposed');
    assert.equal(open.body.items.filter((a: any) => a.step === 'complaint_facility').length, 1);

    // On the demo case the same refusal joins the complaints its first refused visit opened.
    const demo = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'visit',
      status: 'refused',
      occurredAt: '2026-11-20T09:00:00Z',
      refusalReason: 'quarantine',
    });
    assert.equal(demo.status, 201, demo.text);
    assert.ok(demo.body.proposedActions.every((a: any) => a.triggerId !== demo.body.event.id && a.alsoBecause.some((b: any) => b.id === demo.body.event.id)));
  });

  it('logs a held visit and a call without proposing anything', async () => {
    const visit = await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'visit', status: 'held', occurredAt: '2026-11-21T09:00:00Z', visitor: 'Counsel' });
    assert.equal(visit.status, 201);
    assert.deepEqual(visit.body.proposedActions, []);
    const call = await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'call', status: 'held', occurredAt: '2026-11-21T10:00:00Z' });
    assert.equal(call.status, 201);
    assert.equal(call.body.event.kind, 'call');
  });

  it('logs letters by channel with a delivery date or as not delivered', async () => {
    const delivered = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'letter',
      status: 'delivered',
      channel: 'prison_letter_service',
      direction: 'to_detainee',
      occurredAt: '2026-11-10T09:00:00Z',
      deliveredAt: '2026-11-12T09:00:00Z',
    });
    assert.equal(delivered.status, 201, delivered.text);
    assert.equal(delivered.body.event.deliveredAt, '2026-11-12T09:00:00.000Z');
    const lost = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'letter',
      status: 'not_delivered',
      channel: 'post',
      occurredAt: '2026-11-11T09:00:00Z',
    });
    assert.equal(lost.status, 201);
    assert.deepEqual(
      lost.body.proposedActions.map((a: any) => a.step),
      ['complaint_facility'],
    );
    const noChannel = await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'letter', status: 'sent', occurredAt: '2026-11-11T09:00:00Z' });
    assert.equal(noChannel.status, 400);
    assert.match(noChannel.text, /channel/);
  });

  it('logs parcels and commissary transfers with contents and money, and a returned one proposes a complaint', async () => {
    const parcel = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'parcel',
      status: 'returned',
      contents: 'medicine, socks',
      occurredAt: '2026-11-12T09:00:00Z',
    });
    assert.equal(parcel.status, 201);
    assert.equal(parcel.body.proposedActions.length, 1);
    const money = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'money_transfer',
      status: 'accepted',
      amount: { amountMinor: 300000, currency: 'rub' },
      occurredAt: '2026-11-12T10:00:00Z',
    });
    assert.equal(money.status, 201, money.text);
    assert.deepEqual(money.body.event.amount, { amountMinor: 300000, currency: 'RUB' });
    const noAmount = await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'money_transfer', status: 'sent', occurredAt: '2026-11-12T10:00:00Z' });
    assert.equal(noAmount.status, 400);
    const wrongStatus = await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'visit', status: 'delivered', occurredAt: '2026-11-12T10:00:00Z' });
    assert.equal(wrongStatus.status, 400);
  });

  it('lists the log newest first with cursor paging and shows events on the timeline', async () => {
    const first = await lawyer.get('/api/cases/vorontsov/contacts?limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.items[0].occurredAt >= first.body.items[1].occurredAt);
    const second = await lawyer.get(`/api/cases/vorontsov/contacts?limit=2&cursor=${first.body.nextCursor}`);
    assert.ok(!second.body.items.some((item: any) => first.body.items.some((seen: any) => seen.id === item.id)));
    const timeline = await lawyer.get('/api/cases/vorontsov/timeline?types=contact,legal_action&limit=100');
    assert.equal(timeline.status, 200);
    const titles = timeline.body.items.map((item: any) => item.title);
    // Titles are told in the reader's language (Russian by default), from the item's event and parameters.
    assert.ok(titles.includes('Свидание с адвокатом: отказано — quarantine'), titles.join('\n'));
    assert.ok(titles.some((title: string) => title.startsWith('Предложено: ')));
    assert.ok(timeline.body.items.some((item: any) => item.event === 'contact' && item.params.kind === 'visit' && item.params.status === 'refused'));
  });

  it('counts refused visits and undelivered letters per week and month', async () => {
    const weekly = await lawyer.get('/api/cases/vorontsov/contacts/trend?bucket=week');
    assert.equal(weekly.status, 200);
    // The demo has one refused visit and one undelivered letter; this file added one of each.
    assert.equal(weekly.body.totals.refusedVisits, 2);
    assert.equal(weekly.body.totals.undeliveredLetters, 2);
    assert.ok(weekly.body.items.some((item: any) => item.period === '2026-11-16' && item.refusedVisits === 1));
    const monthly = await lawyer.get('/api/cases/vorontsov/contacts/trend?bucket=month');
    assert.ok(monthly.body.items.some((item: any) => item.period === '2026-11-01' && item.refusedVisits === 1 && item.undeliveredLetters === 1));
    assert.equal((await lawyer.get('/api/cases/vorontsov/contacts/trend?bucket=year')).status, 400);
  });

  it('proposes legal steps for a medical incident once, however often it is called', async () => {
    const service = t.app.get(LegalActionProposals);
    const vorontsov = await caseId('vorontsov');
    const incident = {
      caseId: vorontsov,
      incidentId: '11111111-2222-4333-8444-555555555555',
      type: 'denied_care',
      severity: 'critical' as const,
      occurredAt: '2026-11-22T08:00:00Z',
      facility: 'SIZO-1',
    };
    const proposed = await service.proposeForMedicalIncident(incident);
    assert.deepEqual(proposed.map((a) => a.step).sort(), ['complaint_prosecutor', 'interim_measures_international', 'motion_independent_doctor']);
    assert.deepEqual(await service.proposeForMedicalIncident(incident), []);
    // The demo's open complaint to the prosecutor takes the incident as "also because"; the other two are new cards.
    const prosecutor = proposed.find((a) => a.step === 'complaint_prosecutor')!;
    assert.ok(prosecutor.alsoBecause.some((trigger) => trigger.id === incident.incidentId));
    const byIncident = await lawyer.get(`/api/legal-actions?triggerType=medical_incident&triggerId=${incident.incidentId}`);
    assert.equal(byIncident.body.items.length, 2);
    assert.ok(byIncident.body.items.every((a: any) => a.ownerName && a.triggerSummary.includes('отказано в медицинской помощи')));
  });

  it('takes a proposal through drafting to a filed DOCX and a decision', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/contacts', {
      kind: 'visit',
      status: 'refused',
      occurredAt: '2026-11-23T09:00:00Z',
      refusalReason: 'no reason given',
    });
    // The demo's open complaint to the facility takes this refusal too; its draft has every field it needs.
    const action = created.body.proposedActions.find((a: any) => a.step === 'complaint_facility');
    assert.equal(action.alsoBecause.at(-1).id, created.body.event.id);
    assert.deepEqual(action.missingFields, []);

    const skipping = await lawyer.patch(`/api/legal-actions/${action.id}`, { status: 'filed' });
    assert.equal(skipping.status, 422);
    const drafting = await lawyer.patch(`/api/legal-actions/${action.id}`, {
      status: 'drafting',
      draftText: '# Complaint\nTo the head of SIZO-1: the visit of 23 November was refused.',
    });
    assert.equal(drafting.status, 200, drafting.text);
    assert.deepEqual(drafting.body.missingFields, []);
    const filed = await lawyer.patch(`/api/legal-actions/${action.id}`, { status: 'filed' });
    assert.equal(filed.status, 200, filed.text);
    assert.ok(filed.body.documentId);
    assert.ok(filed.body.filedAt);

    // The generated draft is a document of the case: version 1, a DOCX, downloadable (and audited) like any upload.
    const document = await lawyer.get(`/api/documents/${filed.body.documentId}`);
    assert.equal(document.status, 200, document.text);
    assert.equal(document.body.kind, 'complaint');
    assert.equal(document.body.versions[0].mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const download = await fetch(`${t.baseUrl}/api/documents/${filed.body.documentId}/download?version=1`, {
      headers: { cookie: [...lawyer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /attachment;.*vorontsov-complaint_facility-.*\.docx/);
    const xml = await (await JSZip.loadAsync(Buffer.from(await download.arrayBuffer()))).file('word/document.xml')!.async('string');
    assert.match(xml, /the visit of 23 November was refused/);

    assert.equal((await lawyer.patch(`/api/legal-actions/${action.id}`, { draftText: 'changed' })).status, 422);
    assert.equal((await lawyer.patch(`/api/legal-actions/${action.id}`, { status: 'decided' })).status, 422);
    const decided = await lawyer.patch(`/api/legal-actions/${action.id}`, { status: 'decided', outcome: 'Complaint upheld; visits allowed' });
    assert.equal(decided.status, 200);
    const items = (await lawyer.get('/api/cases/vorontsov/timeline?types=legal_action&limit=100')).body.items;
    assert.ok(items.some((i: any) => i.event === 'legal_action.filed' && i.params.documentId === filed.body.documentId && i.title.startsWith('Подано: ')));
    assert.ok(items.some((i: any) => i.title.startsWith('Решение: ') && i.title.endsWith('Complaint upheld; visits allowed')));
  });

  it('renders a team template into a document version through the sink', async () => {
    // Templates serve every case: lawyers read them, only admins change them (CONTRACT.md).
    const admin = await t.signIn('admin@demo.local');
    const refused = await lawyer.post('/api/legal-templates', { step: 'motion_independent_doctor', language: 'en', title: 'Mine', body: 'x' });
    assert.equal(refused.status, 403);
    const template = await admin.post('/api/legal-templates', {
      step: 'motion_independent_doctor',
      language: 'en',
      title: 'Motion (team version)',
      body: '# Motion\n{{person.name}} at {{facility.name}} on {{incident.occurredAt}}; counsel {{lawyer.name}}; {{unknown.field}}',
      isDefault: true,
    });
    assert.equal(template.status, 201, template.text);
    const open = (await lawyer.get('/api/cases/vorontsov/legal-actions?limit=100')).body.items.find(
      (a: any) => a.step === 'motion_independent_doctor' && ['proposed', 'drafting'].includes(a.status),
    );
    if (open) assert.equal((await lawyer.patch(`/api/legal-actions/${open.id}`, { status: 'dismissed' })).status, 200);
    const created = await lawyer.post('/api/cases/vorontsov/legal-actions', { step: 'motion_independent_doctor', language: 'en' });
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.draftText, /^# Motion\nВоронцов Владимир at ФКУ СИЗО-1 УФСИН России по г\. Москве on \[\[incident\.occurredAt: \?\]\]/);
    assert.deepEqual(created.body.missingFields.sort(), ['incident.occurredAt', 'unknown.field']);
    const generated = await lawyer.post(`/api/legal-actions/${created.body.id}/generate`, { format: 'markdown' });
    assert.equal(generated.status, 201, generated.text);
    assert.equal(generated.body.version, 1);
    const file = await lawyer.get(generated.body.downloadUrl);
    assert.equal(file.status, 200);
    assert.match(file.text, /Воронцов Владимир at ФКУ СИЗО-1/);
    const defaults = await lawyer.get('/api/legal-templates?step=motion_independent_doctor&language=en');
    assert.equal(defaults.body.items.filter((item: any) => item.isDefault).length, 1, 'one default per step and language');
  });

  it('seeds a default template for each legal step in Russian and English', async () => {
    const all = await lawyer.get('/api/legal-templates?limit=100');
    const pairs = new Set(all.body.items.map((item: any) => `${item.step}:${item.language}`));
    for (const step of ['complaint_facility', 'complaint_prosecutor', 'motion_independent_doctor', 'motion_custody_health', 'interim_measures_international']) {
      assert.ok(pairs.has(`${step}:ru`) && pairs.has(`${step}:en`), step);
    }
  });

  it('opens one "no contact" alert when the clock moves past N days, and contact closes it', async () => {
    const vorontsov = await caseId('vorontsov');
    // The demo starts with the "no contact" alert its months-old facts warrant; clear it to watch the rule work.
    await t.db.query(`delete from no_contact_alerts where case_id = $1`, [vorontsov]);
    await t.db.query(`delete from medical_alerts where case_id = $1 and kind = 'no_contact'`, [vorontsov]);
    const settings = await lawyer.put('/api/cases/vorontsov/contacts/settings', { noContactDays: 10 });
    assert.equal(settings.status, 200);
    assert.equal(settings.body.noContactDays, 10);
    assert.equal((await lawyer.put('/api/cases/vorontsov/contacts/settings', { noContactDays: 0 })).status, 400);
    const watch = t.app.get(NoContactWatch);
    const last = new Date(settings.body.lastContactAt);
    const nineDaysLater = new Date(last.getTime() + 9 * 86_400_000);
    assert.ok(!(await watch.check(nineDaysLater)).includes(vorontsov));
    const elevenDaysLater = new Date(last.getTime() + 11 * 86_400_000);
    assert.ok((await watch.check(elevenDaysLater)).includes(vorontsov));
    assert.deepEqual(await watch.check(elevenDaysLater), [], 'a second run opens nothing new');
    const alerts = await t.db.query(`select status, last_contact_at from no_contact_alerts where case_id = $1`, [vorontsov]);
    assert.equal(alerts.rows.length, 1);
    assert.equal(alerts.rows[0].last_contact_at.toISOString(), last.toISOString());
    // It lands in the medical alerts inbox, through the one alert mechanism.
    const inbox = await t.db.query(`select status, severity from medical_alerts where case_id = $1 and kind = 'no_contact'`, [vorontsov]);
    assert.equal(inbox.rows.length, 1);
    assert.equal(inbox.rows[0].status, 'open');
    assert.ok((await lawyer.get('/api/cases/vorontsov/contacts/settings')).body.noContactAlertOpenedAt);

    await lawyer.post('/api/cases/vorontsov/contacts', { kind: 'call', status: 'held', occurredAt: new Date(last.getTime() + 12 * 86_400_000).toISOString() });
    const after = await t.db.query(`select status from no_contact_alerts where case_id = $1`, [vorontsov]);
    assert.equal(after.rows[0].status, 'resolved');
  });

  it('runs the watch as a job for a case that has been silent since it was opened', async () => {
    const second = await caseId('second-case');
    await t.db.query(`update cases set created_at = now() - interval '15 days' where id = $1`, [second]);
    await t.app.get(JobsService).send('detention.no-contact-watch', {});
    let rows: unknown[] = [];
    for (let attempt = 0; attempt < 50 && rows.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = (await t.db.query(`select id from no_contact_alerts where case_id = $1 and status = 'open'`, [second])).rows;
    }
    assert.equal(rows.length, 1);
  });

  it('answers 404 to a lawyer of another case and 403 to finance', async () => {
    const lawyer2 = await t.signIn('lawyer2@demo.local');
    assert.equal((await lawyer2.get('/api/cases/vorontsov/contacts')).status, 404);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/contacts', { kind: 'call', status: 'held', occurredAt: '2026-11-21T10:00:00Z' })).status, 404);
    assert.equal((await lawyer2.get('/api/cases/vorontsov/contacts/trend')).status, 404);
    const theirs = (await lawyer.get('/api/cases/vorontsov/legal-actions')).body.items[0];
    const missing = await lawyer2.get('/api/legal-actions/00000000-0000-4000-8000-000000000000');
    const hidden = await lawyer2.get(`/api/legal-actions/${theirs.id}`);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.message, missing.body.message);
    assert.equal((await lawyer2.patch(`/api/legal-actions/${theirs.id}`, { status: 'dismissed' })).status, 404);
    assert.ok((await lawyer2.get('/api/legal-actions')).body.items.every((a: any) => a.caseSlug === 'second-case'));

    const finance = await t.signIn('finance@demo.local');
    assert.equal((await finance.get('/api/cases/vorontsov/contacts')).status, 403);
    assert.equal((await finance.get('/api/legal-actions')).status, 403);
    assert.equal((await finance.get('/api/legal-templates')).status, 403);
    // Drafting templates is legal work: the medic reads the case, not the lawyers' templates.
    const medic = await t.signIn('medic@demo.local');
    assert.equal((await medic.get('/api/legal-templates')).status, 403);
    assert.equal((await t.client().get('/api/legal-actions')).status, 401);
  });

  it('seeds the demo contact log and the legal actions of the two medical incidents', async () => {
    const admin = await t.signIn('admin@demo.local');
    const visits = await admin.get('/api/cases/vorontsov/contacts?kind=visit&limit=100');
    const demoVisits = visits.body.items.filter((item: any) => item.occurredAt.startsWith(arrestDay().toISOString().slice(0, 7)));
    assert.ok(demoVisits.some((v: any) => v.status === 'refused') && demoVisits.some((v: any) => v.status === 'held'));
    const medical = await admin.get('/api/cases/vorontsov/legal-actions?triggerType=medical_incident&limit=100');
    const summaries = medical.body.items.map((a: any) => a.triggerSummary);
    assert.ok(
      summaries.some((s: string) => s.includes('вызвана скорая медицинская помощь')),
      summaries.join('\n'),
    );
    // The hospitalisation added itself to the open motion on health grounds that the ambulance started.
    const custody = medical.body.items.find((a: any) => a.step === 'motion_custody_health');
    assert.ok(custody.alsoBecause.some((trigger: any) => trigger.incidentType === 'hospitalisation'));
    // The legal actions cite the medical record's facts: same time, same type.
    const incidents = (await admin.get('/api/cases/vorontsov/medical-incidents?limit=100')).body.items;
    const ambulance = incidents.find((i: any) => i.type === 'ambulance_call');
    assert.equal(custody.trigger.occurredAt, ambulance.occurredAt);
    assert.equal(custody.trigger.id, ambulance.id);
    assert.equal(custody.alsoBecause[0].occurredAt, incidents.find((i: any) => i.type === 'hospitalisation').occurredAt);
    assert.ok(medical.body.items.some((a: any) => a.step === 'motion_custody_health'));
    assert.ok(medical.body.items.some((a: any) => a.status === 'filed'));
  });
});
