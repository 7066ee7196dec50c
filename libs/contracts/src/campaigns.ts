import { z } from 'zod';
import { currency, isoDate, money } from './common';
import { donationKinds } from './donations';
import { expenseCategory } from './expenses';

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
