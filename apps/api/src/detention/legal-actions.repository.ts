import type { LegalAction, LegalActionStatus, LegalActionTrigger, LegalStep, TemplateLanguage, TriggerType } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { KeysetCursor } from '../common/pagination';
import type { DraftFacts } from './draft-fields';
import { cursorKey } from '../common/pagination';

type Db = DataSource | EntityManager;

export interface ActionRow {
  id: string;
  case_id: string;
  case_slug: string;
  case_title: string;
  step: LegalStep;
  status: LegalActionStatus;
  title: string;
  language: TemplateLanguage;
  draft_text: string;
  missing_fields: string[];
  deadline_at: Date | null;
  owner_id: string | null;
  owner_name: string | null;
  trigger_type: TriggerType | null;
  trigger_id: string | null;
  trigger_summary: string | null;
  trigger: LegalActionTrigger | null;
  also_because: LegalActionTrigger[];
  document_id: string | null;
  document_version: number | null;
  outcome: string | null;
  filed_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_key: string;
}

export interface NewAction {
  caseId: string;
  step: LegalStep;
  status: 'proposed' | 'drafting';
  title: string;
  language: TemplateLanguage;
  draftText: string;
  missingFields: string[];
  deadlineAt: Date | null;
  ownerId: string | null;
  trigger: LegalActionTrigger | null;
  triggerSummary: string | null;
  createdBy: string | null;
}

export interface ActionChanges {
  status: LegalActionStatus;
  title: string;
  draftText: string;
  draftEdited: boolean;
  deadlineAt: string | Date | null;
  ownerId: string | null;
  outcome: string | null;
  documentId: string | null;
  documentVersion: number | null;
}

