import { z } from 'zod';
import { isoDateTime, pageQuery, page } from './common';

export const auditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What the entity is called now (a case's or document's title, a user's name), when it has a name. */
  entityTitle: z.string().nullable(),
  /** The case the entity belongs to, for documents, incidents, alerts, contact-log entries and expenses. */
  caseTitle: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** With `collapse`: how many records one read covered (a list shown once), and which. */
  count: z.number().int().min(1),
  entityIds: z.array(z.string()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  actorId: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(80).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** `true`: the reads of one screen (one list shown) come back as one entry with `count` and `entityIds`. */
  collapse: z.enum(['true', 'false']).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditPage = page(auditEntry);

export const auditActions = z.object({ items: z.array(z.string()) });
export type AuditActions = z.infer<typeof auditActions>;
