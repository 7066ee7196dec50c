import type { ExportQuery } from '@habeas/contracts';
import { minorToDecimal } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { openDonorField } from './donor-identity';
import { num, rowsOf } from './sql';

const BATCH = 1000;
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

interface LedgerRow {
  id: string;
  at_key: string;
  slug: string;
  kind: string;
  amount_minor: string;
  currency: string;
  fee_minor: string | null;
  donor_name: string | null;
  donor_id: string | null;
  donation_id: string | null;
  expense_id: string | null;
  category: string | null;
  ref: string | null;
}

/** One money movement as accountants read it: amounts in the currency's ISO 4217 exponent, gross − fee = net. */
export function toCsvRow(row: LedgerRow): CsvRow {
  const gross = num(row.amount_minor);
  const fee = num(row.fee_minor);
  return {
    at: row.at_key,
    case: row.slug,
    kind: row.kind,
    currency: row.currency,
    gross: minorToDecimal(gross, row.currency),
    fee: minorToDecimal(fee, row.currency),
    net: minorToDecimal(gross - fee, row.currency),
    gross_minor: String(gross),
    fee_minor: String(fee),
    net_minor: String(gross - fee),
    donor: openDonorField('name', row.donor_id, row.donor_name) ?? '',
    donation_id: row.donation_id ?? '',
    expense_id: row.expense_id ?? '',
    category: row.category ?? '',
    reference: row.ref ?? '',
  };
}

/**
 * The accountant's CSV: UTF-8 with a BOM (Excel on Windows then reads Cyrillic), one line per money movement,
 * streamed in keyset batches (no row limit, no OFFSET). A donor is named only where they chose to be shown.
 */
@Injectable()
export class LedgerExport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async open(actor: Actor, query: ExportQuery): Promise<Readable> {
    const caseId = query.caseId ? (await this.access.resolve(actor, query.caseId, 'money:read')).id : null;
    await this.audit.record(actor, {
      action: 'donation.exported',
      entityType: 'donation',
      details: { from: query.from ?? null, to: query.to ?? null, caseId },
    });
    const source = Readable.from(this.rows(query, caseId));
    const csv = stringify({ bom: true, header: true, columns: [...COLUMNS], cast: { string: defuseFormula } });
    source.on('error', (error) => csv.destroy(error));
    return source.pipe(csv);
  }

  private async *rows(query: ExportQuery, caseId: string | null): AsyncGenerator<CsvRow> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [query.from ?? null, query.to ?? null, caseId, after?.at ?? null, after?.id ?? null, BATCH];
      const rows: LedgerRow[] = await rowsOf<LedgerRow>(
        this.db,
        `select l.id, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, c.slug, l.kind, l.amount_minor, l.currency,
                case when l.kind = 'payment' and p.fee_currency = l.currency then p.fee_minor end as fee_minor,
                case when di.show_name and di.erased_at is null then di.name end as donor_name, di.id as donor_id,
                l.donation_id, l.expense_id, l.category, l.ref
           from ledger_entries l join cases c on c.id = l.case_id
           left join donation_payments p on l.kind = 'payment' and p.payment_ref = l.ref
           left join donations d on d.id = l.donation_id left join donor_identities di on di.id = d.donor_id
          where ($1::date is null or l.at >= $1::date) and ($2::date is null or l.at < $2::date + interval '1 day') and ($3::uuid is null or l.case_id = $3)
            and ($4::timestamptz is null or (l.at, l.id) > ($4::timestamptz, $5::uuid))
          order by l.at, l.id limit $6`,
        params,
      );
      for (const row of rows) yield toCsvRow(row);
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = { at: last.at_key, id: last.id };
    }
  }
}
