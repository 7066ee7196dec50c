import type { ExportQuery, LedgerLine, LedgerQuery, Page } from '@habeas/contracts';
import { minorToDecimal } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { openDonorField } from './donor-identity';
import { LedgerLinesRepository, type LedgerRow } from './ledger-lines.repository';
import { num } from '../common/database/sql';

const BATCH = 1000;
const LEDGER_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = [
  'at',
  'case',
  'kind',
  'currency',
  'gross',
  'fee',
  'net',
  'gross_minor',
  'fee_minor',
  'net_minor',
  'donor',
  'donation_id',
  'expense_id',
  'category',
  'reference',
] as const;
type CsvRow = Record<(typeof COLUMNS)[number], string>;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe; plain numbers stay numbers. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** One money movement as accountants read it: amounts in the currency's ISO 4217 exponent, gross − fee = net. */
export function toCsvRow(row: LedgerRow): CsvRow {
  const line = toLedgerLine(row);
  const decimal = (minor: number) => minorToDecimal(minor, line.currency);
  return {
    at: line.at,
    case: row.slug,
    kind: line.kind,
    currency: line.currency,
    gross: decimal(line.grossMinor),
    fee: decimal(line.feeMinor),
    net: decimal(line.netMinor),
    gross_minor: String(line.grossMinor),
    fee_minor: String(line.feeMinor),
    net_minor: String(line.netMinor),
    donor: line.donor ?? '',
    donation_id: line.donationId ?? '',
    expense_id: line.expenseId ?? '',
    category: line.category ?? '',
    reference: line.reference ?? '',
  };
}

/**
 * The accountant's CSV: UTF-8 with a BOM (Excel on Windows then reads Cyrillic), one line per money movement,
 * streamed in keyset batches (no row limit, no OFFSET). A donor is named only where they chose to be shown.
 */
@Injectable()
export class LedgerExport {
  constructor(
    private readonly lines: LedgerLinesRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async open(actor: Actor, query: ExportQuery): Promise<Readable> {
    const caseId = query.caseId ? (await this.access.resolve(actor, query.caseId, 'money:read')).id : null;
    await this.audit.record(actor, {
      action: 'donation.exported',
      entityType: 'donation',
      details: { from: query.from ?? null, to: query.to ?? null, caseId, category: query.category ?? null, currency: query.currency ?? null },
    });
    const source = Readable.from(this.rows(query, caseId));
    const csv = stringify({ bom: true, header: true, columns: [...COLUMNS], cast: { string: defuseFormula } });
    source.on('error', (error) => csv.destroy(error));
    return source.pipe(csv);
  }

  /** One page of the ledger screen: the CSV's lines, with case titles and the running balance. */
  async page(actor: Actor, query: LedgerQuery): Promise<Page<LedgerLine>> {
    const caseId = query.caseId ? (await this.access.resolve(actor, query.caseId, 'money:read')).id : null;
    const cursor = decodeCursor(query.cursor);
    if (cursor && !(LEDGER_KEY.test(cursor.key) && UUID.test(cursor.id))) throw new DomainError(400, 'cursor: invalid cursor');
    const rows = await this.lines.lines({ ...query, caseId }, cursor ? { at: cursor.key, id: cursor.id } : null, query.limit + 1);
    return toPage(rows, query.limit, (row) => ({ key: row.at_key, id: row.id }), toLedgerLine);
  }

  private async *rows(query: ExportQuery, caseId: string | null): AsyncGenerator<CsvRow> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const rows = await this.lines.lines({ ...query, caseId }, after, BATCH, false);
      for (const row of rows) yield toCsvRow(row);
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = { at: last.at_key, id: last.id };
    }
  }
}

export function toLedgerLine(row: LedgerRow): LedgerLine {
  const gross = num(row.amount_minor);
  const fee = num(row.fee_minor);
  return {
    id: row.id,
    at: row.at_key,
    caseId: row.case_id,
    caseTitle: row.title,
    kind: row.kind as LedgerLine['kind'],
    currency: row.currency,
    grossMinor: gross,
    feeMinor: fee,
    netMinor: gross - fee,
    balanceMinor: num(row.balance_minor),
    donor: openDonorField('name', row.donor_id, row.donor_name),
    donationId: row.donation_id,
    expenseId: row.expense_id,
    category: row.category,
    reference: row.ref,
  };
}
