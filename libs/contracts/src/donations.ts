import { z } from 'zod';
import { currency, isoDate, isoDateTime, money, page, pageQuery, uuid } from './common';
import { singleLine } from './text';

export const expenseCategories = ['legal_fees', 'medical', 'parcels_commissary', 'travel', 'court_fees', 'other'] as const;
export const expenseCategory = z.enum(expenseCategories);
export type ExpenseCategory = z.infer<typeof expenseCategory>;

export const donationKinds = ['one_off', 'recurring', 'offline'] as const;
export const donationStatuses = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'disputed', 'canceled'] as const;

/**
 * A campaign's progress in one currency: what donors gave (less refunds and disputes) one-off, monthly and outside
 * Stripe, apart, against its goal. The public page, the case Overview and the finance screens all show this.
 */
export const campaignProgress = z.object({
  currency: z.string(),
  goalMinor: z.number().int().nullable(),
  oneOffMinor: z.number().int(),
  monthlyMinor: z.number().int(),
  offlineMinor: z.number().int(),
  raisedMinor: z.number().int(),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

/** GET /api/cases/:id/fundraising — anyone who sees the case. */
export const caseFundraising = z.object({ progress: z.array(campaignProgress) });
export type CaseFundraising = z.infer<typeof caseFundraising>;

/** GET /api/public/campaigns/:slug — never a hidden donor's name, never an email. */
export const publicCampaign = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The first of `progress`'s goals (older clients); `progress` has one per currency. */
  goal: money.nullable(),
  progress: z.array(campaignProgress),
  raised: z.array(money),
  raisedByKind: z.array(money.extend({ kind: z.enum(donationKinds) })),
  donorCount: z.number().int(),
  supporters: z.array(z.object({ name: z.string().nullable(), message: z.string().nullable(), at: isoDate })),
  spent: z.array(money.extend({ category: expenseCategory })),
  currencies: z.array(z.string()),
  /** Limits of the first currency (kept for older clients); `limits` has every currency's, by its exponent. */
  minAmountMinor: z.number().int(),
  maxAmountMinor: z.number().int(),
  limits: z.array(z.object({ currency: z.string(), minAmountMinor: z.number().int(), maxAmountMinor: z.number().int(), presets: z.array(z.number().int()) })),
  statementDescriptor: z.string(),
  paymentsEnabled: z.boolean(),
  /** Title, summary and other ways to give per language; an empty text falls back to `title`/`summary`. */
  texts: z.object({
    ru: z.object({ title: z.string(), summary: z.string(), otherWays: z.string() }),
    en: z.object({ title: z.string(), summary: z.string(), otherWays: z.string() }),
  }),
  /** The campaign takes bank transfers (GET …/bank-transfer answers with the details and a QR), in RUB within these limits. */
  bankTransfer: z.object({ minAmountMinor: z.number().int(), maxAmountMinor: z.number().int() }).nullable(),
});
export type PublicCampaign = z.infer<typeof publicCampaign>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A donor's name as they typed it, one line, invisible direction controls removed; empty means none. */
const optionalName = (max: number) =>
  singleLine()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const checkoutRequest = z.object({
  amountMinor: z.number().int('must be an integer amount in minor units').positive('must be positive'),
  currency,
  interval: z.literal('month').optional(),
  anonymous: z.boolean().default(true),
  name: optionalName(100),
  email: optionalText(200).pipe(z.email({ error: 'must be an email address' }).optional()),
  message: optionalText(500),
  /** The donor's language: their thank-you mail, receipts and private page use it. */
  language: z.enum(['ru', 'en']).default('ru'),
});
export type CheckoutRequest = z.input<typeof checkoutRequest>;
export const checkoutResponse = z.object({ url: z.string() });

export const donationItem = z.object({
  id: uuid,
  caseId: uuid,
  caseSlug: z.string(),
  kind: z.enum(donationKinds),
  status: z.enum(donationStatuses),
  amountMinor: z.number().int(),
  currency: z.string(),
  paidMinor: z.number().int(),
  refundedMinor: z.number().int(),
  disputedMinor: z.number().int(),
  method: z.string().nullable(),
  subscriptionStatus: z.enum(['active', 'past_due', 'canceled']).nullable(),
  donorId: uuid.nullable(),
  donorName: z.string().nullable(),
  donorEmail: z.string().nullable(),
  message: z.string().nullable(),
  showName: z.boolean(),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
});
export type DonationItem = z.infer<typeof donationItem>;
export const donationPage = page(donationItem);

