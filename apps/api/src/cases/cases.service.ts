import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AddCaseMemberRequest, Defendant, CaseListQuery, CaseMember, CaseSummary, CreateCaseRequest, Page, UpdateCaseRequest } from '@habeas/contracts';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { roleCan } from '@habeas/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from './case-access.service';
import { CaseEntity } from './case.entity';
import { CaseMemberEntity } from './case-member.entity';
import { FacilityEntity } from './facility.entity';
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
  ) {}

  /** Cases the actor may see, by title; others are never counted or hinted at. */
  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseSummary>> {
    const visible = await this.access.visibleCaseIds(actor, 'cases:list');
    const builder = this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .orderBy('c.title', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit + 1);
    if (visible !== 'all') builder.andWhere('c.id = any(:visible)', { visible });
    // Roles that may not read the proceedings cannot probe them through filters either.
    const readsProceedings = roleCan(actor.role, 'cases:read');
    if (query.q && readsProceedings) {
      builder.andWhere(
        '(c.title ilike :q or c.slug ilike :q or c.court_case_number ilike :q or exists (select 1 from persons p where p.id = c.defendant_id and p.full_name ilike :q))',
        { q: `%${query.q}%` },
      );
    } else if (query.q) {
      builder.andWhere('(c.title ilike :q or c.slug ilike :q)', { q: `%${query.q}%` });
    }
    if (query.stage && readsProceedings) builder.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.defendantStatus && readsProceedings) {
      builder.andWhere('exists (select 1 from persons p where p.id = c.defendant_id and p.status = :status)', { status: query.defendantStatus });
    }
    const after = decodeCursor(query.cursor);
    if (after) builder.andWhere('(c.title, c.id) > (:key, :id)', { key: after.key, id: after.id });
    const rows = await builder.getMany();
    const personIds = rows.map((c) => c.defendantId).filter((id): id is string => id !== null);
    const persons = personIds.length ? await this.db.getRepository(PersonEntity).findBy({ id: In(personIds) }) : [];
    const personOf = (c: CaseEntity) => persons.find((p) => p.id === c.defendantId) ?? null;
    const shown = roleCan(actor.role, 'cases:read') ? (c: CaseSummary) => c : withoutProceedings;
    return toPage(
      rows,
      query.limit,
      (c) => ({ key: c.title, id: c.id }),
      (c) => shown(toCaseSummary(c, personOf(c))),
    );
  }

  async get(actor: Actor, idOrSlug: string): Promise<CaseSummary> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:list');
    const summary = await this.summaryOf(ref.id);
    return roleCan(actor.role, 'cases:read') ? summary : withoutProceedings(summary);
  }

  private async summaryOf(caseId: string, manager: EntityManager = this.db.manager): Promise<CaseSummary> {
    const entity = await manager.getRepository(CaseEntity).findOneByOrFail({ id: caseId });
    const person = entity.defendantId ? await manager.getRepository(PersonEntity).findOneBy({ id: entity.defendantId }) : null;
    return toCaseSummary(entity, person);
  }

  /** Creates, updates or detaches the defendant of a case, in the caller's transaction. */
  private async saveDefendant(manager: EntityManager, caseId: string, currentId: string | null, defendant: Defendant | null): Promise<void> {
    if (defendant === null) {
      await manager.getRepository(CaseEntity).update({ id: caseId }, { defendantId: null });
      return;
    }
    if (currentId) {
      await manager.getRepository(PersonEntity).update({ id: currentId }, defendant);
      return;
    }
    const person = await manager.getRepository(PersonEntity).save(defendant);
    await manager.getRepository(CaseEntity).update({ id: caseId }, { defendantId: person.id });
  }

  private async assertFacility(manager: EntityManager, facilityId: string | null | undefined): Promise<void> {
    if (facilityId && !(await manager.getRepository(FacilityEntity).existsBy({ id: facilityId }))) {
      throw new DomainError(422, 'facilityId: no such facility');
    }
  }

  async create(actor: Actor, request: CreateCaseRequest): Promise<CaseSummary> {
    return this.db.transaction(async (manager) => {
      if (await manager.getRepository(CaseEntity).existsBy({ slug: request.slug })) throw new Conflict('A case with this slug already exists');
      const { columns, defendant } = caseColumns(request);
      await this.assertFacility(manager, columns.facilityId);
      const saved = await manager.getRepository(CaseEntity).save(columns);
      if (defendant) await this.saveDefendant(manager, saved.id, null, defendant);
      await this.audit.record(actor, { action: 'case.create', entityType: 'case', entityId: saved.id }, manager);
      return this.summaryOf(saved.id, manager);
    });
  }

  async update(actor: Actor, idOrSlug: string, change: UpdateCaseRequest): Promise<CaseSummary> {
    const ref = await this.access.resolve(actor, idOrSlug, 'cases:write');
    if (change.slug && change.slug !== ref.slug && (await this.db.getRepository(CaseEntity).existsBy({ slug: change.slug }))) {
      throw new Conflict('A case with this slug already exists');
    }
    await this.db.transaction(async (manager) => {
      const { columns, defendant } = caseColumns(change);
      await this.assertFacility(manager, columns.facilityId);
      if (Object.keys(columns).length) await manager.getRepository(CaseEntity).update({ id: ref.id }, columns);
      if (defendant !== undefined) {
        const current = await manager.getRepository(CaseEntity).findOneByOrFail({ id: ref.id });
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
    const rows: Array<{ user_id: string; email: string; name: string; role: string; role_on_case: CaseMember['roleOnCase']; created_at: Date }> =
      await this.db.query(
        `select m.user_id, u.email, u.name, u.role, m.role_on_case, m.created_at
           from case_members m join users u on u.id = m.user_id where m.case_id = $1 order by u.name, u.id`,
        [ref.id],
      );
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
    const [user] = await this.db.query(`select id, email, name, role from users where id = $1`, [request.userId]);
    if (!user) throw new NotFound('User');
    if (user.role === 'finance') throw new DomainError(422, 'userId: finance users see money of all cases and are not case members');
    await this.db.query(
      `insert into case_members (case_id, user_id, role_on_case) values ($1, $2, $3)
       on conflict (case_id, user_id) do update set role_on_case = excluded.role_on_case`,
      [ref.id, request.userId, request.roleOnCase],
    );
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
    const result = await this.db.getRepository(CaseMemberEntity).delete({ caseId: ref.id, userId });
    if (!result.affected) throw new NotFound('Member');
    await this.audit.record(actor, { action: 'case.member-removed', entityType: 'case', entityId: ref.id, details: { userId } });
  }
}
