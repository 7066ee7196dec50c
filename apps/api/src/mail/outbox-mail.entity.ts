import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../common/crypto/field-cipher';

export type OutboxStatus = 'pending' | 'sent' | 'logged' | 'failed';

/** Every mail the app sends, kept so nothing is lost when SMTP is down or not configured. */
@Entity('mail_outbox')
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Recipient, subject and body are purged (null) once a delivered mail is older than MAIL_RETENTION_DAYS. */
  @Column({ type: 'text', nullable: true, transformer: encrypted }) recipient: string | null;
  @Column({ type: 'text', nullable: true, transformer: encrypted }) subject: string | null;
  @Column({ type: 'text', nullable: true, transformer: encrypted }) body: string | null;
  @Column({ type: 'text' }) status: OutboxStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) dedupeKey: string | null;
  /** Whom the mail is about (`donor:<id>`): erased with them. */
  @Column({ type: 'text', nullable: true }) eraseKey: string | null;
  @Column({ type: 'timestamptz', nullable: true }) purgedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
