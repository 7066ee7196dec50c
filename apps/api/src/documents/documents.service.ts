import { createDocumentFields } from '@habeas/contracts';
import type { CreateDocumentFields, DocumentDetail, DocumentListQuery, DocumentSummary, Page, UpdateDocumentRequest } from '@habeas/contracts';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { DomainError, NotFound } from '../common/http/domain-error';
import { JobsService } from '../jobs/jobs.service';
import { changesOf } from './document-changes';
import { DocumentEntity } from './document.entity';
import { DocumentsRepository, DocumentScope } from './documents.repository';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { type Extraction, extractText } from './extraction/text-extractor';
import type { ReceivedUpload } from './upload-receiver';
import { openExtractedText, sealTextBacklog, writeExtraction } from './search/extracted-text.repository';
import { planSearch } from './search/search-plan';
import { snippetsFor } from './search/snippet';

export const EXTRACT_TEXT_JOB = 'documents.extract-text';

/** Reads the multipart body into a temp file at the given path (the controller binds it to the request). */
export type UploadReader = (tempPath: string) => Promise<ReceivedUpload>;

export interface OpenedVersion {
  stream: Readable;
  mimeType: string;
  originalName: string;
  size: number;
  sha256: string;
}

/** Documents of cases: uploads, versions, downloads, search; privileged ones only for lawyers of the case and admins. */
@Injectable()
export class DocumentsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly repository: DocumentsRepository,
    private readonly store: FileStore,
    private readonly staging: LocalFileStore,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ versionId: string }>(EXTRACT_TEXT_JOB, (data) => this.extractTextOf(data.versionId), { retryLimit: 2 });
  }

  /** Texts set aside in plaintext by the migration that started sealing them are sealed before anything is served. */
  async onApplicationBootstrap(): Promise<void> {
    const sealed = await sealTextBacklog(this.db);
    if (sealed > 0) this.logger.log({ sealed }, 'sealed extracted texts left in plaintext by an earlier version');
  }

  /** One case (the path's or `?caseId=`, 404 unless visible) or every case the actor sees; with `q`, a search. */
  async list(actor: Actor, caseRef: string | undefined, query: DocumentListQuery): Promise<Page<DocumentSummary>> {
    const ref = caseRef ?? query.caseId;
    let scope: DocumentScope;
    let caseId: string | undefined;
    if (ref) {
      const theCase = await this.access.resolve(actor, ref, 'documents:read');
      if (caseRef && query.caseId && query.caseId !== theCase.id) return { items: [], nextCursor: null };
      scope = this.scopeOf(actor, [theCase.id]);
      caseId = theCase.id;
    } else {
      scope = this.scopeOf(actor, await this.access.visibleCaseIds(actor, 'documents:read'));
    }
    if (!query.q) return this.repository.list(scope, query, { caseId });
    const plan = planSearch(query.q);
    const { page, texts } = await this.repository.search(scope, query, { caseId }, plan);
    // Only the shown page's texts are opened, never the corpus.
    const snippetOf = snippetsFor({ words: plan.words, substrings: [...plan.numbers, ...plan.patterns.map((pattern) => pattern.slice(1, -1))] });
    for (const item of page.items) {
      const text = texts.get(item.id);
      const snippet = text ? snippetOf(openExtractedText(text.versionId, text.sealed)) : null;
      if (snippet) item.snippet = snippet;
    }
    return page;
  }

  async get(actor: Actor, id: string): Promise<DocumentDetail> {
    const document = await this.visible(actor, id, 'documents:read');
    const summary = await this.repository.summary(document.id);
    if (!summary) throw new NotFound('Document');
    return { ...summary, versions: await this.repository.versionsOf(document.id) };
  }

  /** Creates a document from a multipart upload: fields validated, bytes stored, version 1 recorded, extraction queued. */
  async create(actor: Actor, caseRef: string, read: UploadReader): Promise<DocumentDetail> {
    const theCase = await this.access.resolve(actor, caseRef, 'documents:write');
    const id = await this.file(actor, theCase.id, read, (upload) => {
      const fields = createDocumentFields.parse(upload.fields);
      if (fields.privileged && !roleCan(actor.role, 'documents:privileged')) {
        throw new DomainError(403, 'privileged: only lawyers and admins may file privileged documents');
      }
      return fields;
    });
    return this.get(actor, id);
  }

  /**
   * Files an upload as a new document of a case the caller has already authorized the actor for; `fieldsOf` reads
   * and checks the form's fields (it may throw). Returns the new document's id.
   */
  async file(actor: Actor, caseId: string, read: UploadReader, fieldsOf: (upload: ReceivedUpload) => CreateDocumentFields): Promise<string> {
    const upload = await read(await this.staging.newTempPath());
    let id: string;
    try {
      const fields = fieldsOf(upload);
      const stored = await this.store.adopt(upload.tempPath, upload.sha256, upload.size);
      id = await this.db.transaction(async (manager) => {
        const documentId = await this.repository.insert(manager, {
          caseId,
          kind: fields.kind,
          title: fields.title,
          court: fields.court ?? null,
          status: fields.status,
          filedAt: fields.filedAt ? new Date(fields.filedAt) : null,
          hearingId: fields.hearingId ?? null,
          deadlineId: fields.deadlineId ?? null,
          privileged: fields.privileged,
          tags: fields.tags,
          createdBy: actor.id,
        });
        await this.addVersionRow(manager, actor, documentId, 1, upload, stored.key);
        await this.audit.record(
          actor,
          { action: 'document.create', entityType: 'document', entityId: documentId, details: { caseId, sha256: upload.sha256 } },
          manager,
        );
        return documentId;
      });
    } finally {
      await rm(upload.tempPath, { force: true });
    }
    await this.queueExtraction(id);
    return id;
  }

  async addVersion(actor: Actor, id: string, read: UploadReader): Promise<DocumentDetail> {
    const document = await this.visible(actor, id, 'documents:write');
    const upload = await read(await this.staging.newTempPath());
    try {
      const stored = await this.store.adopt(upload.tempPath, upload.sha256, upload.size);
      await this.db.transaction(async (manager) => {
        const next = await this.repository.lockNextVersion(manager, document.id);
        await this.addVersionRow(manager, actor, document.id, next, upload, stored.key);
        await this.audit.record(
          actor,
          { action: 'document.version', entityType: 'document', entityId: document.id, details: { number: next, sha256: upload.sha256 } },
          manager,
        );
      });
    } finally {
      await rm(upload.tempPath, { force: true });
    }
    await this.queueExtraction(document.id);
    return this.get(actor, document.id);
  }

  async update(actor: Actor, id: string, patch: UpdateDocumentRequest): Promise<DocumentDetail> {
    const document = await this.visible(actor, id, 'documents:write');
    if (patch.privileged !== undefined && !roleCan(actor.role, 'documents:privileged')) {
      throw new DomainError(403, 'privileged: only lawyers and admins may change it');
    }
    await this.db.transaction(async (manager) => {
      await this.repository.update(manager, document.id, {
        ...patch,
        filedAt: patch.filedAt === undefined ? undefined : patch.filedAt === null ? null : new Date(patch.filedAt),
      });
      await this.audit.record(
        actor,
        {
          action: 'document.update',
          entityType: 'document',
          entityId: document.id,
          details: { fields: Object.keys(patch), changes: changesOf(document, patch) },
        },
        manager,
      );
    });
    return this.get(actor, document.id);
  }

  /** Opens a version's bytes for download (or inline preview) and records it in the audit log. */
  async open(actor: Actor, id: string, versionNumber: number | undefined, inline: boolean): Promise<OpenedVersion> {
    const document = await this.visible(actor, id, 'documents:read');
    const version = await this.repository.version(document.id, versionNumber);
    if (!version) throw new NotFound('Version');
    const stream = await this.store.get(version.storageKey);
    await this.audit.record(actor, {
      action: inline ? 'document.preview' : 'document.download',
      entityType: 'document',
      entityId: document.id,
      details: { version: version.number, sha256: version.sha256 },
    });
    return { stream, mimeType: version.mimeType, originalName: version.originalName, size: version.size, sha256: version.sha256 };
  }

  /** Extracts the text of one version for search (the job's handler): sealed, and the document's search columns from it. */
  async extractTextOf(versionId: string): Promise<void> {
    const version = await this.repository.versionById(versionId);
    if (!version || version.textStatus !== 'pending') return;
    let result: Extraction;
    try {
      result = await extractText(version.mimeType, () => this.store.get(version.storageKey));
    } catch (error) {
      result = { status: 'failed', issue: 'unreadable', message: (error as Error).message };
    }
    // A failed extraction is final (no retry): the file stays downloadable, the drawer says why.
    if (result.status === 'failed') this.logger.warn({ versionId, issue: result.issue, reason: result.message }, 'text extraction failed');
    await this.db.transaction((manager) =>
      writeExtraction(manager, version, {
        status: result.status,
        issue: result.status === 'unsupported' ? null : result.issue,
        text: result.status === 'done' ? result.text : null,
      }),
    );
  }

  private async queueExtraction(documentId: string): Promise<void> {
    const latest = await this.repository.latestVersionId(documentId);
    if (latest) await this.jobs.send(EXTRACT_TEXT_JOB, { versionId: latest }, { singletonKey: latest });
  }

  private async addVersionRow(manager: EntityManager, actor: Actor, documentId: string, number: number, upload: ReceivedUpload, storageKey: string) {
    await this.repository.insertVersion(manager, {
      documentId,
      number,
      originalName: upload.originalName,
      storageKey,
      mimeType: upload.mimeType,
      size: upload.size,
      sha256: upload.sha256,
      uploadedBy: actor.id,
    });
  }

  private scopeOf(actor: Actor, caseIds: string[] | 'all'): DocumentScope {
    return { caseIds, privileged: roleCan(actor.role, 'documents:privileged') };
  }

  /** The document if the actor may see it: member of its case (or admin), and for privileged ones a lawyer; else 404. */
  private async visible(actor: Actor, id: string, capability: 'documents:read' | 'documents:write'): Promise<DocumentEntity> {
    const document = await this.repository.byId(id);
    if (!document || (document.privileged && !roleCan(actor.role, 'documents:privileged'))) throw new NotFound('Document');
    await this.access.assertCase(actor, document.caseId, capability).catch(() => {
      throw new NotFound('Document');
    });
    return document;
  }
}
