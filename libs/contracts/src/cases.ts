import { z } from 'zod';
import { isoDate, pageQuery, page } from './common';
import { singleLine } from './text';

export const caseRoles = ['lead_counsel', 'counsel', 'medical_coordinator', 'coordinator'] as const;
export const caseRole = z.enum(caseRoles);
export type CaseRole = z.infer<typeof caseRole>;

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be 2 to 60 characters')
  .max(60, 'must be 2 to 60 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'may contain only latin letters, digits and single dashes');

/** A case in a path: its UUID or its slug (the API resolves either, and answers 404 to a case one may not see). */
export const caseRef = z.string().trim().min(1).max(100);

export const caseStages = ['investigation', 'pre_trial', 'trial', 'appeal', 'cassation', 'closed'] as const;
export const caseStage = z.enum(caseStages);
export type CaseStage = z.infer<typeof caseStage>;
export const pleas = ['guilty', 'not_guilty', 'partial', 'no_plea'] as const;
export const plea = z.enum(pleas);
export const custodyMeasures = ['detention', 'house_arrest', 'bail', 'travel_ban', 'none'] as const;
export const custodyMeasure = z.enum(custodyMeasures);
export const defendantStatuses = ['detained', 'house_arrest', 'released', 'convicted'] as const;
export const defendantStatus = z.enum(defendantStatuses);
export type DefendantStatus = z.infer<typeof defendantStatus>;

/** The person the case defends. */
export const defendant = z.object({
  fullName: singleLine().min(1, 'is required').max(300),
  dateOfBirth: isoDate.nullable().default(null),
  publicBio: z.string().max(5000).default(''),
  status: defendantStatus.default('detained'),
});
export type Defendant = z.infer<typeof defendant>;

/** A charge: the article of the criminal code and what it says. */
export const charge = z.object({
  article: z.string().trim().min(1, 'is required').max(50),
  description: z.string().trim().max(500).default(''),
});
export type Charge = z.infer<typeof charge>;

/** Particulars of a case beyond its title (all optional when creating). */
const caseParticulars = {
  defendant: defendant.nullable(),
  courtCaseNumber: z.string().trim().max(100),
  court: z.string().trim().max(300),
  judge: z.string().trim().max(300),
  investigatingAgency: z.string().trim().max(300),
  charges: z.array(charge).max(50),
  stage: caseStage,
  plea: plea.nullable(),
  custodyMeasure: custodyMeasure.nullable(),
  detainedUntil: isoDate.nullable(),
  facilityId: z.uuid().nullable(),
  custodyAppealDays: z.number().int().min(1, 'must be 1 to 60 days').max(60, 'must be 1 to 60 days'),
  verdictAppealDays: z.number().int().min(1, 'must be 1 to 60 days').max(60, 'must be 1 to 60 days'),
};

export const caseSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  /** The title and public summary as the team writes them in Russian; `titleEn`/`publicSummaryEn` in English (empty: not translated). */
  title: z.string(),
  publicSummary: z.string(),
  titleEn: z.string(),
  publicSummaryEn: z.string(),
  isPublic: z.boolean(),
  defendant: defendant.extend({ id: z.uuid() }).nullable(),
  courtCaseNumber: z.string(),
  court: z.string(),
  judge: z.string(),
  investigatingAgency: z.string(),
  charges: z.array(charge),
  stage: caseStage,
  plea: plea.nullable(),
  custodyMeasure: custodyMeasure.nullable(),
  detainedUntil: z.string().nullable(),
  facilityId: z.string().nullable(),
  custodyAppealDays: z.number().int(),
  verdictAppealDays: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

/** A case's title in the reader's language: the English one when there is one, else the Russian. */
export function caseTitleIn(theCase: { title: string; titleEn?: string }, language: string): string {
  return (language === 'en' && theCase.titleEn) || theCase.title;
}

export const createCaseRequest = z
  .object({
    slug,
    title: singleLine().min(1, 'is required').max(300),
    publicSummary: z.string().max(5000).default(''),
    titleEn: singleLine().max(300).default(''),
    publicSummaryEn: z.string().max(5000).default(''),
    isPublic: z.boolean().default(false),
  })
  .extend(z.object(caseParticulars).partial().shape);
export type CreateCaseRequest = z.infer<typeof createCaseRequest>;

export const updateCaseRequest = z
  .object({
    slug,
    title: singleLine().min(1, 'is required').max(300),
    publicSummary: z.string().max(5000),
    titleEn: singleLine().max(300),
    publicSummaryEn: z.string().max(5000),
    isPublic: z.boolean(),
    ...caseParticulars,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateCaseRequest = z.infer<typeof updateCaseRequest>;

export const caseListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  stage: caseStage.optional(),
  defendantStatus: defendantStatus.optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
export const casePage = page(caseSummary);

export const caseMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  roleOnCase: caseRole,
  addedAt: z.string(),
});
export type CaseMember = z.infer<typeof caseMember>;
export const caseMemberPage = page(caseMember);

export const addCaseMemberRequest = z.object({ userId: z.uuid(), roleOnCase: caseRole });
export type AddCaseMemberRequest = z.infer<typeof addCaseMemberRequest>;
