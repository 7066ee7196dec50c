import { z } from 'zod';
import { isoDate, isoDateTime, page, pageQuery, uuid } from './common';
import { isValidAccount, isValidBic, isValidCorrespondentAccount, isValidInn, isValidKpp } from './russian-bank-rules';

const digits = (value: string) => value.replace(/[\s-]/g, '');

/** PUT /api/cases/:id/bank-details — the fund's account in Russia; check digits as Russian banks compute them. */
export const bankDetailsRequest = z
  .object({
    recipientName: z.string().trim().min(1).max(160),
    account: z.string().transform(digits),
    bankName: z.string().trim().min(1).max(45, 'at most 45 characters (the payment QR standard)'),
    bic: z.string().transform(digits),
    correspondentAccount: z.string().transform(digits),
    inn: z
      .string()
      .transform(digits)
      .optional()
      .transform((value) => value || undefined),
    kpp: z
      .string()
      .transform(digits)
      .optional()
      .transform((value) => value || undefined),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!isValidBic(value.bic)) return issue('bic', 'must be a Russian BIC: 9 digits beginning with 04');
    if (!/^\d{20}$/.test(value.account)) issue('account', 'must be 20 digits');
    else if (!isValidAccount(value.account, value.bic)) issue('account', 'the control digit does not match this BIC');
    if (!/^\d{20}$/.test(value.correspondentAccount)) issue('correspondentAccount', 'must be 20 digits');
    else if (!isValidCorrespondentAccount(value.correspondentAccount, value.bic)) issue('correspondentAccount', 'does not belong to this BIC');
    if (value.inn && !isValidInn(value.inn)) issue('inn', 'the INN check digits do not match');
    if (value.kpp && !isValidKpp(value.kpp)) issue('kpp', 'must be 9 characters: 4 digits, 2 digits or letters, 3 digits');
  });
export type BankDetailsRequest = z.input<typeof bankDetailsRequest>;

export const bankDetails = z.object({
  recipientName: z.string(),
  account: z.string(),
  bankName: z.string(),
  bic: z.string(),
  correspondentAccount: z.string(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  code: z.string(),
  updatedAt: isoDateTime,
});
export type BankDetails = z.infer<typeof bankDetails>;

/** Public texts of a campaign per language, and other ways to give (free text, e.g. cash at the office). */
const campaignText = z.object({ title: z.string().trim().max(200), summary: z.string().trim().max(5000), otherWays: z.string().trim().max(3000) });
export const campaignTextsRequest = z.object({ ru: campaignText, en: campaignText });
export type CampaignTexts = z.infer<typeof campaignTextsRequest>;

/** Amounts a donor may put into the payment QR or a pledge (kopecks): 10 ₽ to 1 000 000 ₽. */
export const BANK_TRANSFER_MIN_MINOR = 1_000;
export const BANK_TRANSFER_MAX_MINOR = 100_000_000;
const rubles = z
  .number()
  .int()
  .min(BANK_TRANSFER_MIN_MINOR, 'the smallest amount is 10 RUB')
  .max(BANK_TRANSFER_MAX_MINOR, 'the largest amount is 1 000 000 RUB');

export const bankTransferQuery = z.object({ amountMinor: z.coerce.number().pipe(rubles).optional() });

/** GET /api/public/campaigns/:slug/bank-transfer */
export const publicBankTransfer = bankDetails.omit({ updatedAt: true }).extend({
  purpose: z.string(),
  amountMinor: z.number().int().nullable(),
  qrPayload: z.string(),
  qrSvg: z.string(),
});
export type PublicBankTransfer = z.infer<typeof publicBankTransfer>;

/** A donor who wants a receipt pledges an amount and gets a code of their own; the code never names them. */
export const bankPledgeRequest = z.object({
  amountMinor: rubles,
  email: z.email({ error: 'must be an email address' }).max(200),
  name: z.string().trim().max(100).optional(),
  showName: z.boolean().default(false),
});
export type BankPledgeRequest = z.input<typeof bankPledgeRequest>;

export const statementImportResult = z.object({
  statementId: uuid,
  imported: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  duplicates: z.number().int(),
  outgoing: z.number().int(),
  outgoingMatched: z.number().int(),
});
export type StatementImportResult = z.infer<typeof statementImportResult>;

export const bankTransferStatuses = ['matched', 'unmatched', 'not_donation', 'outgoing', 'expense_matched'] as const;
export const bankTransferItem = z.object({
  id: uuid,
  statementId: uuid,
  direction: z.enum(['in', 'out']),
  status: z.enum(bankTransferStatuses),
  matchedBy: z.enum(['code', 'amount_date', 'manual']).nullable(),
  documentNumber: z.string(),
  bookedOn: isoDate,
  amountMinor: z.number().int(),
  currency: z.string(),
  counterpartyName: z.string().nullable(),
  counterpartyAccount: z.string().nullable(),
  purpose: z.string().nullable(),
  code: z.string().nullable(),
  caseId: uuid.nullable(),
  caseTitle: z.string().nullable(),
  donationId: uuid.nullable(),
  expenseId: uuid.nullable(),
  donorId: uuid.nullable(),
});
export type BankTransferItem = z.infer<typeof bankTransferItem>;
export const bankTransferPage = page(bankTransferItem);
export const bankTransferListQuery = pageQuery.extend({ status: z.enum(bankTransferStatuses).optional() });
export type BankTransferListQuery = z.infer<typeof bankTransferListQuery>;

export const assignBankTransferRequest = z.union([
  z.object({ caseId: z.string().trim().min(1).max(100), notADonation: z.undefined().optional() }),
  z.object({ notADonation: z.literal(true), caseId: z.undefined().optional() }),
]);
export type AssignBankTransferRequest = z.infer<typeof assignBankTransferRequest>;

export const bankStatementItem = z.object({
  id: uuid,
  fileName: z.string().nullable(),
  account: z.string(),
  periodFrom: isoDate.nullable(),
  periodTo: isoDate.nullable(),
  encoding: z.string(),
  lineCount: z.number().int(),
  importedAt: isoDateTime,
  fileDeleted: z.boolean(),
});
export type BankStatementItem = z.infer<typeof bankStatementItem>;
export const bankStatementPage = page(bankStatementItem);
