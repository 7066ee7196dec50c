import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { form, makeDocx, makePdf } from './support/document-files';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function download(client: HttpClient, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function textDone(t: TestApp, documentId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await t.db.query(`select text_status from document_versions where document_id = $1 order by number desc limit 1`, [documentId]);
    if (rows[0] && rows[0].text_status !== 'pending') {
      assert.equal(rows[0].text_status, 'done');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`text of ${documentId} never extracted`);
}

describe('documents', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  let lawyer2: HttpClient;
  let medic: HttpClient;
  let finance: HttpClient;
  let admin: HttpClient;
  let privilegedId: string;

  before(async () => {
    t = await startTestApp({ seed: false });
    const started = performance.now();
    await t.app.get(DemoSeeder).seedIfEmpty();
    console.log(`demo seed (all areas, incl. 4 generated PDFs): ${(performance.now() - started).toFixed(0)} ms`);
    [lawyer, lawyer2, medic, finance, admin] = await Promise.all(
      ['lawyer', 'lawyer2', 'medic', 'finance', 'admin'].map((name) => t.signIn(`${name}@demo.local`)),
    );
    const { rows } = await t.db.query(`select id from documents where privileged limit 1`);
    privilegedId = rows[0].id;
  });
  after(async () => {
    await t?.close();
  });

  it('stores an upload byte for byte, with its SHA-256, and streams it back as an attachment', async () => {
    const bytes = await makePdf('Motion to change the measure of restraint');
    const created = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(bytes, 'Ходатайство №1.pdf', { title: 'Ходатайство', kind: 'motion', tags: 'bail, арест' }),
    );
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.versions.length, 1);
    assert.equal(created.body.versions[0].sha256, sha256(bytes));
    assert.equal(created.body.versions[0].size, bytes.length);
    assert.equal(created.body.versions[0].mimeType, 'application/pdf');
    assert.deepEqual(created.body.tags, ['bail', 'арест']);
    const file = await download(lawyer, `/api/documents/${created.body.id}/download`);
    assert.equal(file.status, 200);
    assert.ok(file.bytes.equals(bytes));
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-disposition')!, /^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''%D0%A5/);
    const folder = join(t.config.dataDir, 'files', sha256(bytes).slice(0, 2), sha256(bytes).slice(2, 4));
    const stored = readdirSync(folder);
    assert.deepEqual(stored, [sha256(bytes)]);
    // At rest: encrypted, and readable by the app's user only.
    const onDisk = readFileSync(join(folder, stored[0]));
    assert.equal(onDisk.subarray(0, 4).toString(), 'HBF1');
    assert.equal(onDisk.includes(Buffer.from('%PDF')), false, 'the stored file shows its plaintext');
    assert.equal(statSync(join(folder, stored[0])).mode & 0o777, 0o600);
    for (const dir of [join(t.config.dataDir, 'files'), folder, join(folder, '..')]) assert.equal(statSync(dir).mode & 0o777, 0o700, dir);
  });

  it('keeps every version and downloads any of them by number', async () => {
    const first = Buffer.from('first draft of the complaint\n');
    const second = Buffer.from('second draft of the complaint, with the hospital transfer\n');
    const created = await lawyer.post('/api/cases/vorontsov/documents', form(first, 'complaint.txt', { title: 'Complaint', kind: 'complaint' }));
    assert.equal(created.status, 201, created.text);
    const added = await lawyer.post(`/api/documents/${created.body.id}/versions`, form(second, 'complaint-v2.txt'));
    assert.equal(added.status, 201, added.text);
    assert.deepEqual(
      added.body.versions.map((v: { number: number; sha256: string }) => [v.number, v.sha256]),
      [
        [2, sha256(second)],
        [1, sha256(first)],
      ],
    );
    const v2 = await download(lawyer, `/api/documents/${created.body.id}/download?version=2`);
    assert.ok(v2.bytes.equals(second));
    assert.equal(v2.headers.get('content-type'), 'text/plain; charset=utf-8');
    const v1 = await download(lawyer, `/api/documents/${created.body.id}/download?version=1`);
    assert.ok(v1.bytes.equals(first));
    assert.equal((await download(lawyer, `/api/documents/${created.body.id}/download?version=3`)).status, 404);
  });

  it('refuses types outside the allow-list with 415 and keeps no file', async () => {
    const before = await t.db.query(`select count(*)::int as n from document_versions`);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]);
    const response = await lawyer.post('/api/cases/vorontsov/documents', form(exe, 'report.pdf', { title: 'Not a PDF', kind: 'evidence' }));
    assert.equal(response.status, 415);
    assert.equal(response.body.statusCode, 415);
    const binary = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.from([0x41, 0, 0x42]), 'a.txt', { title: 'NUL text', kind: 'memo' }));
    assert.equal(binary.status, 415);
    const after = await t.db.query(`select count(*)::int as n from document_versions`);
    assert.equal(after.rows[0].n, before.rows[0].n);
    assert.deepEqual(readdirSync(join(t.config.dataDir, 'files', 'tmp')), []);
  });

  it('decides the type from the bytes, not the name: RTF and PNG accepted, a ZIP refused', async () => {
    const rtf = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(Buffer.from('{\\rtf1\\ansi Hello}'), 'letter.txt', { title: 'Letter', kind: 'correspondence' }),
    );
    assert.equal(rtf.status, 201, rtf.text);
    assert.equal(rtf.body.versions[0].mimeType, 'application/rtf');
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    const image = await lawyer.post('/api/cases/vorontsov/documents', form(png, 'photo.pdf', { title: 'Photo', kind: 'evidence' }));
    assert.equal(image.status, 201, image.text);
    assert.equal(image.body.versions[0].mimeType, 'image/png');
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200)]);
    assert.equal((await lawyer.post('/api/cases/vorontsov/documents', form(zip, 'a.docx', { title: 'Zip', kind: 'other' }))).status, 415);
  });

  it('answers 400 to missing fields and 403 to finance', async () => {
    const missing = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.from('hello'), 'a.txt', { kind: 'memo' }));
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /title/);
    const badKind = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.from('hello'), 'a.txt', { title: 'x', kind: 'poem' }));
    assert.equal(badKind.status, 400);
    assert.equal((await finance.get('/api/cases/vorontsov/documents')).status, 403);
    assert.equal((await finance.get('/api/documents')).status, 403);
    assert.equal((await finance.get(`/api/documents/${privilegedId}/download`)).status, 403);
  });

  it('sanitises hostile file names and never uses them as paths', async () => {
    const names = ['../../etc/passwd', 'evil\u0000name.txt', 'a'.repeat(500) + '.txt', '..\\..\\windows\\win.ini', '\u202Etxt.exe'];
    for (const name of names) {
      const response = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.from('plain words'), name, { title: 'Hostile', kind: 'other' }));
      assert.equal(response.status, 201, response.text);
      const stored: string = response.body.versions[0].originalName;
      assert.ok(!stored.includes('/') && !stored.includes('\\') && !stored.includes('\u0000') && !stored.includes('\u202E'), stored);
      assert.ok(stored.length <= 200, `${stored.length}`);
      assert.ok(!stored.startsWith('.'));
      const file = await download(lawyer, `/api/documents/${response.body.id}/download`);
      assert.equal(file.status, 200);
      assert.doesNotMatch(file.headers.get('content-disposition')!, /[\r\n]/);
    }
  });

  it('finds a word inside a PDF and inside a DOCX, ranked, with a highlighted snippet', async () => {
    const pdf = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(await makePdf('The witness mentioned zanzibarite twice'), 'w.pdf', { title: 'Witness notes', kind: 'evidence' }),
    );
    const docx = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(await makeDocx('Draft about quarkonium pricing'), 'd.docx', { title: 'Draft', kind: 'memo' }),
    );
    assert.equal(pdf.status, 201, pdf.text);
    assert.equal(docx.status, 201, docx.text);
    assert.equal(docx.body.versions[0].mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await textDone(t, pdf.body.id);
    await textDone(t, docx.body.id);
    const inPdf = await lawyer.get('/api/cases/vorontsov/documents?q=zanzibarite');
    assert.deepEqual(
      inPdf.body.items.map((d: { id: string }) => d.id),
      [pdf.body.id],
    );
    assert.match(inPdf.body.items[0].snippet, /««zanzibarite»»/);
    const inDocx = await lawyer.get('/api/documents?q=quarkonium');
    assert.deepEqual(
      inDocx.body.items.map((d: { id: string }) => d.id),
      [docx.body.id],
    );
    const russian = await lawyer.get('/api/documents?q=' + encodeURIComponent('апелляционной жалобы'));
    assert.ok(russian.body.items.some((d: { title: string }) => d.title.startsWith('Апелляционная жалоба')));
  });

  it('hides privileged documents from the medic and other cases from lawyer2 in list, get, download and search', async () => {
    const { rows } = await t.db.query(`select d.id from documents d join cases c on c.id = d.case_id where c.slug = 'vorontsov' and not d.privileged limit 1`);
    const ordinary = rows[0].id;
    const medicList = await medic.get('/api/cases/vorontsov/documents?limit=100');
    assert.equal(medicList.status, 200);
    assert.ok(medicList.body.items.length > 0);
    assert.ok(medicList.body.items.every((d: { privileged: boolean }) => !d.privileged));
    assert.equal((await medic.get(`/api/documents/${privilegedId}`)).status, 404);
    assert.equal((await download(medic, `/api/documents/${privilegedId}/download`)).status, 404);
    assert.equal((await medic.get('/api/documents?q=' + encodeURIComponent('адвокатская тайна'))).body.items.length, 0);
    assert.equal((await medic.patch(`/api/documents/${privilegedId}`, { title: 'x' })).status, 404);

    assert.equal((await lawyer2.get('/api/cases/vorontsov/documents')).status, 404);
    const upload = await lawyer2.post('/api/cases/vorontsov/documents', form(Buffer.from('sneaky'), 'x.txt', { title: 'Sneaky', kind: 'memo' }));
    assert.equal(upload.status, 404);
    assert.equal((await lawyer2.post(`/api/documents/${ordinary}/versions`, form(Buffer.from('sneaky'), 'x.txt'))).status, 404);
    assert.equal((await medic.post(`/api/documents/${privilegedId}/versions`, form(Buffer.from('sneaky'), 'x.txt'))).status, 404);
    assert.equal((await lawyer2.get(`/api/documents/${ordinary}`)).status, 404);
    assert.equal((await lawyer2.get(`/api/documents/${privilegedId}`)).status, 404);
    assert.equal((await download(lawyer2, `/api/documents/${ordinary}/download`)).status, 404);
    const all = await lawyer2.get('/api/documents?limit=100');
    const { rows: second } = await t.db.query(`select d.id from documents d join cases c on c.id = d.case_id where c.slug = 'second-case'`);
    assert.deepEqual(all.body.items.map((d: { id: string }) => d.id).sort(), second.map((r) => r.id).sort());
    assert.equal((await lawyer2.get('/api/documents?q=' + encodeURIComponent('Тверской'))).body.items.length, 0);

    assert.equal((await lawyer.get(`/api/documents/${privilegedId}`)).status, 200);
    assert.equal((await admin.get(`/api/documents/${privilegedId}`)).status, 200);
    const lawyerSearch = await lawyer.get('/api/documents?q=' + encodeURIComponent('адвокатская тайна'));
    assert.ok(lawyerSearch.body.items.some((d: { id: string }) => d.id === privilegedId));
  });

  it('records every download and preview in the audit log', async () => {
    const { rows } = await t.db.query(`select d.id from documents d where not d.privileged limit 1`);
    const id = rows[0].id;
    assert.equal((await download(medic, `/api/documents/${id}/download`)).status, 200);
    const preview = await download(medic, `/api/documents/${id}/download?inline=1`);
    assert.match(preview.headers.get('content-disposition')!, /^inline;/);
    const audit = await admin.get(`/api/audit-log?entityType=document&entityId=${id}`);
    const medicId = (await medic.get('/api/auth/me')).body.user.id;
    const actions = audit.body.items.filter((e: { actorId: string }) => e.actorId === medicId).map((e: { action: string }) => e.action);
    assert.ok(actions.includes('document.download'), JSON.stringify(actions));
    assert.ok(actions.includes('document.preview'), JSON.stringify(actions));
  });

  it('puts filings on the case timeline, privileged ones only for lawyers', async () => {
    const forLawyer = await lawyer.get('/api/cases/vorontsov/timeline?types=filing');
    const forMedic = await medic.get('/api/cases/vorontsov/timeline?types=filing');
    assert.equal(forLawyer.status, 200);
    assert.ok(
      forLawyer.body.items.some((i: { title: string }) => i.title.startsWith('Подан документ: Апелляционная жалоба')),
      JSON.stringify(forLawyer.body.items.map((i: { title: string }) => i.title)),
    );
    assert.ok(forMedic.body.items.length > 0);
    const { rows } = await t.db.query(`select id::text from documents where privileged`);
    assert.ok(!forMedic.body.items.some((i: { ref: string }) => rows.some((r) => r.id === i.ref)));
  });

  it('updates status and filing date, and pages lists with a cursor', async () => {
    const { rows } = await t.db.query(`select d.id from documents d where not d.privileged limit 1`);
    const patched = await lawyer.patch(`/api/documents/${rows[0].id}`, { status: 'accepted', filedAt: '2019-05-20T10:00:00Z' });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.status, 'accepted');
    const retitled = await lawyer.patch(`/api/documents/${rows[0].id}`, { title: 'Renamed xylophonic petition', tags: ['oboe'] });
    assert.equal(retitled.status, 200);
    const found = await lawyer.get('/api/documents?q=xylophonic%20oboe');
    assert.deepEqual(
      found.body.items.map((d: { id: string }) => d.id),
      [rows[0].id],
    );
    const firstPage = await lawyer.get('/api/cases/vorontsov/documents?limit=2');
    assert.equal(firstPage.body.items.length, 2);
    assert.ok(firstPage.body.nextCursor);
    const secondPage = await lawyer.get(`/api/cases/vorontsov/documents?limit=2&cursor=${firstPage.body.nextCursor}`);
    assert.ok(!secondPage.body.items.some((d: { id: string }) => firstPage.body.items.some((f: { id: string }) => f.id === d.id)));
    const filtered = await lawyer.get('/api/cases/vorontsov/documents?kind=appeal');
    assert.ok(filtered.body.items.length > 0 && filtered.body.items.every((d: { kind: string }) => d.kind === 'appeal'));
  });
});
