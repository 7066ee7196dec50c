import type {
  ContactEvent,
  CreateLegalActionRequest,
  GeneratedDocument,
  IncidentType,
  LegalAction,
  LegalActionListQuery,
  LegalActionTrigger,
  LegalStep,
  Page,
  TemplateLanguage,
  UpdateLegalActionRequest,
} from '@habeas/contracts';
import { createLegalActionRequest } from '@habeas/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound, Unprocessable } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { defaultActionTitle } from './default-templates';
import { draftFields } from './draft-fields';
import { filingDocx } from './filing-docx';
import { filingPdf } from './filing-pdf';
import { GENERATED_DOCUMENT_SINK, type GeneratedDocumentSink } from './generated-document-sink';
import { OPEN_STATUSES, refusedChange } from './legal-action-status';
import { LegalActionsRepository, toLegalAction, type ActionRow } from './legal-actions.repository';
import { proposeLegalSteps, type ProposedStep } from './legal-step-rules';
import { LegalTemplatesService } from './legal-templates.service';
import { renderTemplate } from './template-renderer';
import { describeTrigger } from './trigger-text';

/** What the medical area tells us about an incident (never its encrypted description). */
export interface MedicalIncidentTrigger {
  caseId: string;
  /** Null only for demo incidents seeded without an id to point at. */
  incidentId: string | null;
  type: string;
  severity: 'low' | 'moderate' | 'high' | 'critical';
  occurredAt: Date | string;
  facility?: string | null;
}

export type DraftFormat = 'docx' | 'pdf' | 'markdown';

const DAY = 24 * 3600 * 1000;
const FORMATS: Record<DraftFormat, { extension: string; mimeType: string; render: (draft: string, title: string) => Promise<Buffer> }> = {
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: filingDocx },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', render: filingPdf },
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: async (draft) => Buffer.from(draft, 'utf8') },
};

/**
 * Legal actions: proposals that incidents and contact events start (a trigger whose step already has an open card
 * is added to that card as "also because"; a lawyer may still start a second draft of a step by hand), their drafts filled from templates and the case's facts, and
 * their way to a filed document and an outcome.
 */
