import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { FallbackDraftStore } from './fallback-draft-store';

/** Serves drafts kept by the fallback store, to members of their case only, and audits each download. */
@Injectable()
export class GeneratedDraftsService {
  constructor(
    private readonly store: FallbackDraftStore,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async download(actor: Actor, id: string): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
    const file = await this.store.find(id);
    if (!file) throw new NotFound('Draft');
    try {
      await this.access.assertCase(actor, file.caseId, 'cases:read');
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound('Draft');
      throw error;
    }
    await this.audit.record(actor, { action: 'generated_draft.download', entityType: 'legal_action', entityId: id, details: { caseId: file.caseId } });
    return file;
  }
}
