import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Actor } from '../common/auth/actor';
import { DocumentsService } from '../documents/documents.service';
import type { GeneratedDocumentSink, GeneratedFile } from './generated-document-sink';

/** Document kinds of the documents area; a generated "application" is filed as a petition. */
const kindOf: Record<string, string> = { complaint: 'complaint', motion: 'motion', application: 'petition' };

/** Generated drafts become documents of the case: versioned, searchable and audited like any upload. */
@Injectable()
export class DocumentsDraftSink implements GeneratedDocumentSink {
  constructor(private readonly documents: DocumentsService) {}

  async storeGenerated(actor: Actor, caseId: string, file: GeneratedFile): Promise<{ documentId: string; version: number }> {
    const created = await this.documents.create(actor, caseId, async (tempPath) => {
      await writeFile(tempPath, file.bytes, { mode: 0o600 });
      return {
        fields: { title: file.title, kind: kindOf[file.kind] ?? 'other', status: 'draft' },
        tempPath,
        originalName: file.fileName,
        mimeType: file.mimeType,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        size: file.bytes.length,
      };
    });
    return { documentId: created.id, version: 1 };
  }

  downloadUrl(documentId: string, version: number): string {
    return `/api/documents/${documentId}/download?version=${version}`;
  }
}
