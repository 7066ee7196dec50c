import type { TextIssue, TextStatus } from '@habeas/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded file of a document: immutable bytes identified by their SHA-256 (chain of custody). */
@Entity({ name: 'document_versions' })
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  originalName: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  mimeType: string;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;

  @Column({ type: 'text', default: 'pending' })
  textStatus: TextStatus;

  @Column({ type: 'text', nullable: true })
  textIssue: TextIssue | null;

  @Column({ type: 'text', nullable: true, select: false })
  extractedText: string | null;
}
