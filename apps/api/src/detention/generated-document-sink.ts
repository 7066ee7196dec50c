import type { Actor } from '../common/auth/actor';

export interface GeneratedFile {
  title: string;
  /** Document kind as the documents area knows it, e.g. `complaint`, `motion`. */
  kind: string;
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * Where a generated draft goes: the documents area binds this token (DocumentsDraftSink), so a draft becomes a
 * document of the case (searchable, versioned, audited) without detention importing the documents area.
 */
export interface GeneratedDocumentSink {
  storeGenerated(actor: Actor, caseId: string, file: GeneratedFile): Promise<{ documentId: string; version: number }>;
  /** Where the admin downloads the stored file; null when the sink's own area serves it. */
  downloadUrl?(documentId: string, version: number): string | null;
}

export const GENERATED_DOCUMENT_SINK = 'detention.GENERATED_DOCUMENT_SINK';
