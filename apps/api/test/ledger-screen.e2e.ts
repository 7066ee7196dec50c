import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface Line {
  at: string;
  caseTitle: string;
  kind: string;
  currency: string;
  grossMinor: number;
  feeMinor: number;
  netMinor: number;
  balanceMinor: number;
  category: string | null;
}

describe('the ledger screen lists the CSV’s lines, paged and filtered, with a running balance', () => {
  let t: TestApp;
  let finance: HttpClient;
  let caseId: string;

  before(async () => {
    t = await startTestApp();
    finance = await t.signIn('finance@demo.local');
    caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
  });
  after(() => t?.close());

  async function allLines(filters: Record<string, string>, limit = 4): Promise<Line[]> {
    const lines: Line[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({ ...filters, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page: { status: number; text: string; body: { items: Line[]; nextCursor: string | null } } = await finance.get(`/api/donations/ledger?${query}`);
      assert.equal(page.status, 200, page.text);
      assert.ok(page.body.items.length <= limit);
      lines.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return lines;
  }

  async function csvLines(filters: Record<string, string>): Promise<Array<Record<string, string>>> {
    const response = await finance.get(`/api/donations/export.csv?${new URLSearchParams(filters)}`);
    assert.equal(response.status, 200);
    assert.ok(response.text.split(/\r?\n/).length > 2, `CSV: ${response.text.slice(0, 400)}`);
    const [header, ...rows] = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .filter(Boolean);
    const columns = header.split(',');
    // The demo's cells hold no commas or quotes in these columns; split is enough to compare amounts.
    return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell])));
  }

  it('pages through the same lines as the CSV, in the same order, with a balance that adds up per currency', async () => {
    const filters = { caseId, currency: 'EUR' };
    const lines = await allLines(filters);
    const csv = await csvLines(filters);
    assert.ok(lines.length > 4, 'more than one page');
    assert.deepEqual(
      lines.map((line) => [line.at, line.kind, String(line.grossMinor), String(line.feeMinor), String(line.netMinor)]),
      csv.map((row) => [row.at, row.kind, row.gross_minor, row.fee_minor, row.net_minor]),
    );
    let balance = 0;
    for (const line of lines) {
      balance += line.netMinor;
      assert.equal(line.balanceMinor, balance, `running balance at ${line.at}`);
      assert.equal(line.caseTitle, 'Владимир Воронцов', 'the case by its name');
    }
  });

  it('filters by category and date range like the CSV', async () => {
    const legal = await allLines({ category: 'legal_fees' });
    assert.ok(legal.length > 0);
    assert.ok(legal.every((line) => line.kind === 'expense' && line.category === 'legal_fees'));
    assert.equal(legal.length, (await csvLines({ category: 'legal_fees' })).length);
    const all = await allLines({}, 100);
    const day = all[Math.floor(all.length / 2)].at.slice(0, 10);
    const onDay = await allLines({ from: day, to: day });
    assert.ok(onDay.length > 0 && onDay.every((line) => line.at.startsWith(day)));
    assert.equal(onDay.length, (await csvLines({ from: day, to: day })).length);
  });

  it('answers 400 to a bad filter or cursor, and 403 to a lawyer', async () => {
    assert.equal((await finance.get('/api/donations/ledger?category=bribes')).status, 400);
    assert.equal((await finance.get('/api/donations/ledger?currency=XYZ')).status, 400);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'nope'])).toString('base64url');
    assert.equal((await finance.get(`/api/donations/ledger?cursor=${forged}`)).status, 400);
    assert.equal((await (await t.signIn('lawyer@demo.local')).get('/api/donations/ledger')).status, 403);
  });
});
