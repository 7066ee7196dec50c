import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('family intake: links, reports, receipts, triage, emergencies', () => {
  let t: TestApp;
  let f: Fixtures;
  let lawyer: FixtureUser;
  let medic: FixtureUser;
  let outsider: FixtureUser;
  let finance: FixtureUser;
  let theCase: FixtureCase;

  const newLink = async () => {
    const created = await lawyer.client.post(`/api/cases/${theCase.id}/intake-links`, { label: 'мать' });
    assert.equal(created.status, 201, created.text);
    const token = String(created.body.url).split('/').pop()!;
    return { id: created.body.id as string, url: created.body.url as string, token };
  };

  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    [lawyer, medic, outsider, finance] = await Promise.all([f.newUser('lawyer'), f.newUser('medical'), f.newUser('lawyer'), f.newUser('finance')]);
    theCase = await f.newCase({ members: [lawyer, medic] });
  });
  after(async () => {
    await t?.close();
  });

  it('takes a report through the link, answers a receipt, and the status says only the status', async () => {
    const link = await newLink();
    assert.match(link.url, /\/intake\/[A-Za-z0-9_-]{40,}$/);
    const sent = await t.client().post(`/api/public/intake/${link.token}`, {
      what: 'Передачу не приняли, сказали, что лимит выбран',
      when: 'вчера',
      where: 'СИЗО-1',
      howKnown: 'сама была',
    });
    assert.equal(sent.status, 201, sent.text);
    assert.deepEqual(Object.keys(sent.body), ['receipt']);
    const status = await t.client().get(`/api/public/intake/${link.token}/status/${encodeURIComponent(sent.body.receipt)}`);
    assert.equal(status.status, 200, status.text);
    assert.deepEqual(status.body, { status: 'received' });
    assert.doesNotMatch(status.text, /Передачу|СИЗО|вчера/);

    const inbox = await medic.client.get(`/api/cases/${theCase.id}/intake-reports`);
    assert.equal(inbox.status, 200, inbox.text);
    const report = inbox.body.items.find((item: { what: string }) => item.what.startsWith('Передачу не приняли'));
    assert.ok(report, 'the report is in the triage inbox');
    assert.equal(report.linkLabel, 'мать');
    assert.equal(report.emergency, false);
    const seen = await t.client().get(`/api/public/intake/${link.token}/status/${sent.body.receipt.toLowerCase().replace(/-/g, ' ')}`);
    assert.deepEqual(seen.body, { status: 'seen' }, 'reading it in the inbox marks it seen; the code is read as typed');
    assert.equal((await t.client().get(`/api/public/intake/${link.token}/status/AAAA-BBBB-CCCC`)).status, 404);
  });

  it('keeps reports sealed at rest and never stores the sender address', async () => {
    const link = await newLink();
    const sent = await t.client().post(`/api/public/intake/${link.token}`, { what: 'Уникальная-фраза-для-проверки-шифрования' });
    assert.equal(sent.status, 201);
    const { rows } = await t.db.query(`select * from intake_reports`);
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes('Уникальная-фраза'), 'content is encrypted');
    assert.ok(!dump.includes('127.0.0.1') && !dump.includes('::1'), 'no address in the reports');
    const hits = await t.db.query(`select bucket from public_rate_hits`);
    assert.ok(
      hits.rows.every((row) => !String(row.bucket).includes('127.0.0.1') && !String(row.bucket).includes('::1')),
      'rate limits keep no address',
    );
    const audit = await t.db.query(`select ip from audit_log where entity_type in ('intake_report', 'medical_alert') and actor_id is null`);
    assert.ok(audit.rows.every((row) => row.ip === null));
  });

  it('answers 404 to a revoked link, on the API and on the form page', async () => {
    const link = await newLink();
    const sent = await t.client().post(`/api/public/intake/${link.token}`, { what: 'до отзыва' });
    assert.equal(sent.status, 201);
    assert.equal((await fetch(`${t.baseUrl}/intake/${link.token}`)).status, 200);
    assert.equal((await lawyer.client.delete(`/api/intake-links/${link.id}`)).status, 204);
    assert.equal((await t.client().post(`/api/public/intake/${link.token}`, { what: 'после отзыва' })).status, 404);
    assert.equal((await t.client().get(`/api/public/intake/${link.token}/status/${sent.body.receipt}`)).status, 404);
    const page = await fetch(`${t.baseUrl}/intake/${link.token}`);
    assert.equal(page.status, 404);
    assert.match(await page.text(), /больше не действует|no longer valid/);
    assert.equal((await lawyer.client.delete(`/api/intake-links/${link.id}`)).status, 404);
    assert.equal((await t.client().post(`/api/public/intake/${'x'.repeat(43)}`, { what: 'x' })).status, 404);
  });

  it('answers 404 to an expired link', async () => {
    const link = await newLink();
    await t.db.query(`update intake_links set expires_at = now() - interval '1 minute' where id = $1`, [link.id]);
    assert.equal((await t.client().post(`/api/public/intake/${link.token}`, { what: 'поздно' })).status, 404);
  });

  it('opens a medical alert at once for a report of a health emergency', async () => {
    const link = await newLink();
    const sent = await t.client().post(`/api/public/intake/${link.token}`, { what: 'Ему ночью вызывали скорую, давление 200 на 120, в больницу не повезли' });
    assert.equal(sent.status, 201, sent.text);
    const alerts = await medic.client.get(`/api/medical-alerts?status=open&caseId=${theCase.id}`);
    assert.equal(alerts.status, 200, alerts.text);
    const alert = alerts.body.items.find((item: { kind: string }) => item.kind === 'family_report');
    assert.ok(alert, 'an open family-report alert');
    assert.equal(alert.severity, 'critical');
    const inbox = await lawyer.client.get(`/api/cases/${theCase.id}/intake-reports`);
    const report = inbox.body.items.find((item: { what: string }) => item.what.includes('давление 200 на 120'));
    assert.equal(report.emergency, true);
    assert.equal(report.alertId, alert.id);
  });

  it('takes a multipart report with files from the allow-list, encrypted in the file store', async () => {
    const link = await newLink();
    const body = new FormData();
    body.append('what', 'Фото справки из медчасти');
    body.append('language', 'ru');
    body.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'справка.png');
    const sent = await t.client().post(`/api/public/intake/${link.token}`, body);
    assert.equal(sent.status, 201, sent.text);
    const inbox = await lawyer.client.get(`/api/cases/${theCase.id}/intake-reports`);
    const report = inbox.body.items.find((item: { what: string }) => item.what === 'Фото справки из медчасти');
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].name, 'справка.png');
    assert.equal(report.files[0].mimeType, 'image/png');
    const download = await fetch(`${t.baseUrl}/api/intake-reports/${report.id}/files/${report.files[0].id}`, {
      headers: { cookie: [...lawyer.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);
    const storeDir = join(t.config.dataDir, 'files');
    const stored = filesUnder(storeDir).filter((path) => !path.startsWith(join(storeDir, 'tmp')));
    assert.ok(stored.length > 0);
    const plain = stored.filter((path) => readFileSync(path).includes(PNG.subarray(0, 16)));
    assert.deepEqual(plain, [], 'no stored file holds the plain PNG');

    const refused = new FormData();
    refused.append('what', 'исполняемый файл');
    refused.append('files', new Blob([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00'), Buffer.alloc(64)]), 'a.exe');
    assert.equal((await t.client().post(`/api/public/intake/${link.token}`, refused)).status, 415);
    assert.equal((await t.client().post(`/api/public/intake/${link.token}`, { when: 'без текста' })).status, 400);
  });

  it('turns a report into a medical incident, a document and a contact entry, keeping the link', async () => {
    const link = await newLink();
    const sent = await t.client().post(`/api/public/intake/${link.token}`, { what: 'Не дали свидание, врач не осматривал', where: 'СИЗО-1' });
    assert.equal(sent.status, 201);
    const inbox = await medic.client.get(`/api/cases/${theCase.id}/intake-reports`);
    const report = inbox.body.items.find((item: { what: string }) => item.what.startsWith('Не дали свидание'));

    const incident = await medic.client.post(`/api/intake-reports/${report.id}/convert`, {
      into: 'medical_incident',
      type: 'denied_care',
      severity: 'moderate',
    });
    assert.equal(incident.status, 201, incident.text);
    const stored = await medic.client.get(`/api/medical-incidents/${incident.body.id}`);
    assert.equal(stored.body.source, 'family');
    assert.match(stored.body.description, /Не дали свидание/);

    assert.equal((await medic.client.post(`/api/intake-reports/${report.id}/convert`, { into: 'contact_event' })).status, 403);
    const contact = await lawyer.client.post(`/api/intake-reports/${report.id}/convert`, { into: 'contact_event', kind: 'visit', status: 'refused' });
    assert.equal(contact.status, 201, contact.text);
    const document = await lawyer.client.post(`/api/intake-reports/${report.id}/convert`, { into: 'document', title: 'Сообщение матери' });
    assert.equal(document.status, 201, document.text);
    const doc = await lawyer.client.get(`/api/documents/${document.body.id}`);
    assert.equal(doc.body.title, 'Сообщение матери');

    const after = await lawyer.client.get(`/api/cases/${theCase.id}/intake-reports`);
    const converted = after.body.items.find((item: { id: string }) => item.id === report.id);
    assert.equal(converted.status, 'acted_on');
    assert.deepEqual(
      converted.conversions.map((c: { into: string; id: string }) => [c.into, c.id]),
      [
        ['medical_incident', incident.body.id],
        ['contact_event', contact.body.id],
        ['document', document.body.id],
      ],
    );
    assert.deepEqual((await t.client().get(`/api/public/intake/${link.token}/status/${sent.body.receipt}`)).body, { status: 'acted_on' });
    assert.equal((await lawyer.client.post(`/api/intake-reports/${report.id}/convert`, { into: 'document', fileId: report.id })).status, 400);
  });

  it('shows the inbox only to lawyers and medical staff of the case', async () => {
    assert.equal((await outsider.client.get(`/api/cases/${theCase.id}/intake-reports`)).status, 404);
    assert.equal((await finance.client.get(`/api/cases/${theCase.id}/intake-reports`)).status, 403);
    assert.equal((await medic.client.post(`/api/cases/${theCase.id}/intake-links`, {})).status, 403);
    assert.equal((await outsider.client.post(`/api/cases/${theCase.id}/intake-links`, {})).status, 404);
  });

  it('limits reports per link', async () => {
    const link = await newLink();
    await t.db.query(`delete from public_rate_hits`);
    for (let i = 0; i < 20; i++) assert.equal((await t.client().post(`/api/public/intake/${link.token}`, { what: `сообщение ${i}` })).status, 201);
    assert.equal((await t.client().post(`/api/public/intake/${link.token}`, { what: 'лишнее' })).status, 429);
  });

  it('serves the form, the receipt and the status as pages that work without JavaScript', async () => {
    const link = await newLink();
    const page = await fetch(`${t.baseUrl}/intake/${link.token}?lang=en`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post" action="\/intake\/[^"]+\?lang=en" enctype="multipart\/form-data">/);
    assert.match(html, /noindex/);
    const body = new FormData();
    body.append('language', 'en');
    body.append('what', 'He says he was refused his medicine');
    const sent = await fetch(`${t.baseUrl}/intake/${link.token}?lang=en`, { method: 'POST', body });
    assert.equal(sent.status, 201);
    const receipt = /data-receipt>([0-9A-Z-]+)</.exec(await sent.text())?.[1];
    assert.ok(receipt);
    const status = await fetch(`${t.baseUrl}/intake/${link.token}/status?lang=en&receipt=${receipt}`).then((r) => r.text());
    assert.match(status, /Received, not read yet/);
    assert.doesNotMatch(status, /medicine/);
  });
});
