import type {
  AppealableDecision,
  CreateCustodyEventRequest,
  CreateDeadlineRequest,
  CreateHearingRequest,
  TermRule,
  UpdateDeadlineRequest,
} from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { keysetAfter, type KeysetCursor } from '../common/pagination';
import { CUSTODY_COLUMNS, DEADLINE_COLUMNS, HEARING_COLUMNS, type CustodyRow, type DeadlineRow, type HearingRow } from './proceedings.rows';

export { toCustodyEvent, toDeadline, toHearing } from './proceedings.rows';

/** A row with the title and address of its case, for lists across cases. */
export type WithCase<Row> = Row & { case_slug: string; case_title: string };

/** The SQL of hearings, deadlines and custody events; keyset pages by (time, id). */
@Injectable()
export class ProceedingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hearings(caseId: string, limit: number, after?: KeysetCursor, from?: string): Promise<HearingRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'h.case_id = $1';
    if (from) {
      params.push(from);
      where += ` and h.scheduled_at >= $${params.length}`;
    }
    if (after) where += ` and ${keysetAfter(params, after, { key: 'h.scheduled_at', id: 'h.id' })}`;
    return this.db.query(`select ${HEARING_COLUMNS} from hearings h where ${where} order by h.scheduled_at, h.id limit $2`, params);
  }

  async hearing(caseId: string, id: string, manager: EntityManager = this.db.manager): Promise<HearingRow | undefined> {
    const rows: HearingRow[] = await manager.query(`select ${HEARING_COLUMNS} from hearings h where h.case_id = $1 and h.id = $2`, [caseId, id]);
    return rows[0];
  }

  /** A hearing's appealable decision with the case's term for it and the court's zone, if it has one. */
  async appealableDecision(
    hearingId: string,
    caseId: string,
    manager: EntityManager,
  ): Promise<{ scheduledAt: Date; decision: AppealableDecision; days: number; timeZone: string } | null> {
    const [row] = await manager.query(
      `select h.scheduled_at, h.decision, h.time_zone,
              case h.decision when 'custody' then c.custody_appeal_days else c.verdict_appeal_days end as days
         from hearings h join cases c on c.id = h.case_id where h.id = $1 and h.case_id = $2 and h.decision is not null`,
      [hearingId, caseId],
    );
    return row ? { scheduledAt: row.scheduled_at, decision: row.decision, days: row.days, timeZone: row.time_zone } : null;
  }

  async upsertSuggestedDeadline(
    manager: EntityManager,
    deadline: { caseId: string; hearingId: string; dueAt: Date; title: string; termRule: TermRule; createdBy: string },
  ): Promise<void> {
    await manager.query(
      `insert into deadlines (case_id, due_at, title, source_hearing_id, suggested, term_rule, created_by) values ($1, $2, $3, $4, true, $5, $6)
       on conflict (source_hearing_id) where suggested
       do update set due_at = excluded.due_at, title = excluded.title, term_rule = excluded.term_rule, updated_at = now()`,
      [deadline.caseId, deadline.dueAt, deadline.title, deadline.hearingId, JSON.stringify(deadline.termRule), deadline.createdBy],
    );
  }

  async deadlines(caseId: string, limit: number, status: 'open' | 'done' | 'all', after?: KeysetCursor): Promise<DeadlineRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'd.case_id = $1';
    if (status === 'open') where += ' and d.done_at is null';
    if (status === 'done') where += ' and d.done_at is not null';
    if (after) where += ` and ${keysetAfter(params, after, { key: 'd.due_at', id: 'd.id' })}`;
    return this.db.query(`select ${DEADLINE_COLUMNS} from deadlines d where ${where} order by d.due_at, d.id limit $2`, params);
  }

  async deadline(caseId: string, id: string, manager: EntityManager = this.db.manager): Promise<DeadlineRow | undefined> {
    const rows: DeadlineRow[] = await manager.query(`select ${DEADLINE_COLUMNS} from deadlines d where d.case_id = $1 and d.id = $2`, [caseId, id]);
    return rows[0];
  }

  async custodyEvents(caseId: string, limit: number, after?: KeysetCursor): Promise<CustodyRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'e.case_id = $1';
    if (after) where += ` and ${keysetAfter(params, after, { key: 'e.occurred_at', id: 'e.id' })}`;
    return this.db.query(
      `select ${CUSTODY_COLUMNS} from custody_events e left join facilities f on f.id = e.facility_id where ${where} order by e.occurred_at, e.id limit $2`,
      params,
    );
  }

  async custodyEvent(caseId: string, id: string, manager: EntityManager = this.db.manager): Promise<CustodyRow | undefined> {
    const rows: CustodyRow[] = await manager.query(
      `select ${CUSTODY_COLUMNS} from custody_events e left join facilities f on f.id = e.facility_id where e.case_id = $1 and e.id = $2`,
      [caseId, id],
    );
    return rows[0];
  }

  // ── writes (inside the service's transaction) ──

  async insertHearing(manager: EntityManager, caseId: string, request: CreateHearingRequest, actorId: string): Promise<string> {
    // Court, judge and zone default to the case's own.
    const [{ id }] = await manager.query(
      `insert into hearings (case_id, kind, scheduled_at, court, courtroom, judge, notes, created_by, time_zone)
       values ($1, $2, $3, coalesce($4, (select court from cases where id = $1)), $5, coalesce($6, (select judge from cases where id = $1)), $7, $8,
               coalesce($9, (select court_time_zone from cases where id = $1)))
       returning id`,
      [
        caseId,
        request.kind,
        request.scheduledAt,
        request.court ?? null,
        request.courtroom ?? '',
        request.judge ?? null,
        request.notes ?? '',
        actorId,
        request.timeZone ?? null,
      ],
    );
    return id;
  }

  updateHearing(manager: EntityManager, id: string, columns: Record<string, unknown>): Promise<void> {
    return this.updateColumns(manager, 'hearings', id, columns);
  }

  /** A suggested appeal deadline not yet done goes when its hearing no longer has a decision. */
  async dropOrphanedSuggestion(manager: EntityManager, hearingId: string): Promise<void> {
    await manager.query(
      `delete from deadlines d using hearings h
        where d.source_hearing_id = h.id and d.suggested and d.done_at is null and h.id = $1 and h.decision is null`,
      [hearingId],
    );
  }

  async insertDeadline(manager: EntityManager, caseId: string, request: CreateDeadlineRequest, actorId: string): Promise<string> {
    const [{ id }] = await manager.query(
      `insert into deadlines (case_id, due_at, title, source_hearing_id, source_document_id, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [caseId, request.dueAt, request.title, request.sourceHearingId ?? null, request.sourceDocumentId ?? null, actorId],
    );
    return id;
  }

  /** `done: true` keeps the first time it was done; `false` reopens it. */
  async updateDeadline(manager: EntityManager, id: string, change: UpdateDeadlineRequest): Promise<void> {
    await manager.query(
      `update deadlines set due_at = coalesce($2, due_at), title = coalesce($3, title),
              done_at = case when $4::boolean is null then done_at when $4 then coalesce(done_at, now()) else null end, updated_at = now()
        where id = $1`,
      [id, change.dueAt ?? null, change.title ?? null, change.done ?? null],
    );
  }

  deleteDeadline(caseId: string, id: string): Promise<boolean> {
    return this.deleteOfCase('deadlines', caseId, id);
  }

  /** Inserts the event and copies a new "detained until" date or facility onto the case. */
  async insertCustodyEvent(manager: EntityManager, caseId: string, request: CreateCustodyEventRequest, actorId: string): Promise<string> {
    const [{ id }] = await manager.query(
      `insert into custody_events (case_id, kind, occurred_at, facility_id, detained_until, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [caseId, request.kind, request.occurredAt, request.facilityId ?? null, request.detainedUntil ?? null, request.notes ?? '', actorId],
    );
    await manager.query(
      `update cases set detained_until = coalesce($2::date, detained_until), facility_id = coalesce($3::uuid, facility_id), updated_at = now() where id = $1`,
      [caseId, request.detainedUntil ?? null, request.facilityId ?? null],
    );
    return id;
  }

  updateCustodyEvent(manager: EntityManager, id: string, columns: Record<string, unknown>): Promise<void> {
    return this.updateColumns(manager, 'custody_events', id, columns);
  }

  deleteCustodyEvent(caseId: string, id: string): Promise<boolean> {
    return this.deleteOfCase('custody_events', caseId, id);
  }

  /** Hearings within the horizon and open deadlines due before its end (overdue ones too), of these cases; 50 of each at most. */
  async upcoming(caseIds: string[], now: Date, horizonDays: number): Promise<{ hearings: WithCase<HearingRow>[]; deadlines: WithCase<DeadlineRow>[] }> {
    const params = [caseIds, now.toISOString(), horizonDays];
    const hearings: WithCase<HearingRow>[] = await this.db.query(
      `select ${HEARING_COLUMNS}, c.slug as case_slug, c.title as case_title from hearings h join cases c on c.id = h.case_id
        where h.case_id = any($1) and h.scheduled_at >= $2::timestamptz and h.scheduled_at < $2::timestamptz + make_interval(days => $3)
        order by h.scheduled_at, h.id limit 50`,
      params,
    );
    const deadlines: WithCase<DeadlineRow>[] = await this.db.query(
      `select ${DEADLINE_COLUMNS}, c.slug as case_slug, c.title as case_title from deadlines d join cases c on c.id = d.case_id
        where d.case_id = any($1) and d.done_at is null and d.due_at < $2::timestamptz + make_interval(days => $3)
        order by d.due_at, d.id limit 50`,
      params,
    );
    return { hearings, deadlines };
  }

  async facilityExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query(`select 1 from facilities where id = $1`, [id])).length > 0;
  }

  /** Sets the given columns (those not undefined; names come from the service, never from input). */
  private async updateColumns(manager: EntityManager, table: 'hearings' | 'custody_events', id: string, columns: Record<string, unknown>): Promise<void> {
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`);
    await manager.query(`update ${table} set ${[...assignments, 'updated_at = now()'].join(', ')} where id = $1`, [id, ...set.map(([, value]) => value)]);
  }

  private async deleteOfCase(table: 'deadlines' | 'custody_events', caseId: string, id: string): Promise<boolean> {
    const [, deleted]: [unknown[], number] = await this.db.query(`delete from ${table} where case_id = $1 and id = $2`, [caseId, id]);
    return deleted > 0;
  }
}
