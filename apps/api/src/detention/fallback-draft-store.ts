import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import type { GeneratedDocumentSink, GeneratedFile } from './generated-document-sink';

/**
 * Fallback GeneratedDocumentSink: keeps generated drafts in `generated_drafts` and serves them from
 * /api/generated-drafts/:id/download. REPLACE by binding GENERATED_DOCUMENT_SINK to the documents area,
 * so drafts become document versions of the case.
 */
@Injectable()
export class FallbackDraftStore implements GeneratedDocumentSink {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async storeGenerated(actor: Actor, caseId: string, file: GeneratedFile): Promise<{ documentId: string; version: number }> {
    const rows: Array<{ id: string; version: number }> = await this.db.query(
      `insert into generated_drafts (case_id, title, kind, file_name, mime_type, bytes, version, created_by)
       values ($1, $2, $3, $4, $5, $6, 1, $7) returning id, version`,
      [caseId, file.title, file.kind, file.fileName, file.mimeType, file.bytes, actor.id],
    );
    return { documentId: rows[0].id, version: rows[0].version };
  }

  downloadUrl(documentId: string): string {
    return `/api/generated-drafts/${documentId}/download`;
  }

  async find(id: string): Promise<{ caseId: string; fileName: string; mimeType: string; bytes: Buffer } | null> {
    const rows = await this.db.query(`select case_id, file_name, mime_type, bytes from generated_drafts where id = $1`, [id]);
    if (!rows[0]) return null;
    return { caseId: rows[0].case_id, fileName: rows[0].file_name, mimeType: rows[0].mime_type, bytes: rows[0].bytes };
  }
}
