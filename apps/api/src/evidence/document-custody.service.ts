import { Injectable } from '@nestjs/common';
import type { CustodyEntry } from '@habeas/contracts';
import { AuditQueryService } from '../audit/audit-query.service';
import type { Actor } from '../common/auth/actor';
import { DocumentsService } from '../documents/documents.service';
import { UsersService } from '../users/users.service';

/** Each version of a document: who stored it, when, from which address, and its SHA-256 (from the audit log). */
@Injectable()
export class DocumentCustodyService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly auditLog: AuditQueryService,
    private readonly users: UsersService,
  ) {}

  async of(actor: Actor, documentId: string): Promise<CustodyEntry[]> {
    const document = await this.documents.get(actor, documentId);
    const uploads = await this.auditLog.uploadsOf(document.id);
    const entries: CustodyEntry[] = [];
    for (const version of [...document.versions].sort((a, b) => a.number - b.number)) {
      const upload = uploads.find((entry) => entry.version === version.number && entry.sha256 === version.sha256);
      const uploader = await this.users.findById(version.uploadedBy);
      entries.push({
        version: version.number,
        sha256: version.sha256,
        size: version.size,
        fileName: version.originalName,
        uploadedAt: version.uploadedAt,
        uploadedBy: uploader ? { id: uploader.id, name: uploader.name } : null,
        ip: upload?.ip ?? null,
      });
    }
    return entries;
  }
}
