import type {
  CreateCustodyEventRequest,
  CreateDeadlineRequest,
  CreateHearingRequest,
  CustodyEvent,
  Dashboard,
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
import { suggestedAppealTitle } from '@habeas/contracts';
import { ProceedingsRepository, toCustodyEvent, toDeadline, toHearing } from './proceedings.repository';

/** Hearings, deadlines and custody events of a case; every method first resolves the case for the actor (404 if not a member). */
@Injectable()
export class ProceedingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly repository: ProceedingsRepository,
  ) {}

  /**
   * Across cases the caller has already checked the actor may read: hearings within `horizonDays` and open
   * deadlines due before then (overdue ones included), each with its case's address and title.
   */
  async upcoming(caseIds: string[], now: Date, horizonDays: number): Promise<Pick<Dashboard, 'upcomingHearings' | 'upcomingDeadlines'>> {
    const { hearings, deadlines } = await this.repository.upcoming(caseIds, now, horizonDays);
    return {
      upcomingHearings: hearings.map((row) => ({ ...toHearing(row), caseSlug: row.case_slug, caseTitle: row.case_title })),
      upcomingDeadlines: deadlines.map((row) => ({ ...toDeadline(row), caseSlug: row.case_slug, caseTitle: row.case_title })),
    };
  }

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
      const id = await this.repository.insertHearing(manager, theCase.id, request, actor.id);
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
      await this.repository.updateHearing(manager, id, {
        kind: change.kind,
        scheduled_at: change.scheduledAt,
        court: change.court,
        courtroom: change.courtroom,
        judge: change.judge,
        notes: change.notes,
        outcome: change.outcome,
        decision: change.decision,
      });
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
      const title = suggestedAppealTitle(decided.decision, decided.days, 'ru');
      const termRule = { ...term.rule, decision: decided.decision };
      await this.repository.upsertSuggestedDeadline(manager, { caseId, hearingId, dueAt: term.dueAt, title, termRule, createdBy: actorId });
    }
    await this.repository.dropOrphanedSuggestion(manager, hearingId);
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
      const id = await this.repository.insertDeadline(manager, theCase.id, request, actor.id);
      await this.audit.record(actor, { action: 'deadline.create', entityType: 'case', entityId: theCase.id, details: { deadlineId: id } }, manager);
      return toDeadline((await this.repository.deadline(theCase.id, id, manager))!);
    });
  }

  async updateDeadline(actor: Actor, caseRef: string, id: string, change: UpdateDeadlineRequest): Promise<Deadline> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      if (!(await this.repository.deadline(theCase.id, id, manager))) throw new NotFound('Deadline');
      await this.repository.updateDeadline(manager, id, change);
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
    if (!(await this.repository.deleteDeadline(theCase.id, id))) throw new NotFound('Deadline');
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
      const id = await this.repository.insertCustodyEvent(manager, theCase.id, request, actor.id);
      await this.audit.record(actor, { action: 'custody.create', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } }, manager);
      return toCustodyEvent((await this.repository.custodyEvent(theCase.id, id, manager))!);
    });
  }

  async updateCustodyEvent(actor: Actor, caseRef: string, id: string, change: UpdateCustodyEventRequest): Promise<CustodyEvent> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      if (!(await this.repository.custodyEvent(theCase.id, id, manager))) throw new NotFound('Custody event');
      await this.assertFacility(manager, change.facilityId);
      await this.repository.updateCustodyEvent(manager, id, {
        kind: change.kind,
        occurred_at: change.occurredAt,
        facility_id: change.facilityId,
        detained_until: change.detainedUntil,
        notes: change.notes,
      });
      await this.audit.record(actor, { action: 'custody.update', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } }, manager);
      return toCustodyEvent((await this.repository.custodyEvent(theCase.id, id, manager))!);
    });
  }

  async deleteCustodyEvent(actor: Actor, caseRef: string, id: string): Promise<void> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    if (!(await this.repository.deleteCustodyEvent(theCase.id, id))) throw new NotFound('Custody event');
    await this.audit.record(actor, { action: 'custody.delete', entityType: 'case', entityId: theCase.id, details: { custodyEventId: id } });
  }

  private async assertFacility(manager: EntityManager, facilityId: string | null | undefined): Promise<void> {
    if (!facilityId) return;
    if (!(await this.repository.facilityExists(manager, facilityId))) throw new DomainError(422, 'facilityId: no such facility');
  }
}
