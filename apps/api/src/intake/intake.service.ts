import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { intakeSubmission, type CreateIntakeLinkRequest, type IntakeLink, type IntakeLinkCreated, type IntakeStatus } from '@habeas/contracts';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { newToken, tokenHash } from '../common/crypto/tokens';
import { DomainError, NotFound } from '../common/http/domain-error';
import { addressBucket, PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';
import { AppConfig } from '../config/app-config';
import { FileStore } from '../documents/file-store';
import type { ReceivedUploads } from '../documents/upload-receiver';
import { MedicalAlertsService } from '../medical/medical-alerts.service';
import { assessReport } from './emergency-rules';
import { IntakeRepository, toIntakeLink, type NewIntakeFile } from './intake.repository';
import { newReceiptCode, normaliseReceipt } from './receipt-code';

/** A relative's submission as it arrives: a JSON body, or the fields and files of a multipart form. */
export type IntakeInput = { kind: 'json'; body: unknown } | { kind: 'form'; read: () => Promise<ReceivedUploads> };

export const INTAKE_MAX_FILES = 5;
/** Per link and per address, per hour: enough for a family, too little to flood the inbox. */
const PER_LINK_PER_HOUR = 20;
const PER_ADDRESS_PER_HOUR = 30;

/**
 * Family intake, the relatives' side and the links: a lawyer makes a link (only its HMAC is kept), a relative
 * sends a report through it without an account and gets a receipt code that later shows the status only.
 * Reports that describe a health emergency open a medical alert at once. The sender's address is never stored.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly intake: IntakeRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly alerts: MedicalAlertsService,
    private readonly store: FileStore,
    private readonly rates: PublicRateLimitRepository,
    private readonly config: AppConfig,
  ) {}

  async createLink(actor: Actor, caseRef: string, request: CreateIntakeLinkRequest): Promise<IntakeLinkCreated> {
    const theCase = await this.access.resolve(actor, caseRef, 'intake:links');
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new DomainError(400, 'expiresAt: must be in the future');
    const token = newToken();
    const id = randomUUID();
    await this.db.transaction(async (manager) => {
      await this.intake.insertLink({ id, caseId: theCase.id, tokenHash: this.hash(token), label: request.label, expiresAt, createdBy: actor.id }, manager);
      await this.audit.record(actor, { action: 'intake_link.create', entityType: 'intake_link', entityId: id, details: { caseId: theCase.id } }, manager);
    });
    return { id, url: `${this.config.publicUrl}/intake/${token}` };
  }

  async links(actor: Actor, caseRef: string): Promise<IntakeLink[]> {
    const theCase = await this.access.resolve(actor, caseRef, 'intake:links');
    return (await this.intake.links(theCase.id)).map(toIntakeLink);
  }

  /** Revokes a link: from now on it answers 404. A link of a case the actor may not see is 404 too. */
  async revokeLink(actor: Actor, id: string): Promise<void> {
    const link = await this.intake.linkById(id);
    if (!link) throw new NotFound('Intake link');
    await this.access.assertCase(actor, link.case_id, 'intake:links').catch(() => {
      throw new NotFound('Intake link');
    });
    await this.db.transaction(async (manager) => {
      if (!(await this.intake.revoke(id, manager))) throw new NotFound('Intake link');
      await this.audit.record(actor, { action: 'intake_link.revoke', entityType: 'intake_link', entityId: id, details: { caseId: link.case_id } }, manager);
    });
  }

  /** The live link of a token, or 404 (unknown, revoked and expired look the same). */
  async linkOf(token: string): Promise<{ id: string; case_id: string }> {
    const link = token.length >= 20 && token.length <= 100 ? await this.intake.liveLink(this.hash(token)) : undefined;
    if (!link) throw new NotFound('Intake link');
    return link;
  }

  /** Stores a relative's report (content sealed, files in the encrypted file store) and answers its receipt code. */
  async submit(token: string, ip: string, input: IntakeInput): Promise<{ receipt: string; emergency: boolean }> {
    const link = await this.linkOf(token);
    await this.throttle(link.id, ip);
    const { body, files } = input.kind === 'json' ? { body: input.body, files: [] } : await this.readForm(input.read);
    try {
      const parsed = intakeSubmission.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DomainError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`, { issues: parsed.error.issues });
      }
      const { language, ...content } = parsed.data;
      const stored: NewIntakeFile[] = [];
      for (const file of files) {
        const kept = await this.store.adopt(file.tempPath, file.sha256, file.size);
        stored.push({ storageKey: kept.key, name: file.originalName, mimeType: file.mimeType, size: file.size, sha256: file.sha256 });
      }
      const receipt = newReceiptCode();
      const id = randomUUID();
      const assessment = assessReport([content.what, content.where, content.howKnown].filter(Boolean).join('\n'), new Date().toISOString());
      await this.db.transaction(async (manager) => {
        await this.intake.insertReport(
          { id, caseId: link.case_id, linkId: link.id, receiptHash: this.hash(receipt), content, language, emergency: assessment.emergency },
          manager,
        );
        for (const file of stored) await this.intake.insertFile(id, { ...file, id: randomUUID() }, manager);
      });
      if (assessment.emergency && assessment.severity) await this.openAlert(link.case_id, id, assessment.severity);
      return { receipt, emergency: assessment.emergency };
    } finally {
      await Promise.all(files.map((file) => rm(file.tempPath, { force: true })));
    }
  }

  /** The status of a report, and nothing else, for whoever holds both the link and the receipt. */
  async status(token: string, receipt: string): Promise<{ status: IntakeStatus }> {
    const link = await this.linkOf(token);
    const code = normaliseReceipt(receipt);
    const status = code ? await this.intake.statusOf(link.id, this.hash(code)) : undefined;
    if (!status) throw new NotFound('Report');
    return { status };
  }

  private async openAlert(caseId: string, reportId: string, severity: 'low' | 'moderate' | 'high' | 'critical'): Promise<void> {
    // Nobody is signed in: the audit entry has no actor and, by design, no address.
    const alert = await this.alerts.openAlert({ actorId: null, ip: null }, { caseId, kind: 'family_report', severity, reason: 'family_report' });
    if (alert) await this.intake.setAlert(reportId, alert.id);
    else this.logger.log({ reportId }, 'family emergency joined the unresolved family alert of the case');
  }

  private async readForm(read: () => Promise<ReceivedUploads>): Promise<{ body: Record<string, string>; files: ReceivedUploads['files'] }> {
    const { fields, files } = await read();
    return { body: fields, files };
  }

  /** Per link and per address (as a keyed hash that is never stored with the report), both per hour. */
  private async throttle(linkId: string, ip: string): Promise<void> {
    await this.rates.enforce(
      [
        { bucket: `intake-link:${linkId}`, perHour: PER_LINK_PER_HOUR },
        { bucket: addressBucket(this.config.sessionSecret, 'intake-ip', ip), perHour: PER_ADDRESS_PER_HOUR },
      ],
      'Too many reports in a short time; please wait an hour or call the lawyer',
    );
  }

  private hash(secret: string): Buffer {
    return tokenHash(this.config.sessionSecret, secret);
  }
}
