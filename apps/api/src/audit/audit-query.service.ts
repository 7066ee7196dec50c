import { Injectable } from '@nestjs/common';
import type { AuditActions, AuditEntry, AuditQuery, Page } from '@habeas/contracts';
import { decodeCursor, encodeCursor, toPage } from '../common/pagination';
import { AuditLogRepository, type AuditRow, type DocumentUpload } from './audit-log.repository';

/** A read (a record shown), as opposed to a change: `medical_incident.read`, `donation.donor_viewed`. */
export function isReadAction(action: string): boolean {
  return /(\.read|[._]viewed)$/.test(action);
}

function toEntry(row: AuditRow, group: AuditRow[] = [row]): AuditEntry {
  const many = group.length > 1;
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: many ? null : row.entity_id,
    entityTitle: many ? null : row.entity_title,
    caseTitle: group.every((other) => other.case_title === row.case_title) ? row.case_title : null,
    ip: row.ip,
    details: row.details,
    count: group.length,
    entityIds: many ? group.map((other) => other.entity_id).filter((id): id is string => id !== null) : null,
  };
}

/**
 * The reads one request recorded (a list shown once: same instant, actor, action, type and address) as one
 * entry; changes stay one entry each. Order is kept by each group's first row.
 */
export function collapseReads(rows: AuditRow[]): AuditEntry[] {
  const groups = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const key = isReadAction(row.action) ? [row.at_text, row.actor_id, row.action, row.entity_type, row.ip].join('|') : row.id;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => toEntry(group[0], group));
}

/** Reads the audit log, newest first, by keyset over (at, id). */
@Injectable()
export class AuditQueryService {
  constructor(private readonly log: AuditLogRepository) {}

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.log.page(query, query.limit + 1, after);
    const keyOf = (row: AuditRow) => ({ key: row.at_text, id: row.id });
    if (query.collapse !== 'true') return toPage(rows, query.limit, keyOf, (row) => toEntry(row));
    const more = rows.length > query.limit;
    const shown = rows.slice(0, query.limit);
    // A page never splits the reads of one instant: the rest of the last row's instant comes along.
    if (more && shown.length > 0) shown.push(...(await this.log.page(query, 10_000, keyOf(shown[shown.length - 1]), true)));
    return { items: collapseReads(shown), nextCursor: more && shown.length > 0 ? encodeCursor(keyOf(shown[shown.length - 1])) : null };
  }

  async actions(): Promise<AuditActions> {
    return { items: await this.log.actions() };
  }

  /** Where each version of a document came from: the audit entries that stored them, with the address they came from. */
  uploadsOf(documentId: string): Promise<DocumentUpload[]> {
    return this.log.uploadsOf(documentId);
  }
}
