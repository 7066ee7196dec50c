import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../common/crypto/field-cipher';

export type OutboxStatus = 'pending' | 'sent' | 'logged' | 'failed';

/** Every mail the app sends, kept so nothing is lost when SMTP is down or not configured. */
@Entity('mail_outbox')
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', transformer: encrypted }) recipient: string;
  @Column({ type: 'text', transformer: encrypted }) subject: string;
  @Column({ type: 'text', transformer: encrypted }) body: string;
  @Column({ type: 'text' }) status: OutboxStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) dedupeKey: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
