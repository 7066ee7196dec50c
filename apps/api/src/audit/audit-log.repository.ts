import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditQuery } from '@habeas/contracts';
import { cursorKey, keysetAfter, type KeysetCursor } from '../common/pagination';

export interface AuditRow {
  id: string;
  at: Date;
  at_text: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_title: string | null;
  case_title: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** One stored version of a document, as the audit log recorded it. */
export interface DocumentUpload {
  sha256: string;
  version: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
}

type Filters = Pick<AuditQuery, 'actorId' | 'entityType' | 'entityId' | 'action' | 'from' | 'to'>;

/** The entity's name and its case's title, looked up by type (the log keeps ids only; names may change later). */
const NAMES = `
  left join lateral (select case when a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.entity_id::uuid end as uid) k on true
  left join lateral (select
    case a.entity_type
      when 'case' then (select c.title from cases c where c.id = k.uid)
      when 'document' then (select d.title from documents d where d.id = k.uid)
      when 'user' then (select eu.name from users eu where eu.id = k.uid)
      when 'legal_template' then (select lt.title from legal_templates lt where lt.id = k.uid)
    end as entity_title,
    (select c.title from cases c where c.id = case a.entity_type
      when 'document' then (select d.case_id from documents d where d.id = k.uid)
      when 'medical_incident' then (select i.case_id from medical_incidents i where i.id = k.uid)
      when 'medical_alert' then (select ma.case_id from medical_alerts ma where ma.id = k.uid)
      when 'contact_event' then (select ce.case_id from contact_events ce where ce.id = k.uid)
      when 'expense' then (select ex.case_id from expenses ex where ex.id = k.uid)
    end) as case_title) n on true`;

const COLUMNS = `a.id, a.at, ${cursorKey('a.at')} as at_text, a.actor_id, u.email as actor_email,
  u.name as actor_name, a.action, a.entity_type, a.entity_id, n.entity_title, n.case_title, a.ip, a.details`;

/** Reads of the audit log, newest first, by keyset over (at, id). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit` entries after `after`; with `sameInstant`, only those at exactly that instant (to finish a group). */
  async page(filters: Filters, limit: number, after?: KeysetCursor, sameInstant = false): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.actorId) add('a.actor_id = ?', filters.actorId);
    if (filters.entityType) add('a.entity_type = ?', filters.entityType);
    if (filters.entityId) add('a.entity_id = ?', filters.entityId);
    if (filters.action) add('a.action = ?', filters.action);
    if (filters.from) add('a.at >= ?', filters.from);
    if (filters.to) add('a.at < ?', filters.to);
    if (after) {
      where.push(keysetAfter(params, after, { key: 'a.at', id: 'a.id', descending: true }));
      if (sameInstant) where.push(`a.at = $${params.length - 1}::timestamptz`);
    }
    params.push(limit);
    return this.db.query(
      `select ${COLUMNS}
         from audit_log a left join users u on u.id = a.actor_id ${NAMES}
        ${where.length ? 'where ' + where.join(' and ') : ''}
        order by a.at desc, a.id desc
        limit $${params.length}`,
      params,
    );
  }

  /** Every action the log holds, for the filter. */
  async actions(): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.db.query(`select distinct action from audit_log order by action`);
    return rows.map((row) => row.action);
  }

  /** The audit entries that stored each version of a document, oldest first, with who sent it and from where. */
  async uploadsOf(documentId: string): Promise<DocumentUpload[]> {
    const rows: Array<{ sha256: string; version: number; at: Date; actor_id: string | null; actor_name: string | null; ip: string | null }> =
      await this.db.query(
        `select a.details->>'sha256' as sha256, coalesce((a.details->>'number')::int, 1) as version, a.at, a.actor_id, u.name as actor_name, a.ip
         from audit_log a left join users u on u.id = a.actor_id
        where a.entity_type = 'document' and a.entity_id = $1 and a.action in ('document.create', 'document.version')
        order by a.at`,
        [documentId],
      );
    return rows.map((row) => ({ sha256: row.sha256, version: row.version, at: row.at, actorId: row.actor_id, actorName: row.actor_name, ip: row.ip }));
  }
}
