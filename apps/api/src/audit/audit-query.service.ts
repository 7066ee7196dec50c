import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntry, AuditQuery, Page } from '@habeas/contracts';
import { decodeCursor, toPage } from '../common/pagination';

interface Row {
  id: string;
  at: Date;
  at_text: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Reads the audit log, newest first, by keyset over (at, id). */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.entityType) add('a.entity_type = ?', query.entityType);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.action) add('a.action = ?', query.action);
    if (query.from) add('a.at >= ?', query.from);
    if (query.to) add('a.at < ?', query.to);
    const after = decodeCursor(query.cursor);
    if (after) {
      params.push(after.key, after.id);
      where.push(`(a.at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: Row[] = await this.db.query(
      `select a.id, a.at, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text, a.actor_id, u.email as actor_email,
              a.action, a.entity_type, a.entity_id, a.ip, a.details
         from audit_log a left join users u on u.id = a.actor_id
        ${where.length ? 'where ' + where.join(' and ') : ''}
        order by a.at desc, a.id desc
        limit $${params.length}`,
      params,
    );
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.at_text, id: row.id }),
      (row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        ip: row.ip,
        details: row.details,
      }),
    );
  }

  /** Where each version of a document came from: the audit entries that stored them, with the address they came from. */
  async uploadsOf(
    documentId: string,
  ): Promise<Array<{ sha256: string; version: number; at: Date; actorId: string | null; actorName: string | null; ip: string | null }>> {
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
