/**
 * Longer than 300 lines on purpose: one app start serves the whole story of a bank transfer (details, QR, statement
 * upload in each encoding, matching, correction), and each step reads the state the one before left.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DEMO_BANK_DETAILS } from '../src/bank-transfers/bank-transfers.demo';
import { renderStatement, type DemoDocument } from '../src/bank-transfers/demo-statement';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const ACCOUNT = DEMO_BANK_DETAILS.account;
const day = 24 * 3600 * 1000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString().slice(0, 10);

function upload(bytes: Buffer, name = 'statement.txt'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return form;
}

async function raisedRub(t: TestApp): Promise<number> {
  const campaign = (await t.client().get('/api/public/campaigns/vorontsov')).body;
  return campaign.raised.find((row: { currency: string }) => row.currency === 'RUB')?.amountMinor ?? 0;
}

function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  assert.ok(found, 'no QR code found in the image');
  return Buffer.from(found.binaryData).toString('utf8');
}

describe('donations by bank transfer in Russia', () => {
  let t: TestApp;
  let finance: HttpClient;
  let code: string;
  before(async () => {
    t = await startTestApp();
    finance = await t.signIn('finance@demo.local');
    code = (await t.client().get('/api/public/campaigns/vorontsov/bank-transfer')).body.code;
  });
  after(async () => {
    await t?.close();
  });

  it('refuses bank details whose BIC, account or correspondent account fail the check digits', async () => {
    const valid = { ...DEMO_BANK_DETAILS };
    const wrong: Array<[string, Record<string, string>]> = [
      ['bic', { bic: '149999123' }],
      ['account', { account: '40703810600000004217' }],
      ['account', { account: '4070381050000000421' }],
      ['correspondentAccount', { correspondentAccount: '30101810700000000123' }],
      ['correspondentAccount', { correspondentAccount: '30101810600000000124' }],
      ['inn', { inn: '7770000003' }],
    ];
    for (const [field, change] of wrong) {
      const response = await finance.put('/api/cases/vorontsov/bank-details', { ...valid, ...change });
      assert.equal(response.status, 400, `${JSON.stringify(change)}: ${response.text}`);
      assert.match(response.text, new RegExp(field));
    }
    const saved = await finance.put('/api/cases/vorontsov/bank-details', { ...valid, account: '4070 3810 5000 0000 4217' });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.account, ACCOUNT);
    assert.equal(saved.body.code, code, 'saving again keeps the code donors may have saved');
    const lawyer = await t.signIn('lawyer@demo.local');
    assert.equal((await lawyer.put('/api/cases/vorontsov/bank-details', valid)).status, 403);
  });

  it('gives a payment QR that a reader decodes to a GOST R 56042-2014 payload with the sum in kopecks', async () => {
    const response = await t.client().get('/api/public/campaigns/vorontsov/bank-transfer?amountMinor=150000');
    assert.equal(response.status, 200, response.text);
    const body = response.body;
    assert.equal(body.code, code);
    assert.ok(body.purpose.includes(code));
    assert.match(body.qrSvg, /^<svg/);
    const png = await fetch(`${t.baseUrl}/api/public/campaigns/vorontsov/bank-transfer/qr.png?amountMinor=150000`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const decoded = decodeQr(Buffer.from(await png.arrayBuffer()));
    assert.equal(decoded, body.qrPayload);
    const [head, ...pairs] = decoded.split('|');
    assert.equal(head, 'ST00012', 'format ST, version 0001, encoding 2 = UTF-8');
    const fields = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    assert.deepEqual(Object.keys(fields).slice(0, 5), ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']);
    assert.equal(fields.Name, DEMO_BANK_DETAILS.recipientName);
    assert.equal(fields.PersonalAcc, ACCOUNT);
    assert.equal(fields.BIC, DEMO_BANK_DETAILS.bic);
    assert.equal(fields.CorrespAcc, DEMO_BANK_DETAILS.correspondentAccount);
    assert.equal(fields.Sum, '150000');
    assert.match(fields.Purpose, new RegExp(`код ${code}`));
    assert.equal(fields.PayeeINN, DEMO_BANK_DETAILS.inn);

    const noAmount = await t.client().get('/api/public/campaigns/vorontsov/bank-transfer');
    assert.ok(!noAmount.body.qrPayload.includes('Sum='));
    assert.equal((await t.client().get('/api/public/campaigns/vorontsov/bank-transfer?amountMinor=5')).status, 400);
    assert.equal((await t.client().get('/api/public/campaigns/vorontsov/bank-transfer?amountMinor=abc')).status, 400);
    assert.equal((await t.client().get('/api/public/campaigns/second-case/bank-transfer')).status, 404);
  });

  it('imports a Windows-1251 statement exactly once, moving the public totals by the matched sum', async () => {
    const pledge = await t.client().post('/api/public/campaigns/vorontsov/bank-transfer/pledges', { amountMinor: 777700, email: 'receipt@example.org' });
    assert.equal(pledge.status, 201, pledge.text);
    assert.notEqual(pledge.body.code, code);
    assert.ok(!pledge.text.includes('receipt@example.org'));
    const before = await raisedRub(t);
    const documents: DemoDocument[] = [
      {
        number: '9901',
        date: isoDay(2),
        amountRub: '2500.00',
        direction: 'in',
        counterparty: 'Тайный Даритель Иванович',
        counterpartyAccount: '40817810000000009901',
        purpose: `Пожертвование, код ${code}`,
      },
      {
        number: '9902',
        date: isoDay(2),
        amountRub: '7777.00',
        direction: 'in',
        counterparty: 'Второй Даритель',
        counterpartyAccount: '40817810000000009902',
        purpose: `Пожертвование ${pledge.body.code.replace('K', 'К')}`,
      },
      {
        number: '9903',
        date: isoDay(1),
        amountRub: '640.00',
        direction: 'in',
        counterparty: 'Неизвестный Плательщик',
        counterpartyAccount: '40817810000000009903',
        purpose: 'Перевод',
      },
      {
        number: '9904',
        date: isoDay(1),
        amountRub: '1 000,00',
        direction: 'out',
        counterparty: 'Почта России',
        counterpartyAccount: '40702810000000009904',
        purpose: 'Посылка',
      },
    ];
    const statement = renderStatement(ACCOUNT, isoDay(3), isoDay(0), documents);
    assert.ok(!statement.includes(Buffer.from('Тайный', 'utf8')), 'the fixture is Windows-1251, not UTF-8');
    const first = await finance.post('/api/donations/bank-statements', upload(statement));
    assert.equal(first.status, 201, first.text);
    assert.deepEqual(
      { ...first.body, statementId: undefined },
      { statementId: undefined, imported: 4, matched: 2, unmatched: 1, duplicates: 0, outgoing: 1, outgoingMatched: 0 },
    );
    assert.equal(await raisedRub(t), before + 250000 + 777700);

    const again = await finance.post('/api/donations/bank-statements', upload(statement));
    assert.equal(again.status, 201);
    assert.equal(again.body.imported, 0);
    assert.equal(again.body.duplicates, 4);

    // An overlapping statement in UTF-8: two known documents (one duplicated inside the file) and one new.
    const overlapping = iconv
      .decode(
        renderStatement(ACCOUNT, isoDay(2), isoDay(0), [documents[0], documents[0], documents[2], { ...documents[2], number: '9905', amountRub: '300.00' }]),
        'win1251',
      )
      .replace('Кодировка=Windows', 'Кодировка=UTF8');
    const third = await finance.post('/api/donations/bank-statements', upload(Buffer.from(overlapping, 'utf8')));
    assert.equal(third.status, 201, third.text);
    assert.deepEqual([third.body.imported, third.body.duplicates, third.body.unmatched], [1, 3, 1]);
    assert.equal(await raisedRub(t), before + 250000 + 777700, 'unmatched transfers do not count');

    const { rows } = await t.db.query(`select count(*)::int as n from bank_transfers where document_number in ('9901', '9902', '9903', '9904', '9905')`);
    assert.equal(rows[0].n, 5);
    const donations = await t.db.query(
      `select status, amount_minor::int as amount, method from donations where id = (select donation_id from bank_transfers where document_number = '9902')`,
    );
    assert.deepEqual(donations.rows[0], { status: 'paid', amount: 777700, method: 'bank_transfer' });
  });

  it('matches a pledge by amount and date when the code was lost, and an outgoing payment to an approved expense', async () => {
    const pledge = await t.client().post('/api/public/campaigns/vorontsov/bank-transfer/pledges', { amountMinor: 123400, email: 'someone@example.org' });
    assert.equal(pledge.status, 201);
    const admin = await t.signIn('admin@demo.local');
    const expense = await finance.post('/api/cases/vorontsov/expenses', {
      category: 'travel',
      payee: 'РЖД',
      spentOn: isoDay(1),
      amountMinor: 456700,
      currency: 'RUB',
    });
    assert.equal(expense.status, 201, expense.text);
    assert.equal((await admin.post(`/api/expenses/${expense.body.id}/approve`)).status, 200);
    const statement = renderStatement(ACCOUNT, isoDay(1), isoDay(0), [
      {
        number: '9950',
        date: isoDay(0),
        amountRub: '1234.00',
        direction: 'in',
        counterparty: 'Плательщик Без Кода',
        counterpartyAccount: '40817810000000009950',
        purpose: 'Пожертвование',
      },
      {
        number: '9951',
        date: isoDay(0),
        amountRub: '4567.00',
        direction: 'out',
        counterparty: 'ОАО РЖД',
        counterpartyAccount: '40702810000000009951',
        purpose: 'Билеты',
      },
    ]);
    const result = await finance.post('/api/donations/bank-statements', upload(statement));
    assert.deepEqual([result.body.matched, result.body.outgoingMatched], [1, 1]);
    const { rows } = await t.db.query(
      `select document_number, status, matched_by, expense_id from bank_transfers where document_number in ('9950', '9951') order by 1`,
    );
    assert.deepEqual(
      rows.map((r) => [r.status, r.matched_by]),
      [
        ['matched', 'amount_date'],
        ['expense_matched', null],
      ],
    );
    assert.equal(rows[1].expense_id, expense.body.id);
  });

  it('lists unmatched transfers for review; finance assigns one to a campaign or sets it aside, once', async () => {
    const list = await finance.get('/api/donations/bank-transfers?status=unmatched');
    assert.equal(list.status, 200);
    const unknown = list.body.items.find((item: { documentNumber: string }) => item.documentNumber === '9903');
    assert.equal(unknown.counterpartyName, 'Неизвестный Плательщик');
    assert.equal(unknown.status, 'unmatched');
    const before = await raisedRub(t);
    const assigned = await finance.post(`/api/donations/bank-transfers/${unknown.id}/assign`, { caseId: 'vorontsov' });
    assert.equal(assigned.status, 200, assigned.text);
    assert.equal(assigned.body.status, 'matched');
    assert.equal(assigned.body.matchedBy, 'manual');
    assert.equal(await raisedRub(t), before + 64000);
    assert.equal((await finance.post(`/api/donations/bank-transfers/${unknown.id}/assign`, { caseId: 'vorontsov' })).status, 409);

    const other = list.body.items.find((item: { documentNumber: string }) => item.documentNumber === '9905');
    const aside = await finance.post(`/api/donations/bank-transfers/${other.id}/assign`, { notADonation: true });
    assert.equal(aside.body.status, 'not_donation');
    assert.equal(await raisedRub(t), before + 64000);
    assert.equal((await finance.post(`/api/donations/bank-transfers/${other.id}/assign`, {})).status, 400);
    assert.equal((await finance.post(`/api/donations/bank-transfers/${other.id}/assign`, { caseId: 'nope' })).status, 404);
    const lawyer = await t.signIn('lawyer@demo.local');
    assert.equal((await lawyer.get('/api/donations/bank-transfers?status=unmatched')).status, 403);
  });

  it("never shows a payer's name publicly and keeps it sealed at rest", async () => {
    for (const path of [
      '/api/public/campaigns/vorontsov',
      '/api/public/campaigns/vorontsov/bank-transfer',
      '/donate/vorontsov',
      '/api/public/cases/vorontsov',
    ]) {
      const response = await t.client().get(path);
      for (const name of ['Тайный', 'Второй Даритель', 'Неизвестный', 'Смирнова', '40817810000000009901'])
        assert.ok(!response.text.includes(name), `${path} shows ${name}`);
    }
    const { rows } = await t.db.query(
      `select count(*)::int as n from bank_transfers t left join donor_identities d on d.id = t.donor_id
        where coalesce(t.counterparty_account, '') like '%4081781%' or coalesce(t.purpose, '') like '%Пожертвование%' or coalesce(d.name, '') like '%Даритель%'`,
    );
    assert.equal(rows[0].n, 0, 'payer details are stored in plain text');
    const statements = await t.db.query(`select count(*)::int as n from bank_statements where content like '%1CClientBankExchange%'`);
    assert.equal(statements.rows[0].n, 0, 'a raw statement is stored in plain text');
  });

  it('erases a payer with the donor: name, account and the raw statements that named them', async () => {
    const [transfer] = (await finance.get('/api/donations/bank-transfers?status=matched')).body.items.filter(
      (item: { documentNumber: string }) => item.documentNumber === '9901',
    );
    assert.equal(transfer.counterpartyName, 'Тайный Даритель Иванович');
    assert.equal((await finance.post(`/api/donors/${transfer.donorId}/erase`)).status, 204);
    const after = (await finance.get('/api/donations/bank-transfers?status=matched')).body.items.find((item: { id: string }) => item.id === transfer.id);
    assert.deepEqual([after.counterpartyName, after.counterpartyAccount, after.purpose], [null, null, null]);
    const { rows } = await t.db.query(
      `select count(*)::int as n from bank_statements s join bank_statement_lines l on l.statement_id = s.id where l.transfer_id = $1 and s.content is not null`,
      [transfer.id],
    );
    assert.equal(rows[0].n, 0);
    const totals = await raisedRub(t);
    assert.ok(totals > 0, 'the money stays counted');
  });

  it('deletes a stored statement file on request, keeping its lines', async () => {
    const list = await finance.get('/api/donations/bank-statements');
    const kept = list.body.items.find((item: { fileDeleted: boolean }) => !item.fileDeleted);
    assert.ok(kept);
    assert.equal((await finance.delete(`/api/donations/bank-statements/${kept.id}/file`)).status, 204);
    const { rows } = await t.db.query(`select content, deleted_at from bank_statements where id = $1`, [kept.id]);
    assert.equal(rows[0].content, null);
    assert.ok(rows[0].deleted_at);
    assert.equal((await finance.post('/api/donations/bank-statements', upload(Buffer.from('not a statement')))).status, 400);
  });

  it('seeds the demo with fake details and a statement of matched, unmatched and outgoing lines', async () => {
    const { rows } = await t.db.query(
      `select status, matched_by, count(*)::int as n from bank_transfers where statement_id = (select id from bank_statements order by created_at limit 1) group by 1, 2 order by 1, 2`,
    );
    assert.deepEqual(
      rows.map((r) => `${r.status}:${r.matched_by ?? '-'}:${r.n}`),
      ['expense_matched:-:1', 'matched:amount_date:1', 'matched:code:2', 'outgoing:-:1', 'unmatched:-:2'],
    );
  });
});
