import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseUpdate, CaseUpdateListQuery, CreateCaseUpdateRequest, Page, UpdateStatus } from '@habeas/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { CaseUpdatesRepository, toCaseUpdate, type CaseUpdateRow } from './case-updates.repository';
import { SubscriptionsService } from './subscriptions.service';

/** The author may not approve their own update: publishing needs a second pair of eyes (legal review). */
export class OwnUpdate extends DomainError {
  constructor() {
    super(403, 'Another lawyer of the case must approve this update: the author cannot publish their own');
  }
}

/**
 * Updates for the public page of a case: any member drafts one; it goes public only when a lawyer of the
 * case other than its author approves it, and can be withdrawn. Each step is audited.
 */
@Injectable()
export class CaseUpdatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly updates: CaseUpdatesRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  async create(actor: Actor, caseRef: string, request: CreateCaseUpdateRequest): Promise<{ id: string; status: UpdateStatus }> {
    const theCase = await this.access.resolve(actor, caseRef, 'updates:draft');
    const id = await this.db.transaction(async (manager) => {
      const created = await this.updates.insert({ caseId: theCase.id, ...request, authorId: actor.id }, manager);
      await this.audit.record(actor, { action: 'case_update.draft', entityType: 'case', entityId: theCase.id, details: { updateId: created } }, manager);
      return created;
    });
    return { id, status: 'draft' };
  }

  async list(actor: Actor, caseRef: string, query: CaseUpdateListQuery): Promise<Page<CaseUpdate>> {
    const theCase = await this.access.resolve(actor, caseRef, 'updates:draft');
    const rows = await this.updates.page(theCase.id, query.status, query.limit, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.created_key, id: row.id }), toCaseUpdate);
  }

  async approve(actor: Actor, id: string): Promise<{ status: UpdateStatus }> {
    const update = await this.visible(actor, id);
    if (update.author_id === actor.id) throw new OwnUpdate();
    await this.db.transaction(async (manager) => {
      if (!(await this.updates.publish(id, actor.id, manager))) throw new Conflict('The update is already published');
      await this.audit.record(actor, { action: 'case_update.publish', entityType: 'case', entityId: update.case_id, details: { updateId: id } }, manager);
      await this.subscriptions.announceUpdate({ caseId: update.case_id, id, language: update.language }, manager);
    });
    return { status: 'published' };
  }

  async unpublish(actor: Actor, id: string): Promise<{ status: UpdateStatus }> {
    const update = await this.visible(actor, id);
    await this.db.transaction(async (manager) => {
      if (!(await this.updates.unpublish(id, manager))) throw new Conflict('Only a published update can be withdrawn');
      await this.audit.record(actor, { action: 'case_update.unpublish', entityType: 'case', entityId: update.case_id, details: { updateId: id } }, manager);
    });
    return { status: 'unpublished' };
  }

  /** The update if the actor is a lawyer of its case (or an admin); else 404, as if it did not exist. */
  private async visible(actor: Actor, id: string): Promise<CaseUpdateRow> {
    const update = await this.updates.byId(id);
    if (!update) throw new NotFound('Update');
    await this.access.assertCase(actor, update.case_id, 'updates:approve').catch(() => {
      throw new NotFound('Update');
    });
    return update;
  }
}
