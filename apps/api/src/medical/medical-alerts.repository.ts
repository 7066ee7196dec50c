import type { AlertKind, AlertListQuery, CaseMedicalState, KnownCondition, MedicalAlert, MedicalSettings, Severity } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/pagination';
import { cursorKey } from '../common/pagination';

export interface AlertRow {
  id: string;
  seq: string;
  kind: AlertKind;
  incident_id: string | null;
  case_id: string;
  case_title: string;
  /** The case's English title, '' when the team gave none (mails to English readers fall back to the Russian one). */
  case_title_en: string;
  case_slug: string;
  severity: Severity;
  status: MedicalAlert['status'];
  reason: string;
  reason_params: Record<string, unknown> | null;
  opened_at: Date;
  opened_key: string;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  note: string | null;
  escalated_at: Date | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toAlert(row: AlertRow): MedicalAlert {
  return {
    id: row.id,
    seq: Number(row.seq),
    kind: row.kind,
    incidentId: row.incident_id,
    caseId: row.case_id,
    caseTitle: row.case_title,
    caseSlug: row.case_slug,
    severity: row.severity,
    status: row.status,
    reason: row.reason,
    reasonParams: row.kind === 'incident' ? { type: row.reason } : (row.reason_params ?? {}),
    openedAt: row.opened_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedByName: row.acknowledged_by_name,
    resolvedAt: iso(row.resolved_at),
    resolvedBy: row.resolved_by,
    resolvedByName: row.resolved_by_name,
    note: row.note,
    escalatedAt: iso(row.escalated_at),
  };
}

const SELECT = `select a.id, a.seq, a.kind, a.incident_id, a.case_id, c.title as case_title, c.title_en as case_title_en, c.slug as case_slug, a.severity, a.status, a.reason, a.reason_params,
  a.opened_at, ${cursorKey('a.opened_at')} as opened_key,
  a.acknowledged_at, a.acknowledged_by, ack.name as acknowledged_by_name, a.resolved_at, a.resolved_by, res.name as resolved_by_name,
  a.note, a.escalated_at
  from medical_alerts a join cases c on c.id = a.case_id
  left join users ack on ack.id = a.acknowledged_by left join users res on res.id = a.resolved_by`;

export interface NewAlert {
  caseId: string;
  kind: AlertKind;
  severity: Severity;
  reason: string;
  /** The reason's parameters for the texts (`alertReason.<kind>` in the event catalog), e.g. `{count: 7}` days without news. */
  reasonParams?: Record<string, unknown>;
  incidentId?: string | null;
}

/** The SQL of medical alerts; state changes are conditional updates so that racing requests and instances agree. */
@Injectable()
export class MedicalAlertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the alert unless an equal one is already open (one per incident, one unresolved per rule and case). */
  async insert(alert: NewAlert, manager: EntityManager = this.db.manager): Promise<AlertRow | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `insert into medical_alerts (case_id, kind, severity, reason, reason_params, incident_id) values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing returning id`,
      [alert.caseId, alert.kind, alert.severity, alert.reason, JSON.stringify(alert.reasonParams ?? {}), alert.incidentId ?? null],
    );
    return rows[0] ? this.byId(rows[0].id, manager) : undefined;
  }

  async byId(id: string, manager: EntityManager = this.db.manager): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await manager.query(`${SELECT} where a.id = $1`, [id]);
    return rows[0];
  }

  async page(
    caseIds: string[] | 'all',
    status: AlertListQuery['status'],
    caseId: string | undefined,
    limit: number,
    after?: KeysetCursor,
  ): Promise<AlertRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (caseIds !== 'all') add('a.case_id = any(?::uuid[])', caseIds);
    if (status === 'unresolved') where.push(`a.status <> 'resolved'`);
    else if (status) add('a.status = ?', status);
    if (caseId) add('a.case_id = ?::uuid', caseId);
    if (after) {
      params.push(after.key, after.id);
      where.push(`(a.opened_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return this.db.query(
      `${SELECT} ${where.length ? 'where ' + where.join(' and ') : ''} order by a.opened_at desc, a.id desc limit $${params.length}`,
      params,
    );
  }

  /** Alerts changed after `seq` (new or updated), oldest change first: SSE delivery and Last-Event-ID replay. */
  async changedSince(caseIds: string[] | 'all', seq: number, limit = 500): Promise<AlertRow[]> {
    const params: unknown[] = [seq, limit];
    const filter = caseIds === 'all' ? '' : 'and a.case_id = any($3::uuid[])';
    if (caseIds !== 'all') params.push(caseIds);
    return this.db.query(`${SELECT} where a.seq > $1 ${filter} order by a.seq limit $2`, params);
  }

  async latestSeq(): Promise<number> {
    const rows: Array<{ seq: string | null }> = await this.db.query(`select max(seq) as seq from medical_alerts`);
    return Number(rows[0]?.seq ?? 0);
  }

  async acknowledge(id: string, userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(
      `update medical_alerts set status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2 where id = $1 and status = 'open' returning id`,
      [id, userId],
    );
    return (rows as unknown[][])[0]?.length > 0;
  }

  async resolve(id: string, userId: string, note: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(
      `update medical_alerts set status = 'resolved', resolved_at = now(), resolved_by = $2, note = $3 where id = $1 and status <> 'resolved' returning id`,
      [id, userId, note],
    );
    return (rows as unknown[][])[0]?.length > 0;
  }

  /** Marks the alert escalated if it is still open and not yet escalated; true for exactly one caller. */
  async markEscalated(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`update medical_alerts set escalated_at = now() where id = $1 and status = 'open' and escalated_at is null returning id`, [
      id,
    ]);
    return (rows as unknown[][])[0]?.length > 0;
  }

  /** Unresolved alerts: `open` (nobody has taken them) and `inProgress` (acknowledged, not yet resolved). */
  async unresolvedCounts(caseIds: string[] | 'all'): Promise<{ open: number; inProgress: number }> {
    const counts = `select count(*) filter (where status = 'open')::int as open, count(*) filter (where status = 'acknowledged')::int as "inProgress"
      from medical_alerts where status <> 'resolved'`;
    const rows: Array<{ open: number; inProgress: number }> =
      caseIds === 'all' ? await this.db.query(counts) : await this.db.query(`${counts} and case_id = any($1::uuid[])`, [caseIds]);
    return rows[0];
  }

  /** Cases whose last medical check-in (any incident, or the case's start) is older than their no-news setting. */
  async casesWithoutNews(): Promise<Array<{ case_id: string; days: number }>> {
    return this.db.query(
      `select c.id as case_id, coalesce(s.no_news_days, 7) as days
         from cases c left join medical_settings s on s.case_id = c.id
        where coalesce((select max(i.occurred_at) from medical_incidents i where i.case_id = c.id), c.created_at)
              < now() - make_interval(days => coalesce(s.no_news_days, 7))`,
    );
  }

  async settings(caseId: string, manager: EntityManager = this.db.manager): Promise<MedicalSettings> {
    const rows: Array<{ days: number; conditions: KnownCondition[] }> = await manager.query(
      `select no_news_days as days, known_conditions as conditions from medical_settings where case_id = $1`,
      [caseId],
    );
    return { noNewsDays: rows[0]?.days ?? 7, knownConditions: rows[0]?.conditions ?? [] };
  }

  async setSettings(caseId: string, settings: MedicalSettings, manager: EntityManager): Promise<void> {
    await manager.query(
      `insert into medical_settings (case_id, no_news_days, known_conditions) values ($1, $2, $3)
       on conflict (case_id) do update set no_news_days = excluded.no_news_days, known_conditions = excluded.known_conditions, updated_at = now()`,
      [caseId, settings.noNewsDays, settings.knownConditions],
    );
  }

  /** Per visible case: the latest incident (type, severity, when), unresolved alerts and the alert settings. */
  async caseStates(caseIds: string[] | 'all'): Promise<CaseMedicalState[]> {
    const rows: Array<Omit<CaseMedicalState, 'lastIncidentAt'> & { lastIncidentAt: Date | null }> = await this.db.query(
      `select c.id as "caseId", c.slug as "caseSlug", c.title as "caseTitle",
              last.occurred_at as "lastIncidentAt", last.type as "lastIncidentType", last.severity as "lastSeverity",
              (select count(*)::int from medical_alerts a where a.case_id = c.id and a.status = 'open') as "openAlerts",
              (select count(*)::int from medical_alerts a where a.case_id = c.id and a.status = 'acknowledged') as "inProgressAlerts",
              coalesce(s.no_news_days, 7) as "noNewsDays", coalesce(s.known_conditions, '{}') as "knownConditions"
         from cases c
         left join medical_settings s on s.case_id = c.id
         left join lateral (select i.occurred_at, i.type, i.severity from medical_incidents i where i.case_id = c.id
                             order by i.occurred_at desc limit 1) last on true
        where $1::uuid[] is null or c.id = any($1::uuid[])
        order by c.title`,
      [caseIds === 'all' ? null : caseIds],
    );
    return rows.map((row) => ({ ...row, lastIncidentAt: row.lastIncidentAt ? row.lastIncidentAt.toISOString() : null }));
  }

  async adminEmails(): Promise<Array<{ id: string; email: string; language: 'ru' | 'en' }>> {
    return this.db.query(`select id, email, language from users where role = 'admin' and disabled_at is null order by email`);
  }
}
