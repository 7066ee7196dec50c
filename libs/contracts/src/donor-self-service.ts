import { z } from 'zod';
import { isoDateTime, uuid } from './common';
import { donationKinds, donationStatuses } from './donations';

export const donorLanguages = ['ru', 'en'] as const;
export const donorLanguage = z.enum(donorLanguages);
export type DonorLanguage = z.infer<typeof donorLanguage>;

/** One receipt: a payment of a gift (each month of a monthly gift has its own). */
export const donorReceipt = z.object({ id: uuid, amountMinor: z.number().int(), currency: z.string(), paidAt: isoDateTime });

/** A gift as its donor sees it through the private link: no other donor, nothing about the case but the campaign title. */
export const donorGift = z.object({
  id: uuid,
  campaignTitle: z.string(),
  kind: z.enum(donationKinds),
  status: z.enum(donationStatuses),
  amountMinor: z.number().int(),
  currency: z.string(),
  subscriptionStatus: z.enum(['active', 'past_due', 'canceled']).nullable(),
  /** A monthly gift the donor may still cancel or change here. */
  changeable: z.boolean(),
  minAmountMinor: z.number().int(),
  maxAmountMinor: z.number().int(),
  createdAt: isoDateTime,
  receipts: z.array(donorReceipt),
});
export type DonorGift = z.infer<typeof donorGift>;

/** GET /api/public/donor-links/:token */
export const donorGifts = z.object({ language: donorLanguage, name: z.string().nullable(), gifts: z.array(donorGift) });
export type DonorGifts = z.infer<typeof donorGifts>;

/** PATCH /api/public/donor-links/:token/gifts/:id — the new monthly amount, in the gift's currency. */
export const changeGiftRequest = z.object({ amountMinor: z.number().int('must be an integer amount in minor units').positive('must be positive') });
export type ChangeGiftRequest = z.infer<typeof changeGiftRequest>;

export const receiptQuery = z.object({ language: donorLanguage.optional() });

/** The fund's legal name as receipts print it, per language (app-wide, set by finance). */
export const fundSettings = z.object({
  legalName: z.object({ ru: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
});
export type FundSettings = z.infer<typeof fundSettings>;
