import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DocumentsService } from '../src/documents/documents.service';
import { form } from './support/document-files';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** A word no other test writes, so each assertion sees exactly its own documents. */
const word = (what: string) =>
  `${what}${randomBytes(4)
    .toString('hex')
    .replace(/[0-9a-f]/g, (c) => 'бвгджзклмнпрстфх'[parseInt(c, 16)])}`;
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

describe('document search', () => {
  let t: TestApp;
  let f: Fixtures;
  let lawyer: FixtureUser;
  let otherLawyer: FixtureUser;
  let medic: FixtureUser;
  let theCase: FixtureCase;
  let otherCase: FixtureCase;

  async function upload(by: HttpClient, caseId: string, text: string, fields: Record<string, string>): Promise<string> {
    const created = await by.post(`/api/cases/${caseId}/documents`, form(Buffer.from(text), 'text.txt', { kind: 'memo', ...fields }));
    assert.equal(created.status, 201, created.text);
    await waitFor(`the text of ${fields.title} extracted`, async () => {
      const { rows } = await t.db.query(`select text_status from document_versions where document_id = $1`, [created.body.id]);
      return rows[0]?.text_status === 'done';
    });
    return created.body.id;
  }

  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    [lawyer, otherLawyer, medic] = [await f.newUser('lawyer'), await f.newUser('lawyer'), await f.newUser('medical')];
    theCase = await f.newCase({ members: [lawyer, medic] });
    otherCase = await f.newCase({ members: [otherLawyer] });
  });
  after(async () => {
    await t?.close();
  });

  it('answers newest first by document date (filing date, else upload), and pages without gaps or repeats', async () => {
    const common = word('ходатайство');
    const filed = ['2026-03-02T09:00:00Z', '2025-11-20T09:00:00Z', '2026-01-15T09:00:00Z'];
    const byDate = new Map<string, string>();
    for (const [i, filedAt] of filed.entries()) {
      byDate.set(filedAt, await upload(lawyer.client, theCase.id, `Текст ${common} номер ${i}`, { title: `Filed ${i}`, filedAt }));
    }
    const unfiled = await upload(lawyer.client, theCase.id, `Черновик: ${common}`, { title: 'Draft, not filed' });
    const expected = [
      unfiled,
      ...[...filed]
        .sort()
        .reverse()
        .map((at) => byDate.get(at)!),
    ];
    const first = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(common)}&limit=3`);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(ids(first.body), expected.slice(0, 3));
    const second = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(common)}&limit=3&cursor=${first.body.nextCursor}`);
    assert.deepEqual(ids(second.body), expected.slice(3));
    assert.equal(second.body.nextCursor, null);
  });

  it('filters by kind, status, case and a range of document dates (Moscow days), and refuses a backwards range', async () => {
    const topic = word('жалоба');
    const appeal = await upload(lawyer.client, theCase.id, `О ${topic}`, { title: 'Appeal', kind: 'appeal', status: 'filed', filedAt: '2026-02-10T22:30:00Z' });
    const memo = await upload(lawyer.client, theCase.id, `О ${topic}`, { title: 'Memo', kind: 'memo', filedAt: '2026-02-12T08:00:00Z' });
    const elsewhere = await upload(otherLawyer.client, otherCase.id, `О ${topic}`, { title: 'Other case', kind: 'appeal' });
    const search = (query: string, by = f.admin) => by.get(`/api/documents?q=${encodeURIComponent(topic)}&${query}`);
    assert.deepEqual(ids((await search('kind=appeal')).body).sort(), [appeal, elsewhere].sort());
    assert.deepEqual(ids((await search('status=filed')).body), [appeal]);
    assert.deepEqual(ids((await search(`caseId=${theCase.id}`)).body).sort(), [appeal, memo].sort());
    assert.deepEqual(ids((await lawyer.client.get(`/api/cases/${theCase.slug}/documents?q=${encodeURIComponent(topic)}`)).body).sort(), [appeal, memo].sort());
    // 22:30 UTC on the 10th is 01:30 on the 11th in Moscow.
    assert.deepEqual(ids((await search(`caseId=${theCase.id}&from=2026-02-11&to=2026-02-11`)).body), [appeal]);
    assert.deepEqual(ids((await search(`caseId=${theCase.id}&from=2026-02-12`)).body), [memo]);
    assert.deepEqual(ids((await search(`caseId=${theCase.id}&to=2026-02-10`)).body), []);
    const backwards = await search('from=2026-02-12&to=2026-02-11');
    assert.equal(backwards.status, 400);
    assert.match(backwards.body.message, /to/);
    assert.equal((await search(`caseId=${otherCase.id}`, lawyer.client)).status, 404, 'a case the reader is not on is not there');
  });

  it('finds court case numbers whole or in part, and surnames in any case ending, by trigram', async () => {
    const number = `${1 + (randomBytes(1)[0] % 9)}/2-2026-${(randomBytes(2).readUInt16BE() % 9000) + 1000}`;
    // The stemmer takes "-ов" off the name and "-ой" off its declined form: full text alone misses it.
    const surname = `${word('Щ')}ов`;
    const ruling = await upload(lawyer.client, theCase.id, `Постановление по делу № ${number}. Защитник обвиняемой ${surname}ой заявил ходатайство.`, {
      title: 'Ruling',
      kind: 'ruling',
    });
    for (const q of [number, number.slice(2), `"${number}"`, surname]) {
      const found = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(q)}`);
      assert.equal(found.status, 200, found.text);
      assert.deepEqual(ids(found.body), [ruling], q);
    }
    const byName = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(surname)}`);
    assert.match(byName.body.items[0].snippet, new RegExp(`««${surname}ой»»`));
    const byNumber = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(number)}`);
    assert.match(byNumber.body.items[0].snippet, new RegExp(`««${number.replace(/\//g, '\\/')}»»`));
  });

  it('keeps privileged documents and other cases out of every kind of match', async () => {
    const number = `7/1-2026-${(randomBytes(2).readUInt16BE() % 9000) + 1000}`;
    const secret = word('тайна');
    const privileged = await upload(lawyer.client, theCase.id, `Позиция защиты: ${secret}, дело ${number}`, {
      title: 'Privileged position',
      privileged: 'true',
    });
    for (const q of [secret, number, number.slice(4)]) {
      const path = `/api/documents?q=${encodeURIComponent(q)}`;
      assert.deepEqual(ids((await lawyer.client.get(path)).body), [privileged], `lawyer of the case: ${q}`);
      assert.deepEqual(ids((await f.admin.get(path)).body), [privileged], `admin: ${q}`);
      assert.deepEqual(ids((await medic.client.get(path)).body), [], `medic of the case: ${q}`);
      assert.deepEqual(ids((await otherLawyer.client.get(path)).body), [], `lawyer of another case: ${q}`);
      assert.deepEqual(ids((await medic.client.get(`/api/cases/${theCase.id}/documents?q=${encodeURIComponent(q)}`)).body), [], `medic in the case: ${q}`);
    }
  });

  it('builds snippets from the sealed text, which is never stored in plaintext', async () => {
    const rare = word('кассация');
    const id = await upload(lawyer.client, theCase.id, `Первая строка.\nСуд отклонил ${rare} защиты и назначил новое заседание.`, { title: 'Sealed' });
    const { rows } = await t.db.query(`select extracted_text from document_versions where document_id = $1`, [id]);
    assert.match(rows[0].extracted_text, /^v\d+:/, 'sealed in the database');
    assert.ok(!rows[0].extracted_text.includes(rare));
    const found = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(rare)}`);
    assert.equal(found.body.items[0].snippet, `Первая строка. Суд отклонил ««${rare}»» защиты и назначил новое заседание`);
  });

  it('seals texts an earlier version left in plaintext, at start-up, and they stay searchable', async () => {
    const leftover = word('протокол');
    const id = await upload(lawyer.client, theCase.id, 'placeholder', { title: 'Upgraded' });
    const { rows } = await t.db.query(`select id from document_versions where document_id = $1`, [id]);
    // What migration 1796026973558 leaves behind on an upgraded database.
    await t.db.query(`update document_versions set extracted_text = null where id = $1`, [rows[0].id]);
    await t.db.query(`insert into document_text_backlog (version_id, text) values ($1, $2)`, [rows[0].id, `Старый ${leftover}`]);
    await t.app.get(DocumentsService).onApplicationBootstrap();
    assert.equal((await t.db.query(`select count(*)::int as n from document_text_backlog`)).rows[0].n, 0);
    const sealed = (await t.db.query(`select extracted_text from document_versions where id = $1`, [rows[0].id])).rows[0].extracted_text;
    assert.match(sealed, /^v\d+:/);
    const found = await lawyer.client.get(`/api/documents?q=${encodeURIComponent(leftover)}`);
    assert.deepEqual(ids(found.body), [id]);
    assert.equal(found.body.items[0].snippet, `Старый ««${leftover}»»`);
  });
});
