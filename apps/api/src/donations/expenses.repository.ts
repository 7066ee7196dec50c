import type { createExpenseRequest, ExpenseCategory, ExpenseItem } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { keysetAfter, type KeysetCursor } from '../common/pagination';
import { num, rowsOf } from '../common/database/sql';

export interface ExpenseRow {
  id: string;
  case_id: string;
  category: ExpenseCategory;
  payee: string;
  spent_on: string;
  amount_minor: string;
  currency: string;
  description: string | null;
  receipt_document_id: string | null;
  status: 'awaiting_approval' | 'paid';
  submitted_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: Date;
}

export const toExpenseItem = (row: ExpenseRow, receiptTitle: string | null = null): ExpenseItem => ({
  id: row.id,
  caseId: row.case_id,
  category: row.category,
  payee: row.payee,
  spentOn: row.spent_on,
  amountMinor: num(row.amount_minor),
  currency: row.currency,
  description: row.description,
  receiptDocumentId: row.receipt_document_id,
  receiptTitle,
  status: row.status,
  submittedBy: row.submitted_by,
  approvedBy: row.approved_by,
  approvedAt: row.approved_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

const COLUMNS = `id, case_id, category, payee, to_char(spent_on, 'YYYY-MM-DD') as spent_on, amount_minor, currency, description, receipt_document_id,
  status, submitted_by, approved_by, approved_at, created_at`;

/** Kept totals of a campaign per currency: money in and out, and spending per category. */
export interface LedgerTotals {
  totals: Array<{ currency: string; raised: string; refunded: string; disputed: string; fees: string }>;
  spent: Array<{ currency: string; category: ExpenseCategory; amount: string }>;
}

/** Expenses of cases and the totals the ledger keeps for them. */
@Injectable()
export class ExpensesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit` expenses of a case, latest spent first, after `after` by (spent_on, id). */
  page(caseId: string, limit: number, after: KeysetCursor | undefined): Promise<ExpenseRow[]> {
    const params: unknown[] = [caseId, limit];
    const where = after ? `and ${keysetAfter(params, after, { key: 'spent_on', id: 'id', keyType: 'date', descending: true })}` : '';
    return rowsOf<ExpenseRow>(this.db, `select ${COLUMNS} from expenses where case_id = $1 ${where} order by spent_on desc, id desc limit $2`, params);
  }

  async insert(m: EntityManager, caseId: string, input: ReturnType<typeof createExpenseRequest.parse>, submittedBy: string): Promise<ExpenseRow> {
    const [row] = await rowsOf<ExpenseRow>(
      m,
      `insert into expenses (case_id, category, payee, spent_on, amount_minor, currency, description, receipt_document_id, submitted_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
      [
        caseId,
        input.category,
        input.payee,
        input.spentOn,
        input.amountMinor,
        input.currency,
        input.description ?? null,
        input.receiptDocumentId ?? null,
        submittedBy,
      ],
    );
    return row;
  }

  async caseOf(id: string): Promise<string | undefined> {
    const [found] = await rowsOf<{ case_id: string }>(this.db, `select case_id from expenses where id = $1`, [id]);
    return found?.case_id;
  }

  async forUpdate(m: EntityManager, id: string): Promise<ExpenseRow> {
    const [row] = await rowsOf<ExpenseRow>(m, `select ${COLUMNS} from expenses where id = $1 for update`, [id]);
    return row;
  }

  async markPaid(m: EntityManager, id: string, approvedBy: string): Promise<ExpenseRow> {
    const [updated] = await rowsOf<ExpenseRow>(
      m,
      `update expenses set status = 'paid', approved_by = $2, approved_at = now(), updated_at = now() where id = $1 returning ${COLUMNS}`,
      [id, approvedBy],
    );
    return updated;
  }

  async ledgerTotals(caseId: string): Promise<LedgerTotals> {
    const totals = await rowsOf<LedgerTotals['totals'][number]>(
      this.db,
      `select currency, sum(raised_minor) as raised, sum(refunded_minor) as refunded, sum(disputed_minor) as disputed, sum(fee_minor) as fees
         from campaign_totals where case_id = $1 group by currency`,
      [caseId],
    );
    const spent = await rowsOf<LedgerTotals['spent'][number]>(
      this.db,
      `select currency, category, amount_minor as amount from campaign_spent_totals where case_id = $1`,
      [caseId],
    );
    return { totals, spent };
  }
}