@Injectable()
export class LegalActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actions: LegalActionsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly templates: LegalTemplatesService,
    @Inject(GENERATED_DOCUMENT_SINK) private readonly sink: GeneratedDocumentSink,
  ) {}

  /** Called by the medical area when an incident is logged; proposes the legal steps it calls for (idempotent per incident and step). */
  async proposeForMedicalIncident(incident: MedicalIncidentTrigger, manager?: EntityManager): Promise<LegalAction[]> {
    const steps = proposeLegalSteps({ source: 'medical_incident', type: incident.type, severity: incident.severity });
    const trigger: LegalActionTrigger = {
      type: 'medical_incident',
      id: incident.incidentId,
      incidentType: incident.type as IncidentType,
      severity: incident.severity,
      occurredAt: new Date(incident.occurredAt).toISOString(),
      facility: incident.facility ?? null,
    };
    return this.proposeSteps(incident.caseId, steps, trigger, null, manager ?? this.db);
  }

  /** Called when a contact event is logged, in its transaction. */
  async proposeForContact(actor: Actor | null, input: { caseId: string; event: ContactEvent }, manager?: EntityManager): Promise<LegalAction[]> {
    const { event } = input;
    const steps = proposeLegalSteps({ source: 'contact', kind: event.kind, status: event.status });
    const trigger: LegalActionTrigger = {
      type: 'contact',
      id: event.id,
      kind: event.kind,
      status: event.status,
      occurredAt: new Date(event.occurredAt).toISOString(),
      facility: event.facility,
      refusalReason: event.refusalReason,
      refusedBy: event.refusedBy,
    };
    return this.proposeSteps(input.caseId, steps, trigger, actor, manager ?? this.db);
  }

  /** New cards for steps nobody proposed yet; an open card of the same step gets the trigger as "also because". */
  private async proposeSteps(
    caseId: string,
    steps: ProposedStep[],
    trigger: LegalActionTrigger,
    actor: Actor | null,
    db: DataSource | EntityManager,
  ): Promise<LegalAction[]> {
    if (steps.length === 0) return [];
    const ownerId = actor?.role === 'lawyer' ? actor.id : await this.actions.leadLawyerOf(caseId, db);
    const touched: string[] = [];
    const auditActor = actor ?? { actorId: null, ip: null };
    const manager = db instanceof EntityManager ? db : undefined;
    for (const proposed of steps) {
      if (trigger.id && (await this.actions.wasProposedFor(trigger.type, trigger.id, proposed.step, db))) continue;
      const open = await this.actions.findOpen(caseId, proposed.step, db);
      if (open) {
        await this.actions.addAlsoBecause(open.id, trigger, db);
        touched.push(open.id);
        await this.audit.record(
          auditActor,
          {
            action: 'legal_action.also_because',
            entityType: 'legal_action',
            entityId: open.id,
            details: { caseId, triggerType: trigger.type, triggerId: trigger.id ?? null },
          },
          manager,
        );
        continue;
      }
      const language: TemplateLanguage = 'ru';
      const deadlineAt = new Date(new Date(trigger.occurredAt).getTime() + proposed.deadlineDays * DAY);
      const draft = await this.draft({ caseId, step: proposed.step, language, deadlineAt, ownerId, trigger }, db);
      const id = await this.actions.insert(
        {
          caseId,
          step: proposed.step,
          status: 'proposed',
          title: defaultActionTitle(proposed.step, language),
          language,
          draftText: draft.text,
          missingFields: draft.missing,
          deadlineAt,
          ownerId,
          trigger,
          triggerSummary: describeTrigger(trigger, language, draft.timeZone),
          createdBy: actor?.id ?? null,
        },
        db,
      );
      if (!id) continue;
      touched.push(id);
      await this.audit.record(
        auditActor,
        {
          action: 'legal_action.propose',
          entityType: 'legal_action',
          entityId: id,
          details: { caseId, step: proposed.step, triggerType: trigger.type, triggerId: trigger.id ?? null },
        },
        manager,
      );
    }
    if (touched.length === 0) return [];
    return (await this.actions.findByIds(touched, db)).map((row) => this.toAction(row));
  }

  /** Fills the step's default template from the case, the person, the lawyer, the current facility and the event. */
  private async draft(
    context: {
      caseId: string;
      step: LegalStep;
      language: TemplateLanguage;
      deadlineAt: Date | null;
      ownerId: string | null;
      trigger: LegalActionTrigger | null;
    },
    db: DataSource | EntityManager,
  ): Promise<{ text: string; missing: string[]; timeZone: string }> {
    const facts = await this.actions.draftFacts(context.caseId, context.ownerId, db);
    const template = await this.templates.defaultFor(context.step, context.language, db instanceof EntityManager ? db : undefined);
    if (!template) return { text: '', missing: [], timeZone: facts.timeZone };
    const fields = draftFields({ ...facts, language: context.language, trigger: context.trigger, deadlineAt: context.deadlineAt, today: new Date() });
    return { ...renderTemplate(template.body, fields), timeZone: facts.timeZone };
  }

  /** A step the team starts by hand (not proposed by an event). */
  async create(actor: Actor, caseRef: string, input: CreateLegalActionRequest): Promise<LegalAction> {
    const body = createLegalActionRequest.parse(input);
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    const deadlineAt = body.deadlineAt ? new Date(body.deadlineAt) : null;
    const ownerId = body.ownerId ?? actor.id;
    await this.assertOwnerIsMember(ownerId, theCase.id);
    const draft = await this.draft({ caseId: theCase.id, step: body.step, language: body.language, deadlineAt, ownerId, trigger: null }, this.db);
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
      (row) => this.toAction(row),
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
      const stored = await this.storeDraft(actor, { ...current, draftText: body.draftText ?? current.draftText, title: body.title ?? current.title }, 'docx');
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
    const draft = await this.draft(
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
    const stored = await this.storeDraft(actor, current, format);
    await this.actions.linkDocument(id, stored.documentId, stored.version);
    await this.audit.record(actor, {
      action: 'legal_action.generate',
      entityType: 'legal_action',
      entityId: id,
      details: { documentId: stored.documentId, version: stored.version, format },
    });
    return stored;
  }

  private async storeDraft(actor: Actor, action: LegalAction, format: DraftFormat): Promise<GeneratedDocument> {
    const draft = action.draftText.trim() ? action.draftText : `# ${action.title}`;
    const spec = FORMATS[format];
    const fileName = `${action.caseSlug}-${action.step}-${action.id.slice(0, 8)}.${spec.extension}`;
    const kind = action.step.startsWith('complaint') ? 'complaint' : action.step.startsWith('motion') ? 'motion' : 'application';
    const stored = await this.sink.storeGenerated(actor, action.caseId, {
      title: action.title,
      kind,
      fileName,
      mimeType: spec.mimeType,
      bytes: await spec.render(draft, action.title),
    });
    return { ...stored, fileName, downloadUrl: this.sink.downloadUrl?.(stored.documentId, stored.version) ?? null };
  }

  /** The action if the actor may use its case; otherwise the same 404 as a missing one. */
  private async loadVisible(actor: Actor, id: string, capability: 'cases:read' | 'cases:write'): Promise<LegalAction> {
    const action = await this.load(id);
    try {
      await this.access.assertCase(actor, action.caseId, capability);
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('Legal action');
      throw error;
    }
    return action;
  }

  private async load(id: string): Promise<LegalAction> {
    const row = await this.actions.findById(id);
    if (!row) throw new NotFound('Legal action');
    return this.toAction(row);
  }

  private toAction(row: ActionRow): LegalAction {
    const url = row.document_id ? (this.sink.downloadUrl?.(row.document_id, row.document_version ?? 1) ?? null) : null;
    return toLegalAction(row, url);
  }

  private async assertOwnerIsMember(ownerId: string, caseId: string): Promise<void> {
    if (!(await this.actions.isMemberOrAdmin(ownerId, caseId))) throw new Unprocessable('the owner must be a member of the case');
  }
}
