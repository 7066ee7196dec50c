import type { CreateLegalActionRequest, GeneratedDocument, LegalAction, LegalActionListQuery, Page, UpdateLegalActionRequest } from '@habeas/contracts';
import { createLegalActionRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound, Unprocessable } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { defaultActionTitle } from './default-templates';
import { LegalActionDrafts, type DraftFormat } from './legal-action-drafts';
import { OPEN_STATUSES, refusedChange } from './legal-action-status';
import { LegalActionsRepository } from './legal-actions.repository';

/**
 * Legal actions on their way to a filed document and an outcome: started by hand (a lawyer may start a second draft
 * of a step that was proposed), listed, changed along the status rule, filled again, rendered. Proposals from
 * incidents and contact events are `LegalActionProposals`; drafts and files are `LegalActionDrafts`.
 */
@Injectable()
export class LegalActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actions: LegalActionsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly drafts: LegalActionDrafts,
  ) {}

  /** A step the team starts by hand (not proposed by an event). */
  async create(actor: Actor, caseRef: string, input: CreateLegalActionRequest): Promise<LegalAction> {
    const body = createLegalActionRequest.parse(input);
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    const deadlineAt = body.deadlineAt ? new Date(body.deadlineAt) : null;
    const ownerId = body.ownerId ?? actor.id;
    await this.assertOwnerIsMember(ownerId, theCase.id);
    const draft = await this.drafts.fill({ caseId: theCase.id, step: body.step, language: body.language, deadlineAt, ownerId, trigger: null }, this.db);
    const id = await this.actions.insert({
      caseId: theCase.id,
      step: body.step,
      status: 'drafting',
      title: defaultActionTitle(body.step, body.language),
      language: body.language,
      draftText: draft.text,
      missingFields: draft.missing,
      deadlineAt,
      ownerId,
      trigger: null,
      triggerSummary: null,
      createdBy: actor.id,
    });
    await this.audit.record(actor, {
      action: 'legal_action.create',
      entityType: 'legal_action',
      entityId: id!,
      details: { caseId: theCase.id, step: body.step },
    });
    return this.load(id!);
  }

  /** The board across the actor's cases, or one case's actions; oldest first. */
  async list(actor: Actor, query: LegalActionListQuery, caseRef?: string): Promise<Page<LegalAction>> {
    const caseIds = caseRef ? [(await this.access.resolve(actor, caseRef, 'cases:read')).id] : await this.access.visibleCaseIds(actor, 'cases:read');
    const rows = await this.actions.list({
      caseIds,
      status: query.status,
      triggerType: query.triggerType,
      triggerId: query.triggerId,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.created_key, id: row.id }),
      (row) => this.drafts.toAction(row),
    );
  }

  async get(actor: Actor, id: string): Promise<LegalAction> {
    return this.loadVisible(actor, id, 'cases:read');
  }

  async update(actor: Actor, id: string, body: UpdateLegalActionRequest): Promise<LegalAction> {
    const current = await this.loadVisible(actor, id, 'cases:write');
    if (body.ownerId) await this.assertOwnerIsMember(body.ownerId, current.caseId);
    const status = body.status ?? current.status;
    const outcome = body.outcome === undefined ? current.outcome : body.outcome;
    const refused = refusedChange({ from: current.status, to: status, editsDraft: body.draftText !== undefined, outcome });
    if (refused) throw new Unprocessable(refused);

    let documentId = body.documentId === undefined ? current.documentId : body.documentId;
    let documentVersion = body.documentId === undefined ? current.documentVersion : null;
    if (status === 'filed' && current.status !== 'filed' && !documentId) {
      // Filing keeps exactly what was filed: the draft as a document of the case.
      const stored = await this.drafts.store(actor, { ...current, draftText: body.draftText ?? current.draftText, title: body.title ?? current.title }, 'docx');
      documentId = stored.documentId;
      documentVersion = stored.version;
    }
    await this.db.transaction(async (manager) => {
      await this.actions.update(
        id,
        {
          status,
          title: body.title ?? current.title,
          draftText: body.draftText ?? current.draftText,
          draftEdited: body.draftText !== undefined,
          deadlineAt: body.deadlineAt === undefined ? current.deadlineAt : body.deadlineAt,
          ownerId: body.ownerId === undefined ? current.ownerId : body.ownerId,
          outcome,
          documentId,
          documentVersion,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'legal_action.update',
          entityType: 'legal_action',
          entityId: id,
          details: { caseId: current.caseId, from: current.status, to: status, fields: Object.keys(body) },
        },
        manager,
      );
    });
    return this.load(id);
  }

  /** Fills the draft again from the current template and case facts (after the court case number or facility changed). */
  async redraft(actor: Actor, id: string): Promise<LegalAction> {
    const current = await this.loadVisible(actor, id, 'cases:write');
    if (!OPEN_STATUSES.includes(current.status)) throw new Unprocessable('only the draft of an open action can be filled again');
    const draft = await this.drafts.fill(
      {
        caseId: current.caseId,
        step: current.step,
        language: current.language,
        deadlineAt: current.deadlineAt ? new Date(current.deadlineAt) : null,
        ownerId: current.ownerId,
        trigger: current.trigger,
      },
      this.db,
    );
    await this.actions.redraft(id, draft);
    await this.audit.record(actor, { action: 'legal_action.redraft', entityType: 'legal_action', entityId: id, details: { caseId: current.caseId } });
    return this.load(id);
  }

  /** Renders the current draft into a file and stores it as a document of the case. */
  async generate(actor: Actor, id: string, format: DraftFormat): Promise<GeneratedDocument> {
    const current = await this.loadVisible(actor, id, 'cases:write');
    const stored = await this.drafts.store(actor, current, format);
    await this.actions.linkDocument(id, stored.documentId, stored.version);
    await this.audit.record(actor, {
      action: 'legal_action.generate',
      entityType: 'legal_action',
      entityId: id,
      details: { documentId: stored.documentId, version: stored.version, format },
    });
    return stored;
  }

  /** The action if the actor may use its case; otherwise the same 404 as a missing one. */
  private async loadVisible(actor: Actor, id: string, capability: 'cases:read' | 'cases:write'): Promise<LegalAction> {
    const action = await this.load(id);
    await this.access.assertRecord(actor, action.caseId, capability, 'Legal action');
    return action;
  }

  private async load(id: string): Promise<LegalAction> {
    const row = await this.actions.findById(id);
    if (!row) throw new NotFound('Legal action');
    return this.drafts.toAction(row);
  }

  private async assertOwnerIsMember(ownerId: string, caseId: string): Promise<void> {
    if (!(await this.actions.isMemberOrAdmin(ownerId, caseId))) throw new Unprocessable('the owner must be a member of the case');
  }
}