export const donationListQuery = pageQuery.extend({
  caseId: uuid.optional(),
  status: z.enum(donationStatuses).optional(),
  kind: z.enum(donationKinds).optional(),
  currency: currency.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DonationListQuery = z.infer<typeof donationListQuery>;

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

export const offlineDonationRequest = z.object({
  caseId: uuid,
  amountMinor: z.number().int().positive('must be positive'),
  currency,
  method: z.string().trim().min(1).max(100),
  receivedOn: isoDate.optional(),
  anonymous: z.boolean().default(true),
  name: optionalName(100),
  email: optionalText(200).pipe(z.email({ error: 'must be an email address' }).optional()),
  message: optionalText(500),
  language: z.enum(['ru', 'en']).default('ru'),
});
export type OfflineDonationRequest = z.input<typeof offlineDonationRequest>;

/** Why a signed Stripe event could not be applied (the admin words each one in ru and en). */
export const stripeIssueReasons = [
  'unknown_subscription',
  'missing_subscription',
  'missing_payment_reference',
  'unknown_campaign',
  'missing_amount',
  'unsupported_currency',
] as const;
export const stripeIssueReason = z.enum(stripeIssueReasons);
export type StripeIssueReason = z.infer<typeof stripeIssueReason>;

/** GET /api/donations/attention — signed Stripe events still waiting to be applied. */
export const stripeIssueItem = z.object({
  eventId: z.string(),
  type: z.string(),
  reason: stripeIssueReason,
  /** What the event names (a subscription, invoice, session or charge id), for finding it in Stripe. */
  objectId: z.string().nullable(),
  amount: money.nullable(),
  attempts: z.number().int(),
  firstSeenAt: isoDateTime,
  lastTriedAt: isoDateTime,
});
export type StripeIssueItem = z.infer<typeof stripeIssueItem>;
export const stripeIssuePage = page(stripeIssueItem);

export const reconciliationRun = z.object({
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  checkedCount: z.number().int(),
  fixedCount: z.number().int(),
  failedCount: z.number().int(),
  /** What stopped the run (the admin words it); `error` is the technical detail. */
  errorKind: z.enum(['stripe_failed', 'stripe_unreachable', 'internal']).nullable(),
  error: z.string().nullable(),
});
export type ReconciliationRun = z.infer<typeof reconciliationRun>;
export const reconciliationResult = z.object({ checked: z.number().int(), fixed: z.number().int(), failed: z.number().int() });

/** A monthly gift whose last payment failed. */
export const atRiskGift = z.object({
  donationId: uuid,
  caseSlug: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  failedAt: isoDateTime,
  donorName: z.string().nullable(),
});
export type AtRiskGift = z.infer<typeof atRiskGift>;

export const donationSummary = z.object({
  totals: z.array(
    money.extend({
      kind: z.enum(donationKinds),
      refundedMinor: z.number().int(),
      donorCount: z.number().int(),
      /** What donors gave, less refunds and disputes. */
      grossMinor: z.number().int(),
      /** Stripe's fees, in this currency. */
      feesMinor: z.number().int(),
      netMinor: z.number().int(),
    }),
  ),
  perDay: z.array(money.extend({ day: isoDate, kind: z.enum(donationKinds) })),
  lastReconciliation: reconciliationRun.nullable(),
  needsAttention: z.number().int(),
  atRisk: z.array(atRiskGift),
  payouts: z.array(money.extend({ id: z.string(), status: z.string(), arrivalDate: isoDate.nullable() })),
});
export type DonationSummary = z.infer<typeof donationSummary>;

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

/** One goal per campaign and currency. */
export const campaignGoal = money.extend({ amountMinor: z.number().int().positive('must be positive') });
export type CampaignGoal = z.infer<typeof campaignGoal>;

export const campaignSettings = z.object({
  goals: z
    .array(campaignGoal)
    .max(20)
    .refine((goals) => new Set(goals.map((goal) => goal.currency)).size === goals.length, 'one goal per currency'),
  statementDescriptor: z
    .string()
    .trim()
    .max(22)
    .regex(/^[A-Za-z0-9 .-]*$/, 'letters, digits, spaces, dots and dashes only')
    .nullable(),
  currencies: z.array(currency).min(1),
  maxAmountMinor: z.number().int().min(100),
});
export type CampaignSettings = z.infer<typeof campaignSettings>;
