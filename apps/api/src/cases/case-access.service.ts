import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { Capability, seesAllCasesFor } from '@habeas/contracts';
import { NotFound } from '../common/http/domain-error';
import { CasesRepository } from './cases.repository';

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
  constructor(private readonly cases: CasesRepository) {}

  /** The case by UUID or slug, if the actor may use it for `capability`; otherwise CaseNotFound. */
  async resolve(actor: Actor, idOrSlug: string, capability: Capability): Promise<CaseRef> {
    const byId = UUID.test(idOrSlug);
    const found = await this.cases.withMembership(idOrSlug, byId, actor.id);
    if (!found || !(found.member || seesAllCasesFor(actor.role, capability))) throw new NotFound('Case');
    return { id: found.id, slug: found.slug, title: found.title };
  }

  /** Asserts access to a case known by id (e.g. the case of a document); 404 otherwise. */
  async assertCase(actor: Actor, caseId: string, capability: Capability): Promise<CaseRef> {
    return this.resolve(actor, caseId, capability);
  }

  /**
   * Access to the case of a record known by id (`caseId` undefined: no such record): a missing record and one of a
   * case the actor may not use answer the same 404, named after the record.
   */
  async assertRecord(actor: Actor, caseId: string | undefined, capability: Capability, record: string): Promise<void> {
    if (!caseId) throw new NotFound(record);
    try {
      await this.resolve(actor, caseId, capability);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound(record);
      throw error;
    }
  }

  /** Ids of the cases the actor may use for `capability`, or 'all'. For filtering lists and searches. */
  async visibleCaseIds(actor: Actor, capability: Capability): Promise<string[] | 'all'> {
    if (seesAllCasesFor(actor.role, capability)) return 'all';
    return this.cases.memberCaseIds(actor.id);
  }

  isMember(userId: string, caseId: string): Promise<boolean> {
    return this.cases.isMember(userId, caseId);
  }

  /** Active (not disabled) members of a case with the given app roles, e.g. the medical staff to alert. */
  membersWithRoles(caseId: string, roles: string[]): Promise<Array<{ id: string; email: string; name: string; role: string; language: 'ru' | 'en' }>> {
    return this.cases.membersWithRoles(caseId, roles);
  }
}
