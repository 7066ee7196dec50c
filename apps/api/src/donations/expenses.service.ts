import type { ExpenseItem, Page, PageQuery, CaseLedger } from '@habeas/contracts';
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
import { ExpensesRepository, toExpenseItem, type ExpenseRow } from './expenses.repository';
import { num } from '../common/database/sql';

/** Spending per case: an expense is paid only after a second finance or admin user approves it. */
@Injectable()
export class ExpensesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly ledger: MoneyLedger,
    private readonly expenses: ExpensesRepository,
    private readonly receipts: ReceiptsService,
  ) {}

  async list(actor: Actor, caseRef: string, query: PageQuery): Promise<Page<ExpenseItem>> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:read');
    const rows = await this.expenses.page(theCase.id, query.limit + 1, decodeCursor(query.cursor));
    const titles = await this.receipts.titlesOf(theCase.id, [...new Set(rows.flatMap((row) => row.receipt_document_id ?? []))]);
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.spent_on, id: row.id }),
      (row) => toExpenseItem(row, this.titleIn(titles, row)),
    );
  }

  async create(actor: Actor, caseRef: string, input: ReturnType<typeof createExpenseRequest.parse>): Promise<ExpenseItem> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:write');
    const receipt = input.receiptDocumentId ? await this.receipts.receiptOf(theCase.id, input.receiptDocumentId) : null;
    return this.db.transaction(async (m) => {
      const row = await this.expenses.insert(m, theCase.id, input, actor.id);
      await this.audit.record(
        actor,
        { action: 'expense.submitted', entityType: 'expense', entityId: row.id, details: { amountMinor: input.amountMinor, currency: input.currency } },
        m,
      );
      return toExpenseItem(row, receipt?.title ?? null);
    });
  }

  /** The second person's approval pays the expense: spent totals, ledger and milestone move in the same transaction. */
  async approve(actor: Actor, id: string): Promise<ExpenseItem> {
    const caseId = await this.expenses.caseOf(id);
    if (!caseId) throw new NotFound('Expense');
    await this.access.assertCase(actor, caseId, 'money:write');
    return this.db.transaction(async (m) => {
      const row = await this.expenses.forUpdate(m, id);
      if (row.status === 'paid') throw new DomainError(409, 'This expense is already approved and paid');
      if (row.submitted_by === actor.id) throw new DomainError(403, 'An expense must be approved by someone other than the person who submitted it');
      const updated = await this.expenses.markPaid(m, id, actor.id);
      await this.ledger.expensePaid(m, toExpenseItem(row));
      await this.audit.record(actor, { action: 'expense.approved', entityType: 'expense', entityId: id }, m);
      const titles = await this.receipts.titlesOf(row.case_id, row.receipt_document_id ? [row.receipt_document_id] : []);
      return toExpenseItem(updated, this.titleIn(titles, row));
    });
  }

  private titleIn(titles: Map<string, string>, row: ExpenseRow): string | null {
    return (row.receipt_document_id && titles.get(row.receipt_document_id)) ?? null;
  }

  /** Per currency: raised, refunded, disputed, fees, spent by category and the balance — from the kept totals. */
  async ledgerOf(actor: Actor, caseRef: string): Promise<CaseLedger> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:read');
    const { totals, spent } = await this.expenses.ledgerTotals(theCase.id);
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
