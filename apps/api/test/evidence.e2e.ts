import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { writeBackup } from '../src/backup/backup.service';
import { form, makePdf } from './support/document-files';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(client: HttpClient, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Runs `npm run audit:verify` as built (the CLI), on a backup archive; resolves with its exit code and output. */
async function auditVerifyCli(archive: string): Promise<{ code: number; output: string }> {
  const cli = join(__dirname, '../src/audit/audit-verify-cli.js');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, archive], { timeout: 120_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** The standalone checker a court clerk would run: `sh scripts/verify-dossier.sh ZIP [SHA256]`. */
async function verifyDossierScript(zip: Buffer, expected?: string): Promise<{ code: number; output: string }> {
  const work = mkdtempSync(join(tmpdir(), 'habeas-dossier-'));
  try {
    writeFileSync(join(work, 'dossier.zip'), zip);
    const script = join(__dirname, '../../../../scripts/verify-dossier.sh');
    const { stdout } = await promisify(execFile)('sh', [script, join(work, 'dossier.zip'), ...(expected ? [expected] : [])]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Polls the dossier until it is finished (or the deadline passes). */
async function finished(client: HttpClient, id: string, deadlineMs = 90_000) {
  const until = Date.now() + deadlineMs;
  const seen = new Set<number>();
  for (;;) {
    const { status, body } = await client.get(`/api/dossiers/${id}`);
    assert.equal(status, 200);
    seen.add(body.progress);
    if (body.status === 'done' || body.status === 'failed') return { dossier: body, progressSeen: seen };
    if (Date.now() > until) assert.fail(`dossier ${id} still ${body.status} at ${body.progress}%`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('evidence: dossiers and the audit chain', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  let lawyer2: HttpClient;
  let medic: HttpClient;
  let admin: HttpClient;

  before(async () => {
    t = await startTestApp();
    [lawyer, lawyer2, medic, admin] = await Promise.all(['lawyer', 'lawyer2', 'medic', 'admin'].map((name) => t.signIn(`${name}@demo.local`)));
  });
  after(async () => {
    await t?.close();
  });

  it('keeps the audit chain whole across concurrent writers and reports its head', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? lawyer : medic).get('/api/cases/vorontsov/medical-incidents')));
    const verified = await admin.get('/api/audit-log/verify');
    assert.equal(verified.status, 200, verified.text);
    const { rows } = await t.db.query(`select count(*)::int as n from audit_log`);
    assert.deepEqual({ ok: verified.body.ok, entries: verified.body.entries }, { ok: true, entries: rows[0].n });
    assert.match(verified.body.head, /^[0-9a-f]{64}$/);
    const { rows: head } = await t.db.query(`select hash from audit_chain order by seq desc limit 1`);
    assert.equal(verified.body.head, head[0].hash);
  });

  it('lets only admins verify the chain', async () => {
    assert.equal((await lawyer.get('/api/audit-log/verify')).status, 403);
    assert.equal((await t.client().get('/api/audit-log/verify')).status, 401);
  });

  it('refuses a dossier in another language or with the range reversed', async () => {
    assert.equal((await lawyer.post('/api/cases/vorontsov/dossiers', { language: 'de' })).status, 400);
    const reversed = await lawyer.post('/api/cases/vorontsov/dossiers', { language: 'ru', from: '2026-06-01', to: '2026-05-01' });
    assert.equal(reversed.status, 400);
    assert.match(reversed.text, /from/);
  });

  it('answers 403 to medical staff and 404 to a lawyer of another case', async () => {
    assert.equal((await medic.post('/api/cases/vorontsov/dossiers', { language: 'ru' })).status, 403);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/dossiers', { language: 'ru' })).status, 404);
  });

  it("builds the demo case's dossier in Russian with every attached file hashed in its manifest", async () => {
    const theCase = (await lawyer.get('/api/cases/vorontsov')).body;
    const custody = (await lawyer.get('/api/cases/vorontsov/custody-events')).body.items as Array<{ facilityName: string | null }>;
    const incidents = (await lawyer.get('/api/cases/vorontsov/medical-incidents')).body.items as Array<{ id: string; type: string }>;
    assert.ok(incidents.length > 0, 'the demo case has medical incidents');
    const own = (await lawyer.get('/api/cases/vorontsov/documents?limit=3')).body.items as Array<{ id: string; title: string }>;
    const foreign = (await lawyer2.get('/api/cases/second-case/documents?limit=1')).body.items[0] as { id: string; title: string };
    assert.ok(own.length >= 2 && foreign, 'both cases have documents');

    const requested = await lawyer.post('/api/cases/vorontsov/dossiers', { language: 'ru', includeDocuments: [...own.map((d) => d.id), foreign.id] });
    assert.equal(requested.status, 202, requested.text);
    const { dossier } = await finished(lawyer, requested.body.id);
    assert.equal(dossier.status, 'done', dossier.error ?? '');
    assert.equal(dossier.progress, 100);
    assert.equal(dossier.caseId, theCase.id);

    const file = await download(lawyer, `/api/dossiers/${dossier.id}/download`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/zip');
    assert.equal(sha256(file.bytes), dossier.sha256, 'the stored hash is the hash of the bytes served');
    const zip = await JSZip.loadAsync(file.bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    assert.equal(manifest.auditHead, dossier.auditHead);
    assert.match(manifest.auditHead, /^[0-9a-f]{64}$/);
    assert.equal(manifest.generatedBy.email, 'lawyer@demo.local');
    assert.equal(manifest.parameters.language, 'ru');
    const paths = manifest.files.map((f: { path: string }) => f.path);
    assert.equal(paths[0], 'dossier.pdf');
    assert.equal(paths.filter((p: string) => p.startsWith('documents/')).length, own.length, "the other case's document is absent");
    for (const entry of manifest.files as Array<{ path: string; size: number; sha256: string }>) {
      const bytes = await zip.file(entry.path)!.async('uint8array');
      assert.equal(bytes.length, entry.size, entry.path);
      assert.equal(sha256(bytes), entry.sha256, entry.path);
    }
    const sums = (await zip.file('SHA256SUMS')!.async('string')).trim().split('\n');
    assert.equal(sums.length, manifest.files.length + 1);
    const manifestBytes = await zip.file('manifest.json')!.async('uint8array');
    assert.ok(sums.includes(`${sha256(manifestBytes)}  manifest.json`));

    const checked = await verifyDossierScript(file.bytes, dossier.sha256);
    assert.equal(checked.code, 0, checked.output);
    assert.match(checked.output, /OK: every file matches the manifest/);
    const tampered = await JSZip.loadAsync(file.bytes);
    tampered.file(paths[1], 'a forged document');
    const forged = await verifyDossierScript(await tampered.generateAsync({ type: 'nodebuffer' }));
    assert.equal(forged.code, 1, forged.output);
    assert.match(forged.output, /FAILED/);
    const padded = await JSZip.loadAsync(file.bytes);
    padded.file('documents/999-planted.pdf', 'planted evidence');
    const planted = await verifyDossierScript(await padded.generateAsync({ type: 'nodebuffer' }));
    assert.equal(planted.code, 1, planted.output);
    assert.match(planted.output, /FAILED: files added to or removed from the archive:\n> documents\/999-planted\.pdf/);

    const text = await pdfText(await zip.file('dossier.pdf')!.async('uint8array'));
    assert.match(text, /Досье по делу/);
    assert.match(text, /Медицинская хронология/);
    assert.match(text, /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\./);
    assert.match(text, /МСК/);
    for (const name of new Set(custody.map((event) => event.facilityName).filter(Boolean))) assert.ok(text.includes(name!), `facility ${name}`);
    if (theCase.courtCaseNumber) assert.ok(text.includes(theCase.courtCaseNumber), 'court case number');
    assert.ok(text.includes('Вызов скорой помощи') || text.includes('Госпитализация') || text.includes('Перевод в больницу'));
    for (const document of own) assert.ok(text.includes(document.title.slice(0, 20)), `index lists ${document.title}`);
    assert.ok(!text.includes(foreign.title), 'the index leaves out what the maker may not see');
    assert.doesNotMatch(text, /Раздел не включён/);

    const { rows } = await t.db.query(`select count(*)::int as n from audit_log where action = 'dossier.download' and details->>'dossierId' = $1`, [
      dossier.id,
    ]);
    assert.equal(rows[0].n, 1, 'the download is audited');
    assert.equal((await lawyer2.get(`/api/dossiers/${dossier.id}`)).status, 404);
    assert.equal((await download(lawyer2, `/api/dossiers/${dossier.id}/download`)).status, 404);
  });

  it('shows the chain of custody of each version: who, when, from where, and the hash', async () => {
    const first = await makePdf('Motion, first draft');
    const created = await lawyer.post(
      '/api/cases/vorontsov/documents',
      form(first, 'ходатайство.pdf', { title: 'Ходатайство о независимом враче', kind: 'motion' }),
    );
    assert.equal(created.status, 201, created.text);
    const second = await makePdf('Motion, second draft');
    assert.equal((await lawyer.post(`/api/documents/${created.body.id}/versions`, form(second, 'ходатайство-2.pdf'))).status, 201);
    const custody = await lawyer.get(`/api/documents/${created.body.id}/custody`);
    assert.equal(custody.status, 200, custody.text);
    assert.deepEqual(
      custody.body.items.map((entry: { version: number; sha256: string; uploadedBy: { name: string } }) => [
        entry.version,
        entry.sha256,
        entry.uploadedBy.name,
      ]),
      [
        [1, sha256(first), custody.body.items[0].uploadedBy.name],
        [2, sha256(second), custody.body.items[0].uploadedBy.name],
      ],
    );
    assert.ok(custody.body.items[0].uploadedBy.name.length > 0);
    assert.match(custody.body.items[1].ip, /127\.0\.0\.1|::1/);
    assert.equal((await lawyer2.get(`/api/documents/${created.body.id}/custody`)).status, 404);
  });

  it('writes the dossier in English and says when a period holds no incidents', async () => {
    const requested = await admin.post('/api/cases/vorontsov/dossiers', { language: 'en', from: '2000-01-01', to: '2000-01-02' });
    assert.equal(requested.status, 202);
    const { dossier } = await finished(admin, requested.body.id);
    assert.equal(dossier.status, 'done');
    const zip = await JSZip.loadAsync((await download(admin, `/api/dossiers/${dossier.id}/download`)).bytes);
    const text = await pdfText(await zip.file('dossier.pdf')!.async('uint8array'));
    assert.match(text, /Case dossier/);
    assert.match(text, /No medical incidents were recorded in this period/);
    assert.match(text, /1 January 2000/);
  });

  it('finds where the chain breaks when a superuser edits history past the trigger, online and offline from a backup', async () => {
    const work = mkdtempSync(join(tmpdir(), 'habeas-audit-'));
    after(() => rmSync(work, { recursive: true, force: true }));
    const intact = await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'no-files'), out: join(work, 'intact.tar.gz') });
    assert.match(intact.auditHead ?? '', /^[0-9a-f]{64}$/);
    const offline = await auditVerifyCli(join(work, 'intact.tar.gz'));
    assert.equal(offline.code, 0, offline.output);
    assert.match(offline.output, new RegExp(`audit chain intact: \\d+ entries, head ${intact.auditHead}`));
    assert.match(offline.output, /matches the head recorded/);

    const { rows } = await t.db.query(`select c.seq, c.entry_id from audit_chain c order by c.seq limit 1 offset 4`);
    const [{ seq, entry_id: entryId }] = rows;
    await t.db.query(`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await t.db.query(`update audit_log set action = action || '.edited' where id = $1`, [entryId]);
    } finally {
      await t.db.query(`alter table audit_log enable trigger audit_log_append_only`);
    }
    const verified = await admin.get('/api/audit-log/verify');
    assert.equal(verified.status, 200);
    assert.equal(verified.body.ok, false);
    assert.deepEqual(verified.body.brokenAt, { seq: Number(seq), entryId, reason: 'entry_changed' });
    assert.equal(verified.body.entries, Number(seq) - 1);

    await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'no-files'), out: join(work, 'edited.tar.gz') });
    const edited = await auditVerifyCli(join(work, 'edited.tar.gz'));
    assert.equal(edited.code, 1, edited.output);
    assert.match(edited.output, new RegExp(`BROKEN at entry ${seq} \\(entry_changed, entry ${entryId}\\)`));
  });
});
