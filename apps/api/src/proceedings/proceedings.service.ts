import type {
  CreateCustodyEventRequest,
  CreateDeadlineRequest,
  CreateHearingRequest,
  CustodyEvent,
  Deadline,
  DeadlineListQuery,
  Hearing,
  HearingListQuery,
  Page,
  PageQuery,
  UpdateCustodyEventRequest,
  UpdateDeadlineRequest,
  UpdateHearingRequest,
} from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { proceduralTermEnd } from './procedural-term';
import { ProceedingsRepository, toCustodyEvent, toDeadline, toHearing } from './proceedings.repository';

/** Appeal terms run to the end of the last day in the court's time zone (Moscow). */

/** Hearings, deadlines and custody events of a case; every method first resolves the case for the actor (404 if not a member). */
@Injectable()
export class ProceedingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly repository: ProceedingsRepository,
  ) {}

  async hearings(actor: Actor, caseRef: string, query: HearingListQuery): Promise<Page<Hearing>> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows = await this.repository.hearings(theCase.id, query.limit, decodeCursor(query.cursor), query.from);
    return toPage(rows, query.limit, (row) => ({ key: row.scheduled_at.toISOString(), id: row.id }), toHearing);
  }

  async hearing(actor: Actor, caseRef: string, id: string): Promise<Hearing> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const row = await this.repository.hearing(theCase.id, id);
    if (!row) throw new NotFound('Hearing');
    return toHearing(row);
  }

  async createHearing(actor: Actor, caseRef: string, request: CreateHearingRequest): Promise<Hearing> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `insert into hearings (case_id, kind, scheduled_at, court, courtroom, judge, notes, created_by, time_zone)
         values ($1, $2, $3, coalesce($4, (select court from cases where id = $1)), $5, coalesce($6, (select judge from cases where id = $1)), $7, $8,
                 coalesce($9, (select court_time_zone from cases where id = $1)))
         returning id`,
        [
          theCase.id,
          request.kind,
          request.scheduledAt,
          request.court ?? null,
          request.courtroom ?? '',
          request.judge ?? null,
          request.notes ?? '',
          actor.id,
          request.timeZone ?? null,
        ],
      );
      await this.audit.record(actor, { action: 'hearing.create', entityType: 'case', entityId: theCase.id, details: { hearingId: id } }, manager);
      return toHearing((await this.repository.hearing(theCase.id, id, manager))!);
    });
  }

  /** Updates a hearing; logging a custody decision or verdict suggests the appeal deadline in the same transaction. */
  async updateHearing(actor: Actor, caseRef: string, id: string, change: UpdateHearingRequest): Promise<Hearing> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      const existing = await this.repository.hearing(theCase.id, id, manager);
      if (!existing) throw new NotFound('Hearing');
      const columns: Record<string, unknown> = {
        kind: change.kind,
        scheduled_at: change.scheduledAt,
        court: change.court,
        courtroom: change.courtroom,
        judge: change.judge,
        notes: change.notes,
        outcome: change.outcome,
        decision: change.decision,
      };
      const set = Object.entries(columns).filter(([, value]) => value !== undefined);
      await manager.query(`update hearings set ${set.map(([column], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`, [
        id,
        ...set.map(([, value]) => value),
      ]);
      await this.syncAppealDeadline(manager, theCase.id, id, actor.id);
      await this.audit.record(
        actor,
        { action: 'hearing.update', entityType: 'case', entityId: theCase.id, details: { hearingId: id, fields: Object.keys(change) } },
        manager,
      );
      return toHearing((await this.repository.hearing(theCase.id, id, manager))!);
    });
  }

  /**
   * Keeps the suggested appeal deadline in step with the hearing's decision: the case's term (custody 3 days,
   * verdict 15 by default) counted by CPC art. 128 in the court's zone and moved off non-working days by the
   * production calendar, due at 23:59 court time. Removing the decision removes a suggestion not yet done.
   */
  private async syncAppealDeadline(manager: EntityManager, caseId: string, hearingId: string, actorId: string): Promise<void> {
    const decided = await this.repository.appealableDecision(hearingId, caseId, manager);
    if (decided) {
      const term = proceduralTermEnd(decided.scheduledAt, decided.days, decided.timeZone);
      const title =
        decided.decision === 'custody' ? `Обжаловать постановление о мере пресечения (${decided.days} сут.)` : `Обжаловать приговор (${decided.days} сут.)`;
      await this.repository.upsertSuggestedDeadline(manager, { caseId, hearingId, dueAt: term.dueAt, title, termRule: term.rule, createdBy: actorId });
    }
    await manager.query(
      `delete from deadlines d using hearings h
        where d.source_hearing_id = h.id and d.suggested and d.done_at is null and h.id = $1 and h.decision is null`,
      [hearingId],
    );
  }

  async deadlines(actor: Actor, caseRef: string, query: DeadlineListQuery): Promise<Page<Deadline>> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows = await this.repository.deadlines(theCase.id, query.limit, query.status, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.due_at.toISOString(), id: row.id }), toDeadline);
  }

  async createDeadline(actor: Actor, caseRef: string, request: CreateDeadlineRequest): Promise<Deadline> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    // A hearing or document of another case answers 404 like a missing one (the same-case foreign keys hold it too).
    if (request.sourceHearingId && !(await this.repository.hearing(theCase.id, request.sourceHearingId))) throw new NotFound('Hearing');
    return this.db.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `insert into deadlines (case_id, due_at, title, source_hearing_id, source_document_id, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
        [theCase.id, request.dueAt, request.title, request.sourceHearingId ?? null, request.sourceDocumentId ?? null, actor.id],
      );
      await this.audit.record(actor, { action: 'deadline.create', entityType: 'case', entityId: theCase.id, details: { deadlineId: id } }, manager);
      return toDeadline((await this.repository.deadline(theCase.id, id, manager))!);
    });
  }

  async updateDeadline(actor: Actor, caseRef: string, id: string, change: UpdateDeadlineRequest): Promise<Deadline> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      if (!(await this.repository.deadline(theCase.id, id, manager))) throw new NotFound('Deadline');
      await manager.query(
        `update deadlines set due_at = coalesce($2, due_at), title = coalesce($3, title),
                done_at = case when $4::boolean is null then done_at when $4 then coalesce(done_at, now()) else null end, updated_at = now()
          where id = $1`,
        [id, change.dueAt ?? null, change.title ?? null, change.done ?? null],
      );
      await this.audit.record(
        actor,
        { action: 'deadline.update', entityType: 'case', entityId: theCase.id, details: { deadlineId: id, fields: Object.keys(change) } },
        manager,
      );
      return toDeadline((await this.repository.deadline(theCase.id, id, manager))!);
    });
  }

  async deleteDeadline(actor: Actor, caseRef: string, id: string): Promise<void> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    const result: [unknown[], number] = await this.db.query(`delete from deadlines where case_id = $1 and id = $2`, [theCase.id, id]);
    if (!result[1]) throw new NotFound('Deadline');
    await this.audit.record(actor, { action: 'deadline.delete', entityType: 'case', entityId: theCase.id, details: { deadlineId: id } });
  }

  async custodyEvents(actor: Actor, caseRef: string, query: PageQuery): Promise<Page<CustodyEvent>> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows = await this.repository.custodyEvents(theCase.id, query.limit, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.occurred_at.toISOString(), id: row.id }), toCustodyEvent);
  }

  /** Records a custody change; a new "detained until" date or facility is copied onto the case in the same transaction. */
  async createCustodyEvent(actor: Actor, caseRef: string, request: CreateCustodyEventRequest): Promise<CustodyEvent> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      await this.assertFacility(manager, request.facilityId);
      const [{ id }] = await manager.query(
        `insert into custody_events (case_id, kind, occurred_at, facility_id, detained_until, notes, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [theCase.id, request.kind, request.occurredAt, request.facilityId ?? null, request.detainedUntil ?? null, request.notes ?? '', actor.id],
      );
      await manager.query(
        `update cases set detained_until = coalesce($2::date, detained_until), facility_id = coalesce($3::uuid, facility_id), updated_at = now() where id = $1`,
        [theCase.id, request.detainedUntil ?? null, request.facilityId ?? null],
      );
      await this.audit.record(actor, { action: 'custody.create', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } }, manager);
      return toCustodyEvent((await this.repository.custodyEvent(theCase.id, id, manager))!);
    });
  }

  async updateCustodyEvent(actor: Actor, caseRef: string, id: string, change: UpdateCustodyEventRequest): Promise<CustodyEvent> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      if (!(await this.repository.custodyEvent(theCase.id, id, manager))) throw new NotFound('Custody event');
      await this.assertFacility(manager, change.facilityId);
      const columns: Record<string, unknown> = {
        kind: change.kind,
        occurred_at: change.occurredAt,
        facility_id: change.facilityId,
        detained_until: change.detainedUntil,
        notes: change.notes,
      };
      const set = Object.entries(columns).filter(([, value]) => value !== undefined);
      await manager.query(`update custody_events set ${set.map(([column], i) => `${column} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`, [
        id,
        ...set.map(([, value]) => value),
      ]);
      await this.audit.record(actor, { action: 'custody.update', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } }, manager);
      return toCustodyEvent((await this.repository.custodyEvent(theCase.id, id, manager))!);
    });
  }

  async deleteCustodyEvent(actor: Actor, caseRef: string, id: string): Promise<void> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    const result: [unknown[], number] = await this.db.query(`delete from custody_events where case_id = $1 and id = $2`, [theCase.id, id]);
    if (!result[1]) throw new NotFound('Custody event');
    await this.audit.record(actor, { action: 'custody.delete', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } });
  }

  private async assertFacility(manager: EntityManager, facilityId: string | null | undefined): Promise<void> {
    if (!facilityId) return;
    const rows = await manager.query(`select 1 from facilities where id = $1`, [facilityId]);
    if (!rows.length) throw new DomainError(422, 'facilityId: no such facility');
  }
}
