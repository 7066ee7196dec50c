import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntakeLink, IntakeReport, IntakeStatus } from '@habeas/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { openField, sealField } from '../common/crypto/field-cipher';
import type { KeysetCursor } from '../common/pagination';
import { cursorKey } from '../common/pagination';

type Db = Pick<EntityManager, 'query'>;

/** What a relative wrote; sealed as one value in intake_reports.content. */
export interface ReportContent {
  what: string;
  when?: string;
  where?: string;
  howKnown?: string;
  contactBack?: string;
}

export interface LinkRow {
  id: string;
  case_id: string;
  label: string | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  created_by_name: string | null;
  report_count: number;
}

export interface ReportRow {
  id: string;
  case_id: string;
  link_id: string | null;
  link_label: string | null;
  content: string;
  language: 'ru' | 'en';
  emergency: boolean;
  alert_id: string | null;
  status: IntakeStatus;
  conversions: IntakeReport['conversions'];
  created_at: Date;
  created_key: string;
}

export interface FileRow {
  id: string;
  report_id: string;
  storage_key: string;
  name: string;
  mime_type: string;
  size: string;
  sha256: string;
}

export interface NewIntakeFile {
  storageKey: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const place = (table: string, column: string, row: string) => ({ table, column, row });
const REPORT_COLUMNS = `r.id, r.case_id, r.link_id, l.label as link_label, r.content, r.language, r.emergency, r.alert_id, r.status, r.conversions,
  r.created_at, ${cursorKey('r.created_at')} as created_key`;

/** Every query of family intake: links, reports, their files, and the short-lived rate-limit hits. */
@Injectable()
export class IntakeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertLink(link: { id: string; caseId: string; tokenHash: Buffer; label: string; expiresAt: Date | null; createdBy: string }, m: Db): Promise<void> {
    await m.query(`insert into intake_links (id, case_id, token_hash, label, expires_at, created_by) values ($1, $2, $3, $4, $5, $6)`, [
      link.id,
      link.caseId,
      link.tokenHash,
      link.label ? sealField(link.label, place('intake_links', 'label', link.id)) : null,
      link.expiresAt,
      link.createdBy,
    ]);
  }

  async links(caseId: string): Promise<LinkRow[]> {
    return this.db.query(
      `select l.id, l.case_id, l.label, l.expires_at, l.revoked_at, l.created_at, u.name as created_by_name,
              (select count(*)::int from intake_reports r where r.link_id = l.id) as report_count
         from intake_links l left join users u on u.id = l.created_by
        where l.case_id = $1 order by l.created_at desc limit 200`,
      [caseId],
    );
  }

  async linkById(id: string): Promise<{ id: string; case_id: string; revoked_at: Date | null } | undefined> {
    const [row] = await this.db.query(`select id, case_id, revoked_at from intake_links where id = $1`, [id]);
    return row;
  }

  /** The live link of a token hash: not revoked, not expired, its case still there. */
  async liveLink(tokenHash: Buffer): Promise<{ id: string; case_id: string } | undefined> {
    const [row] = await this.db.query(
      `select id, case_id from intake_links where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())`,
      [tokenHash],
    );
    return row;
  }

  async revoke(id: string, m: Db): Promise<boolean> {
    const [, affected]: [unknown, number] = await m.query(
      `update intake_links set revoked_at = now(), updated_at = now() where id = $1 and revoked_at is null`,
      [id],
    );
    return affected > 0;
  }

  async insertReport(
    report: { id: string; caseId: string; linkId: string; receiptHash: Buffer; content: ReportContent; language: string; emergency: boolean },
    m: Db,
  ): Promise<void> {
    await m.query(`insert into intake_reports (id, case_id, link_id, receipt_hash, content, language, emergency) values ($1, $2, $3, $4, $5, $6, $7)`, [
      report.id,
      report.caseId,
      report.linkId,
      report.receiptHash,
      sealField(report.content, place('intake_reports', 'content', report.id)),
      report.language,
      report.emergency,
    ]);
  }

