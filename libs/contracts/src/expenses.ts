import { z } from 'zod';
import { currency, isoDate, isoDateTime, page, pageQuery, uuid } from './common';
import { optionalText, singleLine } from './text';

/** What leaves a campaign's fund (expenses, approved by a second person) and the ledger of every money movement. */
export const expenseCategories = ['legal_fees', 'medical', 'parcels_commissary', 'travel', 'court_fees', 'other'] as const;
export const expenseCategory = z.enum(expenseCategories);
export type ExpenseCategory = z.infer<typeof expenseCategory>;

export const ledgerKinds = ['payment', 'offline', 'refund', 'dispute', 'dispute_reversal', 'fee', 'expense'] as const;

/** Filters of the ledger: the CSV export and the ledger screen take the same ones and list the same lines. */
export const exportQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  caseId: uuid.optional(),
  category: expenseCategory.optional(),
  currency: currency.optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const ledgerQuery = exportQuery.extend(pageQuery.shape);
export type LedgerQuery = z.infer<typeof ledgerQuery>;

/** One line of the ledger (a row of the CSV) with the running balance, per currency, of the lines the filters keep. */
export const ledgerLine = z.object({
  id: uuid,
  at: isoDateTime,
  caseId: uuid,
  caseTitle: z.string(),
  kind: z.enum(ledgerKinds),
  currency: z.string(),
  grossMinor: z.number().int(),
  feeMinor: z.number().int(),
  netMinor: z.number().int(),
  balanceMinor: z.number().int(),
  donor: z.string().nullable(),
  donationId: uuid.nullable(),
  expenseId: uuid.nullable(),
  category: expenseCategory.nullable(),
  reference: z.string().nullable(),
});
export type LedgerLine = z.infer<typeof ledgerLine>;
export const ledgerPage = page(ledgerLine);

export const createExpenseRequest = z.object({
  category: expenseCategory,
  payee: singleLine().min(1).max(200),
  spentOn: isoDate,
  amountMinor: z.number().int().positive('must be positive'),
  currency,
  description: optionalText(1000),
  receiptDocumentId: uuid.optional(),
});
export type CreateExpenseRequest = z.input<typeof createExpenseRequest>;

export const expenseItem = z.object({
  id: uuid,
  caseId: uuid,
  category: expenseCategory,
  payee: z.string(),
  spentOn: isoDate,
  amountMinor: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  receiptDocumentId: uuid.nullable(),
  /** The receipt's name as the case's documents show it (null without a receipt). */
  receiptTitle: z.string().nullable(),
  status: z.enum(['awaiting_approval', 'paid']),
  submittedBy: uuid,
  approvedBy: uuid.nullable(),
  approvedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type ExpenseItem = z.infer<typeof expenseItem>;
export const expensePage = page(expenseItem);

export const caseLedger = z.object({
  caseId: uuid,
  currencies: z.array(
    z.object({
      currency: z.string(),
      raisedMinor: z.number().int(),
      refundedMinor: z.number().int(),
      disputedMinor: z.number().int(),
      feesMinor: z.number().int(),
      spentMinor: z.number().int(),
      spentByCategory: z.array(z.object({ category: expenseCategory, amountMinor: z.number().int() })),
      balanceMinor: z.number().int(),
    }),
  ),
});
export type CaseLedger = z.infer<typeof caseLedger>;
