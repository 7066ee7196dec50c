import { z } from 'zod';
import { pageQuery, page } from './common';

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

export const caseSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  publicSummary: z.string(),
  isPublic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const createCaseRequest = z.object({
  slug,
  title: z.string().trim().min(1, 'is required').max(300),
  publicSummary: z.string().max(5000).default(''),
  isPublic: z.boolean().default(false),
});
export type CreateCaseRequest = z.infer<typeof createCaseRequest>;

export const updateCaseRequest = createCaseRequest.partial().refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateCaseRequest = z.infer<typeof updateCaseRequest>;

export const caseListQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });
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
