import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { Capability, seesAllCasesFor } from '@habeas/contracts';
import { NotFound } from '../common/http/domain-error';

export interface CaseRef {
  id: string;
  slug: string;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Object-level access to cases: a case the actor may not see is reported
 * exactly like one that does not exist (404). Other areas ask here before
 * touching anything that belongs to a case.
 */
@Injectable()
export class CaseAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The case by UUID or slug, if the actor may use it for `capability`; otherwise CaseNotFound. */
  async resolve(actor: Actor, idOrSlug: string, capability: Capability): Promise<CaseRef> {
    const byId = UUID.test(idOrSlug);
    const rows: Array<CaseRef & { member: boolean }> = await this.db.query(
      `select c.id, c.slug, c.title,
              exists (select 1 from case_members m where m.case_id = c.id and m.user_id = $2) as member
         from cases c where ${byId ? 'c.id = $1::uuid' : 'c.slug = $1'}`,
      [byId ? idOrSlug.toLowerCase() : idOrSlug, actor.id],
    );
    const found = rows[0];
    if (!found || !(found.member || seesAllCasesFor(actor.role, capability))) throw new NotFound('Case');
    return { id: found.id, slug: found.slug, title: found.title };
  }

  /** Asserts access to a case known by id (e.g. the case of a document); 404 otherwise. */
  async assertCase(actor: Actor, caseId: string, capability: Capability): Promise<CaseRef> {
    return this.resolve(actor, caseId, capability);
  }

  /** Ids of the cases the actor may use for `capability`, or 'all'. For filtering lists and searches. */
  async visibleCaseIds(actor: Actor, capability: Capability): Promise<string[] | 'all'> {
    if (seesAllCasesFor(actor.role, capability)) return 'all';
    const rows: Array<{ case_id: string }> = await this.db.query(`select case_id from case_members where user_id = $1`, [actor.id]);
    return rows.map((row) => row.case_id);
  }

  async isMember(userId: string, caseId: string): Promise<boolean> {
    const rows = await this.db.query(`select 1 from case_members where case_id = $1 and user_id = $2`, [caseId, userId]);
    return rows.length > 0;
  }

  /** Active (not disabled) members of a case with the given app roles, e.g. the medical staff to alert. */
  async membersWithRoles(caseId: string, roles: string[]): Promise<Array<{ id: string; email: string; name: string; role: string; language: 'ru' | 'en' }>> {
    return this.db.query(
      `select u.id, u.email, u.name, u.role, u.language from case_members m join users u on u.id = m.user_id
        where m.case_id = $1 and u.role = any($2) and u.disabled_at is null order by u.email`,
      [caseId, roles],
    );
  }
}
