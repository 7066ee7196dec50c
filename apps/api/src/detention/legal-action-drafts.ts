import type { GeneratedDocument, LegalAction, LegalActionTrigger, LegalStep, TemplateLanguage } from '@habeas/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { draftFields } from './draft-fields';
import { filingDocx } from './filing-docx';
import { filingPdf } from './filing-pdf';
import { GENERATED_DOCUMENT_SINK, type GeneratedDocumentSink } from './generated-document-sink';
import { LegalActionsRepository, toLegalAction, type ActionRow } from './legal-actions.repository';
import { LegalTemplatesService } from './legal-templates.service';
import { renderTemplate } from './template-renderer';

export type DraftFormat = 'docx' | 'pdf' | 'markdown';

const FORMATS: Record<DraftFormat, { extension: string; mimeType: string; render: (draft: string, title: string) => Promise<Buffer> }> = {
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: filingDocx },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', render: filingPdf },
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: async (draft) => Buffer.from(draft, 'utf8') },
};

/** The drafts of legal actions: filled from the step's template and the case's facts, rendered to files and stored as documents. */
@Injectable()
export class LegalActionDrafts {
  constructor(
    private readonly actions: LegalActionsRepository,
    private readonly templates: LegalTemplatesService,
    @Inject(GENERATED_DOCUMENT_SINK) private readonly sink: GeneratedDocumentSink,
  ) {}

  /** Fills the step's default template from the case, the person, the lawyer, the current facility and the event. */
  async fill(
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

  async store(actor: Actor, action: LegalAction, format: DraftFormat): Promise<GeneratedDocument> {
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

  /** The row as the contract's action, with the download address of its filed document. */
  toAction(row: ActionRow): LegalAction {
    const url = row.document_id ? (this.sink.downloadUrl?.(row.document_id, row.document_version ?? 1) ?? null) : null;
    return toLegalAction(row, url);
  }
}
