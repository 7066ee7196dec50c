import type { CustodyEvent, Deadline, Hearing, TermRule } from '@habeas/contracts';

/** Row types, selected columns and mappers to the contract's shapes, for the proceedings repository. */

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
export const CUSTODY_COLUMNS = `e.id, e.case_id, e.kind, e.occurred_at, e.facility_id, f.name as facility_name, to_char(e.detained_until, 'YYYY-MM-DD') as detained_until, e.notes`;

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
