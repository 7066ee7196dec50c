import type { ExpenseItem, Page, PageQuery, CaseLedger, ExpenseCategory } from '@habeas/contracts';
import { createExpenseRequest, expenseCategories } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReceiptsService } from '../documents/receipts.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { MoneyLedger } from './money-ledger.service';
import { num, rowsOf } from './sql';

interface ExpenseRow {
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

const toItem = (row: ExpenseRow, receiptTitle: string | null = null): ExpenseItem => ({
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

const SELECT = `select id, case_id, category, payee, to_char(spent_on, 'YYYY-MM-DD') as spent_on, amount_minor, currency, description, receipt_document_id,
                       status, submitted_by, approved_by, approved_at, created_at from expenses`;

/** Spending per case: an expense is paid only after a second finance or admin user approves it. */
@Injectable()
export class ExpensesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly ledger: MoneyLedger,
    private readonly receipts: ReceiptsService,
  ) {}

  async list(actor: Actor, caseRef: string, query: PageQuery): Promise<Page<ExpenseItem>> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:read');
    const cursor = decodeCursor(query.cursor);
    const rows = await rowsOf<ExpenseRow>(
      this.db,
      `${SELECT} where case_id = $1 and ($2::date is null or (spent_on, id) < ($2::date, $3::uuid)) order by spent_on desc, id desc limit $4`,
      [theCase.id, cursor?.key ?? null, cursor?.id ?? null, query.limit + 1],
    );
    const titles = await this.receipts.titlesOf(theCase.id, [...new Set(rows.flatMap((row) => row.receipt_document_id ?? []))]);
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.spent_on, id: row.id }),
      (row) => toItem(row, this.titleIn(titles, row)),
    );
  }

  async create(actor: Actor, caseRef: string, input: ReturnType<typeof createExpenseRequest.parse>): Promise<ExpenseItem> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:write');
    const receipt = input.receiptDocumentId ? await this.receipts.receiptOf(theCase.id, input.receiptDocumentId) : null;
    return this.db.transaction(async (m) => {
      const [row] = await rowsOf<ExpenseRow>(
        m,
        `insert into expenses (case_id, category, payee, spent_on, amount_minor, currency, description, receipt_document_id, submitted_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         returning id, case_id, category, payee, to_char(spent_on, 'YYYY-MM-DD') as spent_on, amount_minor, currency, description, receipt_document_id, status, submitted_by, approved_by, approved_at, created_at`,
        [
          theCase.id,
          input.category,
          input.payee,
          input.spentOn,
          input.amountMinor,
          input.currency,
          input.description ?? null,
          input.receiptDocumentId ?? null,
          actor.id,
        ],
      );
      await this.audit.record(
        actor,
        { action: 'expense.submitted', entityType: 'expense', entityId: row.id, details: { amountMinor: input.amountMinor, currency: input.currency } },
        m,
      );
      return toItem(row, receipt?.title ?? null);
    });
  }

  /** The second person's approval pays the expense: spent totals, ledger and milestone move in the same transaction. */
  async approve(actor: Actor, id: string): Promise<ExpenseItem> {
    const [found] = await rowsOf<{ case_id: string }>(this.db, `select case_id from expenses where id = $1`, [id]);
    if (!found) throw new NotFound('Expense');
    await this.access.assertCase(actor, found.case_id, 'money:write');
    return this.db.transaction(async (m) => {
      const [row] = await rowsOf<ExpenseRow>(m, `${SELECT} where id = $1 for update`, [id]);
      if (row.status === 'paid') throw new DomainError(409, 'This expense is already approved and paid');
      if (row.submitted_by === actor.id) throw new DomainError(403, 'An expense must be approved by someone other than the person who submitted it');
      const [updated] = await rowsOf<ExpenseRow>(
        m,
        `update expenses set status = 'paid', approved_by = $2, approved_at = now(), updated_at = now() where id = $1
         returning id, case_id, category, payee, to_char(spent_on, 'YYYY-MM-DD') as spent_on, amount_minor, currency, description, receipt_document_id, status, submitted_by, approved_by, approved_at, created_at`,
        [id, actor.id],
      );
      await this.ledger.expensePaid(m, {
        id,
        caseId: row.case_id,
        category: row.category,
        payee: row.payee,
        spentOn: row.spent_on,
        amountMinor: num(row.amount_minor),
        currency: row.currency,
      });
      await this.audit.record(actor, { action: 'expense.approved', entityType: 'expense', entityId: id }, m);
      const titles = await this.receipts.titlesOf(row.case_id, row.receipt_document_id ? [row.receipt_document_id] : []);
      return toItem(updated, this.titleIn(titles, row));
    });
  }

  private titleIn(titles: Map<string, string>, row: ExpenseRow): string | null {
    return (row.receipt_document_id && titles.get(row.receipt_document_id)) ?? null;
  }

  /** Per currency: raised, refunded, disputed, fees, spent by category and the balance — from the kept totals. */
  async ledgerOf(actor: Actor, caseRef: string): Promise<CaseLedger> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:read');
    const totals = await rowsOf<{ currency: string; raised: string; refunded: string; disputed: string; fees: string }>(
      this.db,
      `select currency, sum(raised_minor) as raised, sum(refunded_minor) as refunded, sum(disputed_minor) as disputed, sum(fee_minor) as fees
         from campaign_totals where case_id = $1 group by currency`,
      [theCase.id],
    );
    const spent = await rowsOf<{ currency: string; category: ExpenseCategory; amount: string }>(
      this.db,
      `select currency, category, amount_minor as amount from campaign_spent_totals where case_id = $1`,
      [theCase.id],
    );
    const currencies = [...new Set([...totals.map((t) => t.currency), ...spent.map((s) => s.currency)])].sort();
    return {
      caseId: theCase.id,
      currencies: currencies.map((currency) => {
        const t = totals.find((row) => row.currency === currency);
        const byCategory = expenseCategories
          .map((category) => ({ category, amountMinor: num(spent.find((s) => s.currency === currency && s.category === category)?.amount) }))
          .filter((row) => row.amountMinor > 0);
        const spentMinor = byCategory.reduce((sum, row) => sum + row.amountMinor, 0);
        const raisedMinor = num(t?.raised);
        const refundedMinor = num(t?.refunded);
        const disputedMinor = num(t?.disputed);
        const feesMinor = num(t?.fees);
        return {
          currency,
          raisedMinor,
          refundedMinor,
          disputedMinor,
          feesMinor,
          spentMinor,
          spentByCategory: byCategory,
          balanceMinor: raisedMinor - refundedMinor - disputedMinor - feesMinor - spentMinor,
        };
      }),
    };
  }
}
