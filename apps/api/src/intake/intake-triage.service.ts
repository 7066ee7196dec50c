import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createContactEventRequest, roleCan, type ConvertIntakeRequest, type IntakeReport, type IntakeReportListQuery, type Page } from '@habeas/contracts';
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { ContactLogService } from '../detention/contact-log.service';
import { DocumentsService } from '../documents/documents.service';
import { FileStore } from '../documents/file-store';
import { writeEncrypted } from '../documents/local-file-store';
import { MedicalIncidentsService } from '../medical/medical-incidents.service';
import { readingsInText } from './emergency-rules';
import { IntakeRepository, openFileName, openReportContent, toIntakeReport, type ReportContent, type ReportRow } from './intake.repository';

/** The report in one text, as a case document or an incident's description keeps it. */
function reportText(content: ReportContent, receivedAt: Date): string {
  return [
    `Сообщение родственников (получено ${receivedAt.toISOString()})`,
    `Что случилось: ${content.what}`,
    content.when && `Когда: ${content.when}`,
    content.where && `Где: ${content.where}`,
    content.howKnown && `Откуда известно: ${content.howKnown}`,
    content.contactBack && `Как связаться: ${content.contactBack}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The triage inbox of a case's lawyers and medical staff: reading reports (which marks them seen), their files,
 * and turning a report into a medical incident, a contact-log entry or a case document (source "family"),
 * with the link kept on the report.
 */
@Injectable()
export class IntakeTriageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly intake: IntakeRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly store: FileStore,
    private readonly incidents: MedicalIncidentsService,
    private readonly contacts: ContactLogService,
    private readonly documents: DocumentsService,
  ) {}

  async list(actor: Actor, caseRef: string, query: IntakeReportListQuery): Promise<Page<IntakeReport>> {
    const theCase = await this.access.resolve(actor, caseRef, 'intake:triage');
    const rows = await this.intake.reportPage(theCase.id, query.status, query.limit, decodeCursor(query.cursor));
    const shown = rows.slice(0, query.limit);
    await this.intake.markSeen(shown.filter((row) => row.status === 'received').map((row) => row.id));
    await this.audit.recordReads(
      actor,
      'intake_report',
      shown.map((row) => row.id),
    );
    const files = await this.intake.filesOf(shown.map((row) => row.id));
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.created_key, id: row.id }),
      (row) => toIntakeReport({ ...row, status: row.status === 'received' ? 'seen' : row.status }, files),
    );
  }

  async openFile(actor: Actor, reportId: string, fileId: string): Promise<{ stream: Readable; name: string; mimeType: string; size: number }> {
    const report = await this.visible(actor, reportId);
    const file = (await this.intake.filesOf([report.id])).find((f) => f.id === fileId);
    if (!file) throw new NotFound('File');
    await this.audit.record(actor, { action: 'intake_report.file', entityType: 'intake_report', entityId: report.id, details: { fileId } });
    return { stream: await this.store.get(file.storage_key), name: openFileName(file), mimeType: file.mime_type, size: Number(file.size) };
  }

  async convert(actor: Actor, reportId: string, request: ConvertIntakeRequest): Promise<{ into: ConvertIntakeRequest['into']; id: string }> {
    const report = await this.visible(actor, reportId);
    const content = openReportContent(report);
    const id = await this.create(actor, report, content, request);
    await this.db.transaction(async (manager) => {
      await this.intake.addConversion(report.id, { into: request.into, id, at: new Date().toISOString(), byName: actor.name }, manager);
      await this.audit.record(
        actor,
        { action: 'intake_report.convert', entityType: 'intake_report', entityId: report.id, details: { into: request.into, id } },
        manager,
      );
    });
    return { into: request.into, id };
  }

  private async create(actor: Actor, report: ReportRow, content: ReportContent, request: ConvertIntakeRequest): Promise<string> {
    const occurredAt = report.created_at.toISOString();
    if (request.into === 'medical_incident') {
      const incident = await this.incidents.create(actor, report.case_id, {
        occurredAt: request.occurredAt ?? occurredAt,
        type: request.type,
        severity: request.severity,
        source: 'family',
        description: request.description ?? reportText(content, report.created_at),
        facility: content.where?.slice(0, 300),
        vitals: readingsInText(content.what, request.occurredAt ?? occurredAt),
        followUpNeeded: true,
      });
      return incident.id;
    }
    if (request.into === 'contact_event') {
      if (!roleCan(actor.role, 'cases:write')) throw new DomainError(403, 'into: only lawyers of the case keep the contact log');
      const parsed = createContactEventRequest.safeParse({
        kind: request.kind,
        status: request.status,
        occurredAt: request.occurredAt ?? occurredAt,
        facility: content.where?.slice(0, 300),
        notes: request.notes ?? reportText(content, report.created_at).slice(0, 4000),
      });
      if (!parsed.success) throw new DomainError(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return (await this.contacts.create(actor, report.case_id, parsed.data)).event.id;
    }
    const file = request.fileId ? (await this.intake.filesOf([report.id])).find((f) => f.id === request.fileId) : undefined;
    if (request.fileId && !file) throw new DomainError(400, 'fileId: not a file of this report');
    const fields = { title: request.title ?? content.what.slice(0, 120), kind: request.kind };
    const document = await this.documents.create(actor, report.case_id, async (tempPath) => {
      if (file) {
        await writeEncrypted(await this.store.get(file.storage_key), new PassThrough(), tempPath);
        return { fields, tempPath, originalName: openFileName(file), mimeType: file.mime_type, sha256: file.sha256, size: Number(file.size) };
      }
      const bytes = Buffer.from(reportText(content, report.created_at), 'utf8');
      await writeEncrypted(Readable.from([bytes]), new PassThrough(), tempPath);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return { fields, tempPath, originalName: 'soobshchenie-rodstvennikov.txt', mimeType: 'text/plain', sha256, size: bytes.length };
    });
    return document.id;
  }

  /** The report if the actor triages its case (lawyers and medical staff of the case, admins); else 404. */
  private async visible(actor: Actor, id: string): Promise<ReportRow> {
    const report = await this.intake.reportById(id);
    if (!report) throw new NotFound('Report');
    await this.access.assertCase(actor, report.case_id, 'intake:triage').catch(() => {
      throw new NotFound('Report');
    });
    return report;
  }
}
