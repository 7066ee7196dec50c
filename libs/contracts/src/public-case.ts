import { z } from 'zod';
import { isoDate, isoDateTime, page, pageQuery } from './common';

export const updateLanguage = z.enum(['ru', 'en']);
export const updateStatus = z.enum(['draft', 'published', 'unpublished']);
export type UpdateStatus = z.infer<typeof updateStatus>;

export const createCaseUpdateRequest = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  body: z.string().trim().min(1, 'is required').max(10_000),
  language: updateLanguage,
});
export type CreateCaseUpdateRequest = z.infer<typeof createCaseUpdateRequest>;

/** An update as the team sees it (drafts included). */
export const caseUpdate = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  language: updateLanguage,
  title: z.string(),
  body: z.string(),
  status: updateStatus,
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  publishedAt: isoDateTime.nullable(),
  unpublishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type CaseUpdate = z.infer<typeof caseUpdate>;
export const caseUpdatePage = page(caseUpdate);
export const caseUpdateListQuery = pageQuery.extend({ status: updateStatus.optional() });
export type CaseUpdateListQuery = z.infer<typeof caseUpdateListQuery>;
export const caseUpdateCreated = z.object({ id: z.uuid(), status: updateStatus });
export const caseUpdateStatus = z.object({ status: updateStatus });

/** GET /api/public/cases/:slug — only what the team chose to publish; never medical data, never a member's name. */
export const publicCase = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  language: updateLanguage,
  hearings: z.array(
    z.object({ id: z.uuid(), scheduledAt: isoDateTime, timeZone: z.string(), court: z.string(), address: z.string().nullable(), kind: z.string() }),
  ),
  updates: z.array(z.object({ id: z.uuid(), publishedAt: isoDateTime, title: z.string(), body: z.string(), language: updateLanguage })),
  writeTo: z.object({ facility: z.string(), address: z.string(), rules: z.string().nullable() }).nullable(),
  donateUrl: z.string(),
  /** Approved solidarity posts; `at` is a date only, so a post cannot be timed against a donation or a subscription. */
  solidarity: z.array(z.object({ id: z.uuid(), message: z.string(), photoUrl: z.string().optional(), at: isoDate })),
});
export type PublicCase = z.infer<typeof publicCase>;
export const publicCaseQuery = z.object({ lang: updateLanguage.optional() });

/** POST /api/public/cases/:slug/subscriptions — always 202, known address or not; a confirmation mail is queued. */
export const subscribeRequest = z.object({
  email: z.email({ error: 'must be an e-mail address' }).max(254),
  language: updateLanguage.default('ru'),
});
export type SubscribeRequest = z.infer<typeof subscribeRequest>;
export const subscribeAccepted = z.object({ status: z.literal('accepted') });

/** POST /api/subscribers/erase — every subscription of this address, in every case, and every mail to it. */
export const eraseSubscriberRequest = z.object({ email: z.email({ error: 'must be an e-mail address' }).max(254) });
export type EraseSubscriberRequest = z.infer<typeof eraseSubscriberRequest>;
export const subscribersErased = z.object({ erased: z.number().int() });

/** Anonymous solidarity: a short message and an optional photo (re-encoded without metadata), shown once approved. */
export const solidarityStatus = z.enum(['pending', 'approved', 'rejected']);
export type SolidarityStatus = z.infer<typeof solidarityStatus>;
export const solidarityFields = z.object({ message: z.string().trim().min(1, 'is required').max(1000) });
export const solidarityAccepted = z.object({ status: z.literal('pending') });
export const publicSolidarityPost = publicCase.shape.solidarity.element;
export type PublicSolidarityPost = z.infer<typeof publicSolidarityPost>;
export const solidarityPost = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  message: z.string(),
  photoUrl: z.string().nullable(),
  status: solidarityStatus,
  on: isoDate,
});
export type SolidarityPost = z.infer<typeof solidarityPost>;
export const solidarityListQuery = pageQuery.extend({ status: solidarityStatus.optional() });
export type SolidarityListQuery = z.infer<typeof solidarityListQuery>;
export const solidarityPage = page(solidarityPost);
export const solidarityStatusReply = z.object({ status: solidarityStatus });
