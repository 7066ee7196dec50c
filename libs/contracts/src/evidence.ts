import { z } from 'zod';
import { isoDate, uuid } from './common';

/** `GET /api/audit-log/verify`: the walk of the audit hash chain. */
export const auditChainVerification = z.object({
  ok: z.boolean(),
  /** Entries checked (all of them when ok). */
  entries: z.number().int(),
  /** Hash of the last entry of the chain (all zeros for an empty log). */
  head: z.string(),
  brokenAt: z
    .object({
      seq: z.number().int(),
      entryId: z.string().nullable(),
      reason: z.enum(['entry_changed', 'entry_missing', 'link_missing', 'link_mismatch', 'unlinked_entries']),
    })
    .optional(),
});
export type AuditChainVerification = z.infer<typeof auditChainVerification>;

export const dossierLanguage = z.enum(['ru', 'en']);
export type DossierLanguage = z.infer<typeof dossierLanguage>;

export const createDossierRequest = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    language: dossierLanguage,
    includeDocuments: z.union([z.literal('all'), z.array(uuid).max(1000, 'at most 1000 documents')]).default([]),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: '"from" must not be after "to"', path: ['to'] });
export type CreateDossierRequest = z.infer<typeof createDossierRequest>;

export const dossierStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type DossierStatus = z.infer<typeof dossierStatus>;

export const dossier = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: dossierStatus,
  /** 0..100 */
  progress: z.number().int(),
  language: dossierLanguage,
  from: z.string().nullable(),
  to: z.string().nullable(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Of the ZIP, once done. */
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  auditHead: z.string().nullable(),
  error: z.string().nullable(),
});
export type Dossier = z.infer<typeof dossier>;

export const dossierCreated = z.object({ id: z.uuid() });

/** Chain of custody of one document: every version, who stored it, when, from where, and its hash. */
export const custodyEntry = z.object({
  version: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  fileName: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  ip: z.string().nullable(),
});
export type CustodyEntry = z.infer<typeof custodyEntry>;
export const documentCustody = z.object({ items: z.array(custodyEntry) });
export type DocumentCustody = z.infer<typeof documentCustody>;
