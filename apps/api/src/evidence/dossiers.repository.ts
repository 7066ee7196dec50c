import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Dossier, DossierLanguage, DossierStatus } from '@habeas/contracts';

export interface DossierRow {
  id: string;
  case_id: string;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_from_ip: string | null;
  language: DossierLanguage;
  range_from: string | null;
  range_to: string | null;
  include_documents: 'all' | string[];
  status: DossierStatus;
  progress: number;
  error: string | null;
  storage_key: string | null;
  sha256: string | null;
  size: string | null;
  audit_head: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface NewDossier {
  caseId: string;
  requestedBy: string;
  ip: string | null;
  language: DossierLanguage;
  from: string | null;
  to: string | null;
  includeDocuments: 'all' | string[];
}

const COLUMNS = `d.id, d.case_id, d.requested_by, u.name as requested_by_name, d.requested_from_ip, d.language,
  to_char(d.range_from, 'YYYY-MM-DD') as range_from, to_char(d.range_to, 'YYYY-MM-DD') as range_to, d.include_documents,
  d.status, d.progress, d.error, d.storage_key, d.sha256, d.size, d.audit_head, d.created_at, d.finished_at`;

/** The dossiers table: requests, their progress, and where the finished archive is stored. */
@Injectable()
export class DossiersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(dossier: NewDossier): Promise<string> {
    const [row] = await this.db.query(
      `insert into dossiers (case_id, requested_by, requested_from_ip, language, range_from, range_to, include_documents)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [dossier.caseId, dossier.requestedBy, dossier.ip, dossier.language, dossier.from, dossier.to, JSON.stringify(dossier.includeDocuments)],
    );
    return row.id;
  }

  async byId(id: string): Promise<DossierRow | undefined> {
    const [row] = await this.db.query(`select ${COLUMNS} from dossiers d left join users u on u.id = d.requested_by where d.id = $1`, [id]);
    return row;
  }

  async listForCase(caseId: string, limit: number): Promise<DossierRow[]> {
    return this.db.query(
      `select ${COLUMNS} from dossiers d left join users u on u.id = d.requested_by where d.case_id = $1 order by d.created_at desc, d.id desc limit $2`,
      [caseId, limit],
    );
  }

  /** Moves a queued (or, on a retry, running) dossier to running; false when it is already finished. */
  async start(id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown, number] = await this.db.query(
      `update dossiers set status = 'running', progress = 0, error = null where id = $1 and status in ('queued', 'running')`,
      [id],
    );
    return affected > 0;
  }

  async progress(id: string, percent: number): Promise<void> {
    await this.db.query(`update dossiers set progress = $2 where id = $1 and status = 'running'`, [id, Math.max(0, Math.min(99, Math.round(percent)))]);
  }

  async finish(id: string, file: { key: string; sha256: string; size: number }, auditHead: string): Promise<void> {
    await this.db.query(
      `update dossiers set status = 'done', progress = 100, storage_key = $2, sha256 = $3, size = $4, audit_head = $5, finished_at = now() where id = $1`,
      [id, file.key, file.sha256, file.size, auditHead],
    );
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.db.query(`update dossiers set status = 'failed', error = $2, finished_at = now() where id = $1`, [id, reason.slice(0, 500)]);
  }
}

export function toDossier(row: DossierRow): Dossier {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    progress: row.progress,
    language: row.language,
    from: row.range_from,
    to: row.range_to,
    requestedBy: row.requested_by ? { id: row.requested_by, name: row.requested_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    sha256: row.sha256,
    size: row.size === null ? null : Number(row.size),
    auditHead: row.audit_head,
    error: row.error,
  };
}
