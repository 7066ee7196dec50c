import { createDocumentFields, receiptUploadFields } from '@habeas/contracts';
import type { Page, ReceiptListQuery, ReceiptOption } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound, Unprocessable } from '../common/http/domain-error';
import { DocumentsService, type UploadReader } from './documents.service';
import { ReceiptsRepository } from './receipts.repository';

/**
 * Receipts for expenses, for those who record them (money:write), who may not read the case's documents: they see
 * the names of the case's receipts only, and a receipt they upload is filed among the case's documents, where the
 * case's members find it (never privileged). Docs: docs/decisions/0030-screens-receipts-by-name.md.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly documents: DocumentsService,
    private readonly repository: ReceiptsRepository,
  ) {}

  async list(actor: Actor, caseRef: string, query: ReceiptListQuery): Promise<Page<ReceiptOption>> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:write');
    return this.repository.list(theCase.id, query);
  }

  /** Files the upload as a receipt of the case, named by `title` or else by the file's name. */
  async upload(actor: Actor, caseRef: string, read: UploadReader): Promise<ReceiptOption> {
    const theCase = await this.access.resolve(actor, caseRef, 'money:write');
    const id = await this.documents.file(actor, theCase.id, read, (upload) => {
      const { title } = receiptUploadFields.parse(upload.fields);
      return createDocumentFields.parse({ title: title ?? upload.originalName.slice(0, 300), kind: 'receipt', status: 'filed' });
    });
    const receipt = await this.repository.find(theCase.id, id);
    if (!receipt) throw new NotFound('Receipt');
    return receipt;
  }

  /** The receipt for an expense of the case: 422 unless the document is a receipt of that very case. */
  async receiptOf(caseId: string, documentId: string): Promise<ReceiptOption> {
    const receipt = await this.repository.find(caseId, documentId);
    if (!receipt) {
      throw new Unprocessable('receiptDocumentId: not a receipt of this case; choose one from the list or upload it', { field: 'receiptDocumentId' });
    }
    return receipt;
  }

  titlesOf(caseId: string, ids: string[]): Promise<Map<string, string>> {
    return this.repository.titles(caseId, ids);
  }
}
