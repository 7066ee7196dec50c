import { z } from 'zod';
import { currency, isoDate, isoDateTime, money, page, pageQuery, uuid } from './common';
import { optionalText, singleLine } from './text';

export const donationKinds = ['one_off', 'recurring', 'offline'] as const;
export const donationStatuses = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'disputed', 'canceled'] as const;

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
