import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { CreateDossierRequest, CustodyEntry, Dossier } from '@habeas/contracts';
import type { Readable } from 'node:stream';
import { AuditChainService } from '../audit/audit-chain.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, NotFound } from '../common/http/domain-error';
import { renderPdfDocument } from '../common/pdf/pdf-renderer';
import { FileStore } from '../documents/file-store';
import { DocumentsService } from '../documents/documents.service';
import { JobsService } from '../jobs/jobs.service';
import { UsersService } from '../users/users.service';
import { DocumentCustodyService } from './document-custody.service';
import { DossierArchive } from './dossier-archive';
import { DossierCollector } from './dossier-collector';
import { archiveName, dossierDocument } from './dossier-document';
import { DossiersRepository, toDossier, type DossierRow } from './dossiers.repository';

const BUILD_JOB = 'dossier.build';

export interface DossierDownload {
  stream: Readable;
  fileName: string;
  size: number;
  sha256: string;
}

/**
 * Case dossiers for courts and human-rights bodies: requested by a lawyer of the case (or an admin), built
 * by a background job with progress, stored in the file store, downloaded with an audit entry.
 */
@Injectable()
export class DossiersService implements OnModuleInit {
  private readonly logger = new Logger('Dossiers');

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly chain: AuditChainService,
    private readonly collector: DossierCollector,
    private readonly custody: DocumentCustodyService,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly store: FileStore,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ dossierId: string }>(BUILD_JOB, ({ dossierId }) => this.build(dossierId), { retryLimit: 1, retryDelay: 5 });
  }

  async request(actor: Actor, caseRef: string, request: CreateDossierRequest): Promise<{ id: string }> {
    const theCase = await this.access.resolve(actor, caseRef, 'dossiers:create');
    const id = await this.dossiers.insert({
      caseId: theCase.id,
      requestedBy: actor.id,
      ip: actor.ip,
      language: request.language,
      from: request.from ?? null,
      to: request.to ?? null,
      includeDocuments: request.includeDocuments,
    });
    await this.audit.record(actor, { action: 'dossier.request', entityType: 'case', entityId: theCase.id, details: { dossierId: id } });
    await this.jobs.send(BUILD_JOB, { dossierId: id }, { singletonKey: id });
    return { id };
  }

  async get(actor: Actor, id: string): Promise<Dossier> {
    return toDossier(await this.visible(actor, id));
  }

  async listForCase(actor: Actor, caseRef: string): Promise<Dossier[]> {
    const theCase = await this.access.resolve(actor, caseRef, 'dossiers:create');
    return (await this.dossiers.listForCase(theCase.id, 20)).map(toDossier);
  }

  async download(actor: Actor, id: string): Promise<DossierDownload> {
    const row = await this.visible(actor, id);
    if (row.status !== 'done' || !row.storage_key) throw new Conflict('The dossier is not ready yet');
    const stream = await this.store.get(row.storage_key);
    await this.audit.record(actor, { action: 'dossier.download', entityType: 'case', entityId: row.case_id, details: { dossierId: id, sha256: row.sha256 } });
    return { stream, fileName: `dossier-${row.created_at.toISOString().slice(0, 10)}-${id.slice(0, 8)}.zip`, size: Number(row.size), sha256: row.sha256! };
  }

  custodyOf(actor: Actor, documentId: string): Promise<CustodyEntry[]> {
    return this.custody.of(actor, documentId);
  }

  /** The job: collects as the maker (with the maker's current rights), renders, packs and stores the archive. */
  async build(id: string): Promise<void> {
    const row = await this.dossiers.byId(id);
    if (!row || !(await this.dossiers.start(id))) return;
    try {
      const maker = await this.makerOf(row);
      const progress = (fraction: number) => this.dossiers.progress(id, fraction * 100);
      const data = await this.collector.collect(maker, row.case_id, { from: row.range_from, to: row.range_to }, row.include_documents, (f) =>
        progress(f * 0.4),
      );
      const custody = new Map<string, CustodyEntry[]>();
      for (const document of data.documents) custody.set(document.id, await this.custody.of(maker, document.id));
      const head = await this.chain.head();
      const generatedAt = new Date();
      const pdf = await renderPdfDocument(
        dossierDocument(data, {
          language: row.language,
          generatedAt,
          generatedBy: maker.name,
          from: row.range_from,
          to: row.range_to,
          auditHead: head,
          custody,
        }),
      );
      await progress(0.5);
      const archive = new DossierArchive(generatedAt);
      const stored = this.store.put(archive.output);
      archive.addBuffer('dossier.pdf', pdf);
      for (const [index, document] of data.documents.entries()) {
        const latest = document.latest!;
        const opened = await this.documents.open(maker, document.id, latest.number, false);
        await archive.addStream(`documents/${archiveName(index, latest.originalName)}`, opened.stream, latest.size, latest.sha256);
        await progress(0.5 + (0.45 * (index + 1)) / data.documents.length);
      }
      archive.close({
        format: 'habeas-dossier',
        version: 1,
        case: { id: data.case.id, slug: data.case.slug, title: data.case.title, courtCaseNumber: data.case.courtCaseNumber },
        parameters: { from: row.range_from, to: row.range_to, language: row.language, includeDocuments: row.include_documents },
        generatedBy: { id: maker.id, name: maker.name, email: maker.email },
        generatedAt: generatedAt.toISOString(),
        auditHead: head,
        sections: { medical: data.medical !== null },
      });
      const file = await stored;
      await this.dossiers.finish(id, file, head);
      await this.audit.record(maker, {
        action: 'dossier.create',
        entityType: 'case',
        entityId: row.case_id,
        details: { dossierId: id, sha256: file.sha256, auditHead: head },
      });
    } catch (error) {
      this.logger.warn({ err: error, dossierId: id }, 'dossier build failed');
      await this.dossiers.fail(id, error instanceof NotFound ? 'The person who asked for it may no longer see this case' : (error as Error).message);
    }
  }

  /** The maker as they are now: a disabled user or one who left the case gets no dossier. */
  private async makerOf(row: DossierRow): Promise<Actor> {
    const user = row.requested_by ? await this.users.findById(row.requested_by) : null;
    if (!user || user.disabledAt) throw new NotFound('User');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionId: `dossier:${row.id}`,
      ip: row.requested_from_ip ?? '',
      userAgent: 'dossier builder',
    };
  }

  private async visible(actor: Actor, id: string): Promise<DossierRow> {
    const row = await this.dossiers.byId(id);
    if (!row) throw new NotFound('Dossier');
    await this.access.assertCase(actor, row.case_id, 'dossiers:create').catch(() => {
      throw new NotFound('Dossier');
    });
    return row;
  }
}
