import { z } from 'zod';
import { isoDateTime, pageQuery, page } from './common';

export const auditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  actorId: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(80).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditPage = page(auditEntry);