const SELECT = `select a.*, c.slug as case_slug, c.title as case_title, u.name as owner_name,
    ${cursorKey('a.created_at')} as created_key
  from legal_actions a join cases c on c.id = a.case_id left join users u on u.id = a.owner_id`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toLegalAction(row: ActionRow, documentUrl: string | null): LegalAction {
  return {
    id: row.id,
    caseId: row.case_id,
    caseSlug: row.case_slug,
    caseTitle: row.case_title,
    step: row.step,
    status: row.status,
    title: row.title,
    language: row.language,
    draftText: row.draft_text,
    missingFields: row.missing_fields,
    deadlineAt: iso(row.deadline_at),
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    triggerType: row.trigger_type,
    triggerId: row.trigger_id,
    triggerSummary: row.trigger_summary,
    trigger: row.trigger,
    alsoBecause: row.also_because ?? [],
    documentId: row.document_id,
    documentVersion: row.document_version,
    documentUrl,
    outcome: row.outcome,
    filedAt: iso(row.filed_at),
    decidedAt: iso(row.decided_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every query of legal actions and of the facts their drafts are filled with. */
@Injectable()
export class LegalActionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findById(id: string, db: Db = this.db): Promise<ActionRow | null> {
    const rows: ActionRow[] = await db.query(`${SELECT} where a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByIds(ids: string[], db: Db = this.db): Promise<ActionRow[]> {
    return db.query(`${SELECT} where a.id = any($1) order by a.deadline_at, a.id`, [ids]);
  }

  /** The oldest open card (proposed or drafting) of a case for a step, if there is one; locked for the caller's transaction. */
  async findOpen(caseId: string, step: LegalStep, db: Db): Promise<{ id: string; trigger_id: string | null; also_because: LegalActionTrigger[] } | null> {
    const rows = await db.query(
      `select id, trigger_id, also_because from legal_actions where case_id = $1 and step = $2 and status in ('proposed', 'drafting')
        order by created_at, id limit 1 for update`,
      [caseId, step],
    );
    return rows[0] ?? null;
  }

  /** Was this step already proposed for this trigger (whatever became of it)? */
  async wasProposedFor(triggerType: TriggerType, triggerId: string, step: LegalStep, db: Db): Promise<boolean> {
    const rows = await db.query(
      `select 1 from legal_actions where step = $3 and ((trigger_type = $1 and trigger_id = $2) or also_because @> jsonb_build_array(jsonb_build_object('id', $2::text)))`,
      [triggerType, triggerId, step],
    );
    return rows.length > 0;
  }

  async addAlsoBecause(id: string, trigger: LegalActionTrigger, db: Db): Promise<void> {
    await db.query(`update legal_actions set also_because = also_because || jsonb_build_array($2::jsonb), updated_at = now() where id = $1`, [
      id,
      JSON.stringify(trigger),
    ]);
  }

  /** Inserts a new action; null when the same trigger already proposed this step. */
  async insert(action: NewAction, db: Db = this.db): Promise<string | null> {
    const rows: Array<{ id: string }> = await db.query(
      `insert into legal_actions (case_id, step, status, title, language, draft_text, missing_fields, deadline_at, owner_id, trigger_type, trigger_id, trigger, trigger_summary, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       on conflict (trigger_type, trigger_id, step) where trigger_id is not null do nothing returning id`,
      [
        action.caseId,
        action.step,
        action.status,
        action.title,
        action.language,
        action.draftText,
        action.missingFields,
        action.deadlineAt,
        action.ownerId,
        action.trigger?.type ?? null,
        action.trigger?.id ?? null,
        action.trigger ? JSON.stringify(action.trigger) : null,
        action.triggerSummary,
        action.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async list(filter: {
    caseIds: string[] | 'all';
    status?: LegalActionStatus;
    triggerType?: TriggerType;
    triggerId?: string;
    after?: KeysetCursor;
    limit: number;
  }): Promise<ActionRow[]> {
    const params: unknown[] = [filter.limit + 1];
    const where: string[] = [];
    if (filter.caseIds !== 'all') where.push(`a.case_id = any($${params.push(filter.caseIds)}::uuid[])`);
    if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
    if (filter.triggerType) where.push(`a.trigger_type = $${params.push(filter.triggerType)}`);
    if (filter.triggerId) where.push(`a.trigger_id = $${params.push(filter.triggerId)}`);
    if (filter.after) where.push(`(a.created_at, a.id) > ($${params.push(filter.after.key)}::timestamptz, $${params.push(filter.after.id)}::uuid)`);
    return this.db.query(`${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by a.created_at, a.id limit $1`, params);
  }

  async update(id: string, changes: ActionChanges, db: Db): Promise<void> {
    await db.query(
      `update legal_actions set status = $2, title = $3, draft_text = $4, deadline_at = $5, owner_id = $6, outcome = $7, document_id = $8, document_version = $9,
          filed_at = case when $2 = 'filed' and filed_at is null then now() else filed_at end,
          decided_at = case when $2 = 'decided' and decided_at is null then now() else decided_at end,
          missing_fields = case when $10 then array(select m from unnest(missing_fields) m where position('[[' || m || ': ?]]' in $4) > 0) else missing_fields end,
          updated_at = now()
        where id = $1`,
      [
        id,
        changes.status,
        changes.title,
        changes.draftText,
        changes.deadlineAt,
        changes.ownerId,
        changes.outcome,
        changes.documentId,
        changes.documentVersion,
        changes.draftEdited,
      ],
    );
  }

  async redraft(id: string, draft: { text: string; missing: string[] }, db: Db = this.db): Promise<void> {
    await db.query(`update legal_actions set draft_text = $2, missing_fields = $3, updated_at = now() where id = $1`, [id, draft.text, draft.missing]);
  }

  async linkDocument(id: string, documentId: string, version: number): Promise<void> {
    await this.db.query(`update legal_actions set document_id = $2, document_version = $3, updated_at = now() where id = $1`, [id, documentId, version]);
  }

  /** Marks a seeded action as filed on a given day (demo history). */
  async markFiled(id: string, filedAt: Date, db: Db): Promise<void> {
    await db.query(`update legal_actions set status = 'filed', filed_at = $2 where id = $1`, [id, filedAt]);
  }

  /** The lawyer a proposal goes to when no lawyer logged its trigger: the case's lead counsel, else any lawyer of the case. */
  async leadLawyerOf(caseId: string, db: Db = this.db): Promise<string | null> {
    const rows: Array<{ id: string }> = await db.query(
      `select u.id from case_members m join users u on u.id = m.user_id
        where m.case_id = $1 and u.role = 'lawyer' and u.disabled_at is null
        order by (m.role_on_case = 'lead_counsel') desc, m.created_at limit 1`,
      [caseId],
    );
    return rows[0]?.id ?? null;
  }

  async isMemberOrAdmin(userId: string, caseId: string): Promise<boolean> {
    const rows = await this.db.query(
      `select 1 from users u where u.id = $1 and (u.role = 'admin' or exists (select 1 from case_members m where m.case_id = $2 and m.user_id = u.id))`,
      [userId, caseId],
    );
    return rows.length > 0;
  }

  /** What a draft says about its case: court, defendant, lawyer, and the facility of the latest custody event. */
  async draftFacts(caseId: string, ownerId: string | null, db: Db = this.db): Promise<Omit<DraftFacts, 'language' | 'trigger' | 'deadlineAt' | 'today'>> {
    const [theCase] = await db.query(
      `select c.title, c.slug, c.court, c.court_case_number, c.judge, c.investigating_agency, c.court_time_zone, p.full_name,
              f.name as facility_name, f.address as facility_address
         from cases c
         left join persons p on p.id = c.defendant_id
         left join lateral (select e.facility_id from custody_events e where e.case_id = c.id and e.facility_id is not null
                              order by e.occurred_at desc, e.created_at desc limit 1) latest on true
         left join facilities f on f.id = coalesce(latest.facility_id, c.facility_id)
        where c.id = $1`,
      [caseId],
    );
    const [owner] = ownerId ? await db.query(`select name, advocate_registry_number from users where id = $1`, [ownerId]) : [];
    return {
      timeZone: theCase?.court_time_zone ?? 'Europe/Moscow',
      theCase: {
        title: theCase?.title ?? '',
        slug: theCase?.slug ?? '',
        court: theCase?.court ?? '',
        courtCaseNumber: theCase?.court_case_number ?? '',
        judge: theCase?.judge ?? '',
        investigatingAgency: theCase?.investigating_agency ?? '',
      },
      defendantName: theCase?.full_name ?? null,
      lawyer: owner ? { name: owner.name, registryNumber: owner.advocate_registry_number } : null,
      facility: theCase?.facility_name ? { name: theCase.facility_name, address: theCase.facility_address } : null,
    };
  }
}
