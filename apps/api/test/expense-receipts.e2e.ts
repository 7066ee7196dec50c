import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expenseItem, receiptOption, receiptPage } from '@habeas/contracts';
import { form } from './support/document-files';
import { expectBody, Fixtures } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const expense = (receiptDocumentId?: string) => ({
  category: 'legal_fees',
  payee: 'Law office',
  spentOn: '2026-11-02',
  amountMinor: 25000,
  currency: 'EUR',
  ...(receiptDocumentId ? { receiptDocumentId } : {}),
});

describe('receipts for expenses: finance chooses them by name or uploads one, and sees nothing else of the documents', () => {
  let t: TestApp;
  let f: Fixtures;
  let finance: HttpClient;
  let caseId: string;

  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    finance = await t.signIn('finance@demo.local');
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
  });
  after(() => t?.close());

  it('lists the demo case’s receipt by name, and none of its other documents, to finance (who may not read documents)', async () => {
    assert.equal((await finance.get(`/api/cases/${caseId}/documents`)).status, 403);
    const listed = expectBody(await finance.get(`/api/cases/vorontsov/receipts`), 200, receiptPage);
    assert.deepEqual(
      listed.items.map((item) => item.title),
      ['Счёт адвокатского бюро А. Петрова № 17 за юридическую помощь'],
    );
    assert.deepEqual(Object.keys(listed.items[0]).sort(), ['id', 'title', 'uploadedAt'], 'names only: no file, no text, no tags');
  });

  it('uploads a receipt into the case’s documents, where the case’s lawyers find it, and links it to an expense', async () => {
    const uploaded = expectBody(
      await finance.post(
        `/api/cases/${caseId}/receipts`,
        form(Buffer.from('Invoice 42: 250 EUR'), 'invoice-42.txt', { title: 'Invoice 42 from the law office' }),
      ),
      201,
      receiptOption,
    );
    const lawyer = await t.signIn('lawyer@demo.local');
    const asDocument = await lawyer.get(`/api/documents/${uploaded.id}`);
    assert.equal(asDocument.status, 200);
    assert.equal(asDocument.body.kind, 'receipt');
    assert.equal(asDocument.body.privileged, false);
    assert.equal(asDocument.body.versions[0].originalName, 'invoice-42.txt');
    const audited = await t.db.query(`select actor_id from audit_log where action = 'document.create' and entity_id = $1`, [uploaded.id]);
    assert.equal(audited.rowCount, 1, 'the upload is audited like any document');

    const found = expectBody(await finance.get(`/api/cases/${caseId}/receipts?q=${encodeURIComponent('invoice 42')}`), 200, receiptPage);
    assert.deepEqual(
      found.items.map((item) => item.id),
      [uploaded.id],
    );
    const saved = expectBody(await finance.post(`/api/cases/${caseId}/expenses`, expense(uploaded.id)), 201, expenseItem);
    assert.equal(saved.receiptTitle, 'Invoice 42 from the law office');
    const list = await finance.get(`/api/cases/${caseId}/expenses?limit=100`);
    assert.equal(list.body.items.find((item: { id: string }) => item.id === saved.id).receiptTitle, 'Invoice 42 from the law office');
  });

  it('names an uploaded receipt after its file when no title is given', async () => {
    const uploaded = expectBody(await finance.post(`/api/cases/${caseId}/receipts`, form(Buffer.from('Parcel'), 'parcel-receipt.txt', {})), 201, receiptOption);
    assert.equal(uploaded.title, 'parcel-receipt.txt');
  });

  it('answers 422 to an expense whose receipt is not a receipt of this case: another document, a privileged one, another case’s', async () => {
    const memo = await f.newDocument(caseId);
    const privileged = await f.newDocument(caseId, { privileged: true });
    const other = await f.newCase();
    const elsewhere = expectBody(await f.admin.post(`/api/cases/${other.id}/receipts`, form(Buffer.from('x'), 'r.txt', {})), 201, receiptOption);
    for (const id of [memo.id, privileged.id, elsewhere.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await finance.post(`/api/cases/${caseId}/expenses`, expense(id));
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.field, 'receiptDocumentId');
    }
    // A privileged document kept as a receipt is not listed either.
    await t.db.query(`update documents set kind = 'receipt' where id = $1`, [privileged.id]);
    const listed = expectBody(await finance.get(`/api/cases/${caseId}/receipts?limit=100`), 200, receiptPage);
    assert.ok(!listed.items.some((item) => item.id === privileged.id));
    assert.equal((await finance.post(`/api/cases/${caseId}/expenses`, expense(privileged.id))).status, 422);
  });

  it('takes % and _ in the search literally, and pages newest first', async () => {
    await finance.post(`/api/cases/${caseId}/receipts`, form(Buffer.from('a'), 'a.txt', { title: 'Receipt 100% paid' }));
    const percent = expectBody(await finance.get(`/api/cases/${caseId}/receipts?q=${encodeURIComponent('100%')}`), 200, receiptPage);
    assert.deepEqual(
      percent.items.map((item) => item.title),
      ['Receipt 100% paid'],
    );
    assert.equal(expectBody(await finance.get(`/api/cases/${caseId}/receipts?q=_`), 200, receiptPage).items.length, 0);
    const first = expectBody(await finance.get(`/api/cases/${caseId}/receipts?limit=1`), 200, receiptPage);
    assert.ok(first.nextCursor);
    const second = expectBody(await finance.get(`/api/cases/${caseId}/receipts?limit=1&cursor=${first.nextCursor}`), 200, receiptPage);
    assert.ok(second.items[0].uploadedAt <= first.items[0].uploadedAt && second.items[0].id !== first.items[0].id);
  });

  it('refuses lawyers and medical staff (403) and answers 400 to a bad upload', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    assert.equal((await lawyer.get(`/api/cases/${caseId}/receipts`)).status, 403);
    assert.equal((await finance.post(`/api/cases/${caseId}/receipts`, form(Buffer.from('x'), 'r.txt', { title: '' }))).status, 400);
    assert.equal((await finance.get(`/api/cases/${caseId}/receipts?limit=0`)).status, 400);
  });
});
