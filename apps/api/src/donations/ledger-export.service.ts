import type { ExportQuery } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { rowsOf } from './sql';

const BATCH = 1000;
const HEADER = 'at,case,kind,amount,currency,amount_minor,donation_id,expense_id,category,reference\n';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything that could break the row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The accountant's CSV: one line per money movement, streamed in keyset batches (no row limit, no OFFSET). */
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
    return Readable.from(this.lines(query, caseId));
  }

  private async *lines(query: ExportQuery, caseId: string | null): AsyncGenerator<string> {
    yield HEADER;
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const params: unknown[] = [query.from ?? null, query.to ?? null, caseId, after?.at ?? null, after?.id ?? null, BATCH];
      const rows = await rowsOf<{
        id: string;
        at_key: string;
        slug: string;
        kind: string;
        amount_minor: string;
        currency: string;
        donation_id: string | null;
        expense_id: string | null;
        category: string | null;
        ref: string | null;
      }>(
        this.db,
        `select l.id, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, c.slug, l.kind, l.amount_minor, l.currency, l.donation_id, l.expense_id, l.category, l.ref
           from ledger_entries l join cases c on c.id = l.case_id
          where ($1::date is null or l.at >= $1::date) and ($2::date is null or l.at < $2::date + interval '1 day') and ($3::uuid is null or l.case_id = $3)
            and ($4::timestamptz is null or (l.at, l.id) > ($4::timestamptz, $5::uuid))
          order by l.at, l.id limit $6`,
        params,
      );
      if (rows.length === 0) return;
      yield rows
        .map((row) => {
          const minor = Number(row.amount_minor);
          return (
            [row.at_key, row.slug, row.kind, (minor / 100).toFixed(2), row.currency, minor, row.donation_id, row.expense_id, row.category, row.ref]
              .map(cell)
              .join(',') + '\n'
          );
        })
        .join('');
      const last = rows[rows.length - 1];
      after = { at: last.at_key, id: last.id };
      if (rows.length < BATCH) return;
    }
  }
}
