import type { ExpenseCategory, ExportQuery } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../common/database/sql';
import { cursorKey } from '../common/pagination';

export interface LedgerRow {
  id: string;
  at_key: string;
  case_id: string;
  slug: string;
  title: string;
  kind: string;
  amount_minor: string;
  currency: string;
  fee_minor: string | null;
  /** Running net (gross − fee) per currency over the lines the filters keep, oldest first. */
  balance_minor: string;
  /** Sealed; named only where the donor chose to be shown. */
  donor_name: string | null;
  donor_id: string | null;
  donation_id: string | null;
  expense_id: string | null;
  category: ExpenseCategory | null;
  ref: string | null;
}

export type LedgerFilters = Omit<ExportQuery, 'caseId'> & { caseId: string | null };

/**
 * The ledger's lines, oldest first, for the CSV export and the ledger screen alike (the same query, so the same rows),
 * in keyset pages after (at, id).
 */
@Injectable()
export class LedgerLinesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `withBalance: false` (the export) skips the running balance, so the keyset condition reaches the index. */
  async lines(filters: LedgerFilters, after: { at: string; id: string } | null, limit: number, withBalance = true): Promise<LedgerRow[]> {
    const balance = withBalance ? `sum(l.amount_minor - coalesce(f.fee_minor, 0)) over (partition by l.currency order by l.at, l.id)` : `0`;
    return rowsOf<LedgerRow>(
      this.db,
      `select * from (
         select l.id, l.at, ${cursorKey('l.at')} as at_key, l.case_id, c.slug, c.title, l.kind,
                l.amount_minor, l.currency, f.fee_minor,
                ${balance} as balance_minor,
                case when di.show_name and di.erased_at is null then di.name end as donor_name, di.id as donor_id,
                l.donation_id, l.expense_id, l.category, l.ref
           from ledger_entries l join cases c on c.id = l.case_id
           left join lateral (
             select p.fee_minor from donation_payments p where l.kind = 'payment' and p.payment_ref = l.ref and p.fee_currency = l.currency limit 1
           ) f on true
           left join donations d on d.id = l.donation_id left join donor_identities di on di.id = d.donor_id
          where ($1::date is null or l.at >= $1::date) and ($2::date is null or l.at < $2::date + interval '1 day') and ($3::uuid is null or l.case_id = $3)
            and ($4::text is null or l.category = $4) and ($5::text is null or l.currency = $5)
       ) lines
       where ($6::timestamptz is null or (lines.at, lines.id) > ($6::timestamptz, $7::uuid))
       order by lines.at, lines.id limit $8`,
      [
        filters.from ?? null,
        filters.to ?? null,
        filters.caseId,
        filters.category ?? null,
        filters.currency ?? null,
        after?.at ?? null,
        after?.id ?? null,
        limit,
      ],
    );
  }
}
