import type { DocumentKind, DocumentStatus } from '@habeas/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A legal document of a case; its bytes live in versions. `search` (tsvector) is refreshed by DocumentsService. */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  court: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: DocumentStatus;

  @Column({ type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hearingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  deadlineId: string | null;

  @Column({ type: 'boolean', default: false })
  privileged: boolean;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
