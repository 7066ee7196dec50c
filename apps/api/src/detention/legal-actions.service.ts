import type {
  ContactEvent,
  CreateLegalActionRequest,
  GeneratedDocument,
  LegalAction,
  LegalActionListQuery,
  LegalActionStatus,
  LegalStep,
  Page,
  TemplateLanguage,
  TriggerType,
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
import { contactSummary } from './contact-summary';
import { defaultActionTitle } from './default-templates';
import { GENERATED_DOCUMENT_SINK, type GeneratedDocumentSink } from './generated-document-sink';
import { proposeLegalSteps, type ProposedStep } from './legal-step-rules';
import { LegalTemplatesService } from './legal-templates.service';
import { markdownToDocx, renderTemplate, type TemplateFields } from './template-renderer';

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

interface ActionRow {
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
  document_id: string | null;
  document_version: number | null;
  outcome: string | null;
  filed_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_key: string;
}

const SELECT = `select a.*, c.slug as case_slug, c.title as case_title, u.name as owner_name,
    to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
  from legal_actions a join cases c on c.id = a.case_id left join users u on u.id = a.owner_id`;

/** Where each status may go: proposed → drafting → filed → decided, and dismissed (reopenable) before filing. */
const NEXT: Record<LegalActionStatus, readonly LegalActionStatus[]> = {
  proposed: ['drafting', 'dismissed'],
  drafting: ['proposed', 'filed', 'dismissed'],
  filed: ['decided'],
  decided: [],
  dismissed: ['proposed'],
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toAction(row: ActionRow, documentUrl: string | null = null): LegalAction {
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

interface DraftContext {
  caseId: string;
  step: LegalStep;
  language: TemplateLanguage;
  deadlineAt: Date | null;
  ownerId: string | null;
  facility?: string | null;
  event?: { summary: string; occurredAt: Date };
  incident?: { type: string; severity: string; occurredAt: Date };
}

const day = 24 * 3600 * 1000;
const formatDate = (date: Date, language: TemplateLanguage) =>
  date.toLocaleDateString(language === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Legal actions: proposals that incidents and contact events start, their drafts (from templates),
 * and their way to a filed document and an outcome.
 */
@Injectable()
export class LegalActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly templates: LegalTemplatesService,
    @Inject(GENERATED_DOCUMENT_SINK) private readonly sink: GeneratedDocumentSink,
  ) {}

  /** Called by the medical area when an incident is logged; proposes the legal steps it calls for (idempotent per incident and step). */
  async proposeForMedicalIncident(incident: MedicalIncidentTrigger, manager?: EntityManager): Promise<LegalAction[]> {
    const occurredAt = new Date(incident.occurredAt);
    const steps = proposeLegalSteps({ source: 'medical_incident', type: incident.type, severity: incident.severity });
    const summary = `Medical incident: ${incident.type.replace(/_/g, ' ')} (${incident.severity})`;
    return this.proposeSteps(
      steps,
      {
        caseId: incident.caseId,
        triggerType: 'medical_incident',
        triggerId: incident.incidentId,
        summary,
        occurredAt,
        facility: incident.facility ?? null,
        incident: { type: incident.type, severity: incident.severity, occurredAt },
      },
      null,
      manager,
    );
  }

  /** Called when a contact event is logged, in its transaction. */
  async proposeForContact(actor: Actor | null, input: { caseId: string; event: ContactEvent }, manager?: EntityManager): Promise<LegalAction[]> {
    const { event } = input;
    const steps = proposeLegalSteps({ source: 'contact', kind: event.kind, status: event.status });
    return this.proposeSteps(
      steps,
      {
        caseId: input.caseId,
        triggerType: 'contact',
        triggerId: event.id,
        summary: contactSummary(event),
        occurredAt: new Date(event.occurredAt),
        facility: event.facility,
      },
      actor,
      manager,
    );
  }

  private async proposeSteps(
    steps: ProposedStep[],
    trigger: {
      caseId: string;
      triggerType: TriggerType;
      triggerId: string | null;
      summary: string;
      occurredAt: Date;
      facility: string | null;
      incident?: DraftContext['incident'];
    },
    actor: Actor | null,
    manager?: EntityManager,
  ): Promise<LegalAction[]> {
    if (steps.length === 0) return [];
    const db = manager ?? this.db;
    const ownerId = actor?.role === 'lawyer' ? actor.id : await this.leadLawyerOf(trigger.caseId, db);
    const created: string[] = [];
    for (const proposed of steps) {
      const deadlineAt = new Date(trigger.occurredAt.getTime() + proposed.deadlineDays * day);
      const language: TemplateLanguage = 'ru';
      const draft = await this.draft(
        {
          caseId: trigger.caseId,
          step: proposed.step,
          language,
          deadlineAt,
          ownerId,
          facility: trigger.facility,
          event: { summary: trigger.summary, occurredAt: trigger.occurredAt },
          incident: trigger.incident,
        },
        db,
      );
      const rows: Array<{ id: string }> = await db.query(
        `insert into legal_actions (case_id, step, title, language, draft_text, missing_fields, deadline_at, owner_id, trigger_type, trigger_id, trigger_summary, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (trigger_type, trigger_id, step) where trigger_id is not null do nothing returning id`,
        [
          trigger.caseId,
          proposed.step,
          defaultActionTitle(proposed.step, language),
          language,
          draft.text,
          draft.missing,
          deadlineAt,
          ownerId,
          trigger.triggerType,
          trigger.triggerId,
          trigger.summary,
          actor?.id ?? null,
        ],
      );
      if (!rows[0]) continue;
      created.push(rows[0].id);
      await this.audit.record(
        actor ?? { actorId: null, ip: null },
        {
          action: 'legal_action.propose',
          entityType: 'legal_action',
          entityId: rows[0].id,
          details: { caseId: trigger.caseId, step: proposed.step, triggerType: trigger.triggerType, triggerId: trigger.triggerId },
        },
        manager,
      );
    }
    if (created.length === 0) return [];
    const rows: ActionRow[] = await db.query(`${SELECT} where a.id = any($1) order by a.deadline_at, a.id`, [created]);
    return rows.map((row) => this.toAction(row));
  }

  /** Fills the step's template from the case, the person, the facility and the event. */
  private async draft(context: DraftContext, db: DataSource | EntityManager): Promise<{ text: string; missing: string[] }> {
    const template = await this.templates.defaultFor(context.step, context.language, db instanceof EntityManager ? db : undefined);
    if (!template) return { text: '', missing: [] };
    const [theCase]: Array<{ title: string; slug: string }> = await db.query(`select title, slug from cases where id = $1`, [context.caseId]);
    const [owner]: Array<{ name: string }> = context.ownerId ? await db.query(`select name from users where id = $1`, [context.ownerId]) : [];
    const when = (date?: Date | null) => (date ? formatDate(date, context.language) : null);
    const fields: TemplateFields = {
      'case.title': theCase?.title,
      'case.slug': theCase?.slug,
      // The case is named after the person it defends.
      'person.name': theCase?.title,
      'facility.name': context.facility,
      'event.summary': context.event?.summary,
      'event.occurredAt': when(context.event?.occurredAt),
      'incident.type': context.incident?.type.replace(/_/g, ' '),
      'incident.severity': context.incident?.severity,
      'incident.occurredAt': when(context.incident?.occurredAt),
      'action.deadline': when(context.deadlineAt),
      'lawyer.name': owner?.name,
      today: when(new Date()),
    };
    return renderTemplate(template.body, fields);
  }

  /** A step the team starts by hand (not proposed by an event). */
  async create(actor: Actor, caseRef: string, input: CreateLegalActionRequest): Promise<LegalAction> {
    const body = createLegalActionRequest.parse(input);
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    const deadlineAt = body.deadlineAt ? new Date(body.deadlineAt) : null;
    const ownerId = body.ownerId ?? actor.id;
    await this.assertOwnerIsMember(ownerId, theCase.id);
    const draft = await this.draft({ caseId: theCase.id, step: body.step, language: body.language, deadlineAt, ownerId }, this.db);
    const rows: Array<{ id: string }> = await this.db.query(
      `insert into legal_actions (case_id, step, status, title, language, draft_text, missing_fields, deadline_at, owner_id, trigger_type, trigger_id, created_by)
       values ($1, $2, 'drafting', $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        theCase.id,
        body.step,
        defaultActionTitle(body.step, body.language),
        body.language,
        draft.text,
        draft.missing,
        deadlineAt,
        ownerId,
        body.triggerType ?? null,
        body.triggerId ?? null,
        actor.id,
      ],
    );
    await this.audit.record(actor, {
      action: 'legal_action.create',
      entityType: 'legal_action',
      entityId: rows[0].id,
      details: { caseId: theCase.id, step: body.step },
    });
    return this.load(rows[0].id);
  }

  /** The board across the actor's cases, or one case's actions; oldest first. */
  async list(actor: Actor, query: LegalActionListQuery, caseRef?: string): Promise<Page<LegalAction>> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (caseRef) {
      const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
      where.push(`a.case_id = $${params.push(theCase.id)}`);
    } else {
      const visible = await this.access.visibleCaseIds(actor, 'cases:read');
      if (visible !== 'all') where.push(`a.case_id = any($${params.push(visible)}::uuid[])`);
    }
    if (query.status) where.push(`a.status = $${params.push(query.status)}`);
    if (query.triggerType) where.push(`a.trigger_type = $${params.push(query.triggerType)}`);
    if (query.triggerId) where.push(`a.trigger_id = $${params.push(query.triggerId)}`);
    const cursor = decodeCursor(query.cursor);
    if (cursor) where.push(`(a.created_at, a.id) > ($${params.push(cursor.key)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    const rows: ActionRow[] = await this.db.query(
      `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by a.created_at, a.id limit $1`,
      params,
    );
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
    if (body.status && body.status !== current.status && !NEXT[current.status].includes(body.status)) {
      throw new Unprocessable(`a ${current.status} action cannot become ${body.status}; it can become ${NEXT[current.status].join(', ') || 'nothing else'}`);
    }
    if ((current.status === 'filed' || current.status === 'decided') && body.draftText !== undefined) {
      throw new Unprocessable('the draft of a filed action is what was filed; it cannot change');
    }
    const outcome = body.outcome === undefined ? current.outcome : body.outcome;
    if (status === 'decided' && !outcome) throw new Unprocessable('say the outcome of a decided action');

    let documentId = body.documentId === undefined ? current.documentId : body.documentId;
    let documentVersion = body.documentId === undefined ? current.documentVersion : null;
    if (status === 'filed' && current.status !== 'filed' && !documentId) {
      // Filing keeps exactly what was filed: the draft as a document of the case.
      const stored = await this.storeDraft(actor, { ...current, draftText: body.draftText ?? current.draftText, title: body.title ?? current.title }, 'docx');
      documentId = stored.documentId;
      documentVersion = stored.version;
    }
    await this.db.transaction(async (manager) => {
      await manager.query(
        `update legal_actions set status = $2, title = $3, draft_text = $4, deadline_at = $5, owner_id = $6, outcome = $7, document_id = $8, document_version = $9,
            filed_at = case when $2 = 'filed' and filed_at is null then now() else filed_at end,
            decided_at = case when $2 = 'decided' and decided_at is null then now() else decided_at end,
            missing_fields = case when $10 then array(select m from unnest(missing_fields) m where position('[[' || m || ': ?]]' in $4) > 0) else missing_fields end,
            updated_at = now()
          where id = $1`,
        [
          id,
          status,
          body.title ?? current.title,
          body.draftText ?? current.draftText,
          body.deadlineAt === undefined ? current.deadlineAt : body.deadlineAt,
          body.ownerId === undefined ? current.ownerId : body.ownerId,
          outcome,
          documentId,
          documentVersion,
          body.draftText !== undefined,
        ],
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

  /** Renders the current draft into a file and stores it through the sink (a document version of the case once wired). */
  async generate(actor: Actor, id: string, format: 'docx' | 'markdown'): Promise<GeneratedDocument> {
    const current = await this.loadVisible(actor, id, 'cases:write');
    const stored = await this.storeDraft(actor, current, format);
    await this.db.query(`update legal_actions set document_id = $2, document_version = $3, updated_at = now() where id = $1`, [
      id,
      stored.documentId,
      stored.version,
    ]);
    await this.audit.record(actor, {
      action: 'legal_action.generate',
      entityType: 'legal_action',
      entityId: id,
      details: { documentId: stored.documentId, version: stored.version, format },
    });
    return stored;
  }

  private async storeDraft(actor: Actor, action: LegalAction, format: 'docx' | 'markdown'): Promise<GeneratedDocument> {
    const markdown = action.draftText.trim() ? action.draftText : `# ${action.title}`;
    const base = `${action.caseSlug}-${action.step}-${action.id.slice(0, 8)}`;
    const file =
      format === 'docx'
        ? {
            fileName: `${base}.docx`,
            mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            bytes: await markdownToDocx(markdown),
          }
        : { fileName: `${base}.md`, mimeType: 'text/markdown; charset=utf-8', bytes: Buffer.from(markdown, 'utf8') };
    const kind = action.step.startsWith('complaint') ? 'complaint' : action.step.startsWith('motion') ? 'motion' : 'application';
    const stored = await this.sink.storeGenerated(actor, action.caseId, { title: action.title, kind, ...file });
    return { ...stored, fileName: file.fileName, downloadUrl: this.sink.downloadUrl?.(stored.documentId, stored.version) ?? null };
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
    const rows: ActionRow[] = await this.db.query(`${SELECT} where a.id = $1`, [id]);
    if (!rows[0]) throw new NotFound('Legal action');
    return this.toAction(rows[0]);
  }

  private toAction(row: ActionRow): LegalAction {
    const url = row.document_id ? (this.sink.downloadUrl?.(row.document_id, row.document_version ?? 1) ?? null) : null;
    return toAction(row, url);
  }

  /** The lawyer a proposal goes to when no lawyer logged its trigger: the case's lead counsel, else any lawyer of the case. */
  private async leadLawyerOf(caseId: string, db: DataSource | EntityManager): Promise<string | null> {
    const rows: Array<{ id: string }> = await db.query(
      `select u.id from case_members m join users u on u.id = m.user_id
        where m.case_id = $1 and u.role = 'lawyer' and u.disabled_at is null
        order by (m.role_on_case = 'lead_counsel') desc, m.created_at limit 1`,
      [caseId],
    );
    return rows[0]?.id ?? null;
  }

  private async assertOwnerIsMember(ownerId: string, caseId: string): Promise<void> {
    const rows = await this.db.query(
      `select 1 from users u where u.id = $1 and (u.role = 'admin' or exists (select 1 from case_members m where m.case_id = $2 and m.user_id = u.id))`,
      [ownerId, caseId],
    );
    if (rows.length === 0) throw new Unprocessable('the owner must be a member of the case');
  }
}