  async insertFile(reportId: string, file: NewIntakeFile & { id: string }, m: Db): Promise<void> {
    await m.query(`insert into intake_files (id, report_id, storage_key, name, mime_type, size, sha256) values ($1, $2, $3, $4, $5, $6, $7)`, [
      file.id,
      reportId,
      file.storageKey,
      sealField(file.name, place('intake_files', 'name', file.id)),
      file.mimeType,
      file.size,
      file.sha256,
    ]);
  }

  async setAlert(reportId: string, alertId: string): Promise<void> {
    await this.db.query(`update intake_reports set alert_id = $2, updated_at = now() where id = $1`, [reportId, alertId]);
  }

  /** Only the status: the sender's receipt never reads the content. */
  async statusOf(linkId: string, receiptHash: Buffer): Promise<IntakeStatus | undefined> {
    const [row] = await this.db.query(`select status from intake_reports where link_id = $1 and receipt_hash = $2`, [linkId, receiptHash]);
    return row?.status;
  }

  async reportPage(caseId: string, status: IntakeStatus | undefined, limit: number, after?: KeysetCursor): Promise<ReportRow[]> {
    const params: unknown[] = [caseId];
    const where = ['r.case_id = $1'];
    if (status) {
      params.push(status);
      where.push(`r.status = $${params.length}`);
    }
    if (after) {
      params.push(after.key, after.id);
      where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return this.db.query(
      `select ${REPORT_COLUMNS} from intake_reports r left join intake_links l on l.id = r.link_id
        where ${where.join(' and ')} order by r.created_at desc, r.id desc limit $${params.length}`,
      params,
    );
  }

  async reportById(id: string, m: Db = this.db): Promise<ReportRow | undefined> {
    const [row] = await m.query(`select ${REPORT_COLUMNS} from intake_reports r left join intake_links l on l.id = r.link_id where r.id = $1`, [id]);
    return row;
  }

  async filesOf(reportIds: string[]): Promise<FileRow[]> {
    if (reportIds.length === 0) return [];
    return this.db.query(
      `select id, report_id, storage_key, name, mime_type, size, sha256 from intake_files where report_id = any($1) order by created_at, id`,
      [reportIds],
    );
  }

  /** A report read by the team is at least "seen". */
  async markSeen(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(`update intake_reports set status = 'seen', seen_at = now(), updated_at = now() where id = any($1) and status = 'received'`, [ids]);
  }

  async addConversion(id: string, conversion: IntakeReport['conversions'][number], m: Db): Promise<void> {
    await m.query(`update intake_reports set status = 'acted_on', conversions = conversions || $2::jsonb, updated_at = now() where id = $1`, [
      id,
      JSON.stringify([conversion]),
    ]);
  }
}

export function openReportContent(row: Pick<ReportRow, 'id' | 'content'>): ReportContent {
  return openField<ReportContent>(row.content, place('intake_reports', 'content', row.id));
}

export function openFileName(row: Pick<FileRow, 'id' | 'name'>): string {
  return openField<string>(row.name, place('intake_files', 'name', row.id));
}

export function toIntakeLink(row: LinkRow): IntakeLink {
  return {
    id: row.id,
    caseId: row.case_id,
    label: row.label ? openField<string>(row.label, place('intake_links', 'label', row.id)) : '',
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    reportCount: row.report_count,
  };
}

export function toIntakeReport(row: ReportRow, files: FileRow[]): IntakeReport {
  const content = openReportContent(row);
  return {
    id: row.id,
    caseId: row.case_id,
    receivedAt: row.created_at.toISOString(),
    status: row.status,
    emergency: row.emergency,
    alertId: row.alert_id,
    linkLabel: row.link_label ? openField<string>(row.link_label, place('intake_links', 'label', row.link_id!)) : null,
    language: row.language,
    what: content.what,
    when: content.when ?? null,
    where: content.where ?? null,
    howKnown: content.howKnown ?? null,
    contactBack: content.contactBack ?? null,
    files: files.filter((f) => f.report_id === row.id).map((f) => ({ id: f.id, name: openFileName(f), mimeType: f.mime_type, size: Number(f.size) })),
    conversions: row.conversions,
  };
}
