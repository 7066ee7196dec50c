import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AddCaseMemberRequest,
  Dashboard,
  Defendant,
  CaseListQuery,
  CaseMember,
  CaseSummary,
  CreateCaseRequest,
  Page,
  UpdateCaseRequest,
} from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { roleCan } from '@habeas/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from './case-access.service';
import { CaseEntity } from './case.entity';
import { CasesRepository } from './cases.repository';
import { PersonEntity } from './person.entity';

export function toCaseSummary(entity: CaseEntity, person: PersonEntity | null = null): CaseSummary {
  return {
    id: entity.id,
    slug: entity.slug,
    title: entity.title,
    publicSummary: entity.publicSummary,
    titleEn: entity.titleEn,
    publicSummaryEn: entity.publicSummaryEn,
    isPublic: entity.isPublic,
    defendant: person
      ? { id: person.id, fullName: person.fullName, dateOfBirth: person.dateOfBirth, publicBio: person.publicBio, status: person.status }
      : null,
    courtCaseNumber: entity.courtCaseNumber,
    court: entity.court,
    judge: entity.judge,
    investigatingAgency: entity.investigatingAgency,
    charges: entity.charges,
    stage: entity.stage,
    plea: entity.plea,
    custodyMeasure: entity.custodyMeasure,
    detainedUntil: entity.detainedUntil,
    facilityId: entity.facilityId,
    custodyAppealDays: entity.custodyAppealDays,
    verdictAppealDays: entity.verdictAppealDays,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/**
 * What a role without `cases:read` (finance) may see of a case: that it exists and its money, not
 * the proceedings (defendant, charges, court, custody).
 */
export function withoutProceedings(summary: CaseSummary): CaseSummary {
  return {
    ...summary,
    defendant: null,
    courtCaseNumber: '',
    court: '',
    judge: '',
    investigatingAgency: '',
    charges: [],
    plea: null,
    custodyMeasure: null,
    detainedUntil: null,
    facilityId: null,
  };
}

/** Splits a create/update request into the case's own columns and the defendant (stored as a person). */
function caseColumns(request: UpdateCaseRequest): { columns: Partial<CaseEntity>; defendant: Defendant | null | undefined } {
  const { defendant, ...rest } = request;
  return { columns: { ...rest }, defendant };
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly repository: CasesRepository,
  ) {}

  /** Cases the actor may see, by title; others are never counted or hinted at. */
  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseSummary>> {
    const visible = await this.access.visibleCaseIds(actor, 'cases:list');
    // Roles that may not read the proceedings cannot probe them through filters either.
    const readsProceedings = roleCan(actor.role, 'cases:read');
    const filters = {
      visible,
      q: query.q,
      qInProceedings: readsProceedings,
      stage: readsProceedings ? query.stage : undefined,
      defendantStatus: readsProceedings ? query.defendantStatus : undefined,
    };
    const rows = await this.repository.page(filters, query.limit + 1, decodeCursor(query.cursor));
    const persons = await this.repository.persons(rows.map((c) => c.defendantId).filter((id): id is string => id !== null));
    const personOf = (c: CaseEntity) => persons.find((p) => p.id === c.defendantId) ?? null;
    const shown = roleCan(actor.role, 'cases:read') ? (c: CaseSummary) => c : withoutProceedings;
    return toPage(
      rows,
      query.limit,
      (c) => ({ key: c.title, id: c.id }),
      (c) => shown(toCaseSummary(c, personOf(c))),
    );
  }

  /** Every case's id (for an actor who sees all cases, already checked by the caller). */
  allIds(): Promise<string[]> {
    return this.repository.allIds();
  }

  /** Custody end dates of these cases (already checked by the caller), soonest first, with the days left in Moscow. */
  async custodyEnds(caseIds: string[], now: Date): Promise<Dashboard['custody']> {
    const rows = await this.repository.custodyEnds(caseIds, now);
    return rows.map((row) => ({
      caseId: row.id,
      caseSlug: row.slug,
      caseTitle: row.title,
      detainedUntil: row.detained_until,
      daysLeft: Number(row.days_left),
    }));
  }

  async get(actor: Actor, idOrSlug: string): Promise<CaseSummary> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:list');
    const summary = await this.summaryOf(ref.id);
    return roleCan(actor.role, 'cases:read') ? summary : withoutProceedings(summary);
  }

  private async summaryOf(caseId: string, manager: EntityManager = this.db.manager): Promise<CaseSummary> {
    const { theCase, person } = await this.repository.withDefendant(caseId, manager);
    return toCaseSummary(theCase, person);
  }

  /** Creates, updates or detaches the defendant of a case, in the caller's transaction. */
  private async saveDefendant(manager: EntityManager, caseId: string, currentId: string | null, defendant: Defendant | null): Promise<void> {
    if (defendant === null) {
      await this.repository.update(manager, caseId, { defendantId: null });
      return;
    }
    if (currentId) {
      await this.repository.updatePerson(manager, currentId, defendant);
      return;
    }
    await this.repository.update(manager, caseId, { defendantId: await this.repository.insertPerson(manager, defendant) });
  }

  private async assertFacility(manager: EntityManager, facilityId: string | null | undefined): Promise<void> {
    if (facilityId && !(await this.repository.facilityExists(manager, facilityId))) {
      throw new DomainError(422, 'facilityId: no such facility');
    }
  }

  async create(actor: Actor, request: CreateCaseRequest): Promise<CaseSummary> {
    return this.db.transaction(async (manager) => {
      if (await this.repository.slugTaken(request.slug, manager)) throw new DomainError(409, 'A case with this slug already exists', { field: 'slug' });
      const { columns, defendant } = caseColumns(request);
      await this.assertFacility(manager, columns.facilityId);
      const caseId = await this.repository.insert(manager, columns);
      if (defendant) await this.saveDefendant(manager, caseId, null, defendant);
      await this.audit.record(actor, { action: 'case.create', entityType: 'case', entityId: caseId }, manager);
      return this.summaryOf(caseId, manager);
    });
  }

  async update(actor: Actor, idOrSlug: string, change: UpdateCaseRequest): Promise<CaseSummary> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:write');
    if (change.slug && change.slug !== ref.slug && (await this.repository.slugTaken(change.slug))) {
      throw new DomainError(409, 'A case with this slug already exists', { field: 'slug' });
    }
    await this.db.transaction(async (manager) => {
      const { columns, defendant } = caseColumns(change);
      await this.assertFacility(manager, columns.facilityId);
      if (Object.keys(columns).length) await this.repository.update(manager, ref.id, columns);
      if (defendant !== undefined) {
        const current = await this.repository.byId(ref.id, manager);
        await this.saveDefendant(manager, ref.id, current.defendantId, defendant);
      }
      await this.audit.record(actor, { action: 'case.update', entityType: 'case', entityId: ref.id, details: { fields: Object.keys(change) } }, manager);
    });
    return this.get(actor, ref.id);
  }

  async members(actor: Actor, idOrSlug: string): Promise<Page<CaseMember>> {
    return this.membersOf(actor, idOrSlug, 'cases:manage-members');
  }

  /** The case's team as every member sees it (admins manage it through `members`). */
  async team(actor: Actor, idOrSlug: string): Promise<Page<CaseMember>> {
    return this.membersOf(actor, idOrSlug, 'cases:read');
  }

  private async membersOf(actor: Actor, idOrSlug: string, capability: 'cases:read' | 'cases:manage-members'): Promise<Page<CaseMember>> {
    const ref = await this.access.resolve(actor, idOrSlug, capability);
    const rows = await this.repository.members(ref.id);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        email: r.email,
        name: r.name,
        role: r.role,
        roleOnCase: r.role_on_case,
        addedAt: r.created_at.toISOString(),
      })),
      nextCursor: null,
    };
  }

  async addMember(actor: Actor, idOrSlug: string, request: AddCaseMemberRequest): Promise<CaseMember> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:manage-members');
    const user = await this.repository.user(request.userId);
    if (!user) throw new NotFound('User');
    if (user.role === 'finance') throw new DomainError(422, 'userId: finance users see money of all cases and are not case members');
    await this.repository.upsertMember(ref.id, request.userId, request.roleOnCase);
    await this.audit.record(actor, {
      action: 'case.member-added',
      entityType: 'case',
      entityId: ref.id,
      details: { userId: request.userId, roleOnCase: request.roleOnCase },
    });
    const members = await this.members(actor, ref.id);
    return members.items.find((m) => m.userId === request.userId)!;
  }

  async removeMember(actor: Actor, idOrSlug: string, userId: string): Promise<void> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:manage-members');
    if (!(await this.repository.removeMember(ref.id, userId))) throw new NotFound('Member');
    await this.audit.record(actor, { action: 'case.member-removed', entityType: 'case', entityId: ref.id, details: { userId } });
  }
}
