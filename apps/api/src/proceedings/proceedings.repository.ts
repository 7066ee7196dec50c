import type { AppealableDecision, CustodyEvent, Deadline, Hearing, TermRule } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface HearingRow {
  id: string;
  case_id: string;
  kind: Hearing['kind'];
  scheduled_at: Date;
  time_zone: string;
  court: string;
  courtroom: string;
  judge: string;
  outcome: string | null;
  decision: Hearing['decision'];
  notes: string;
  appeal_deadline_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeadlineRow {
  id: string;
  case_id: string;
  due_at: Date;
  title: string;
  source_hearing_id: string | null;
  source_document_id: string | null;
  suggested: boolean;
  term_rule: TermRule | null;
  done_at: Date | null;
  created_at: Date;
}

export interface CustodyRow {
  id: string;
  case_id: string;
  kind: CustodyEvent['kind'];
  occurred_at: Date;
  facility_id: string | null;
  facility_name: string | null;
  detained_until: string | null;
  notes: string;
}

export const HEARING_COLUMNS = `h.id, h.case_id, h.kind, h.scheduled_at, h.time_zone, h.court, h.courtroom, h.judge, h.outcome, h.decision, h.notes,
  (select d.id from deadlines d where d.source_hearing_id = h.id and d.suggested) as appeal_deadline_id, h.created_at, h.updated_at`;
export const DEADLINE_COLUMNS = `d.id, d.case_id, d.due_at, d.title, d.source_hearing_id, d.source_document_id, d.suggested, d.term_rule, d.done_at, d.created_at`;
const CUSTODY_COLUMNS = `e.id, e.case_id, e.kind, e.occurred_at, e.facility_id, f.name as facility_name, to_char(e.detained_until, 'YYYY-MM-DD') as detained_until, e.notes`;

export function toHearing(row: HearingRow): Hearing {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    scheduledAt: row.scheduled_at.toISOString(),
    timeZone: row.time_zone,
    court: row.court,
    courtroom: row.courtroom,
    judge: row.judge,
    outcome: row.outcome,
    decision: row.decision,
    notes: row.notes,
    appealDeadlineId: row.appeal_deadline_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toDeadline(row: DeadlineRow): Deadline {
  return {
    id: row.id,
    caseId: row.case_id,
    dueAt: row.due_at.toISOString(),
    title: row.title,
    sourceHearingId: row.source_hearing_id,
    sourceDocumentId: row.source_document_id,
    suggested: row.suggested,
    termRule: row.term_rule,
    done: row.done_at !== null,
    doneAt: row.done_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toCustodyEvent(row: CustodyRow): CustodyEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    occurredAt: row.occurred_at.toISOString(),
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    detainedUntil: row.detained_until,
    notes: row.notes,
  };
}

/** The SQL of hearings, deadlines and custody events; keyset pages by (time, id). */
@Injectable()
export class ProceedingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hearings(caseId: string, limit: number, after?: { key: string; id: string }, from?: string): Promise<HearingRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'h.case_id = $1';
    if (from) {
      params.push(from);
      where += ` and h.scheduled_at >= $${params.length}`;
    }
    if (after) {
      params.push(after.key, after.id);
      where += ` and (h.scheduled_at, h.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
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

  async deadlines(caseId: string, limit: number, status: 'open' | 'done' | 'all', after?: { key: string; id: string }): Promise<DeadlineRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'd.case_id = $1';
    if (status === 'open') where += ' and d.done_at is null';
    if (status === 'done') where += ' and d.done_at is not null';
    if (after) {
      params.push(after.key, after.id);
      where += ` and (d.due_at, d.id) > ($3::timestamptz, $4::uuid)`;
    }
    return this.db.query(`select ${DEADLINE_COLUMNS} from deadlines d where ${where} order by d.due_at, d.id limit $2`, params);
  }

  async deadline(caseId: string, id: string, manager: EntityManager = this.db.manager): Promise<DeadlineRow | undefined> {
    const rows: DeadlineRow[] = await manager.query(`select ${DEADLINE_COLUMNS} from deadlines d where d.case_id = $1 and d.id = $2`, [caseId, id]);
    return rows[0];
  }

  async custodyEvents(caseId: string, limit: number, after?: { key: string; id: string }): Promise<CustodyRow[]> {
    const params: unknown[] = [caseId, limit + 1];
    let where = 'e.case_id = $1';
    if (after) {
      params.push(after.key, after.id);
      where += ` and (e.occurred_at, e.id) > ($3::timestamptz, $4::uuid)`;
    }
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
}
