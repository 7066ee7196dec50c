import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';

export type OutboxStatus = 'pending' | 'sent' | 'logged' | 'failed';

/** Every mail the app sends, kept so nothing is lost when SMTP is down or not configured. */
@Entity('mail_outbox')
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /**
   * Recipient, subject and body are sealed values bound to this row (sealOutboxMail / openOutboxMail), purged (null)
   * once a delivered mail is older than MAIL_RETENTION_DAYS.
   */
  @Column({ type: 'text', nullable: true }) recipient: string | null;
  @Column({ type: 'text', nullable: true }) subject: string | null;
  @Column({ type: 'text', nullable: true }) body: string | null;
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

type MailFields = Pick<OutboxMailEntity, 'recipient' | 'subject' | 'body'>;
const at = (column: string, row: string): SealedAt => ({ table: 'mail_outbox', column, row });

export function sealOutboxMail(id: string, mail: MailFields): MailFields {
  return {
    recipient: sealText(mail.recipient, at('recipient', id)),
    subject: sealText(mail.subject, at('subject', id)),
    body: sealText(mail.body, at('body', id)),
  };
}

/** The mail with its recipient, subject and body opened. */
export function openOutboxMail(mail: OutboxMailEntity): OutboxMailEntity {
  return {
    ...mail,
    recipient: openText(mail.recipient, at('recipient', mail.id)),
    subject: openText(mail.subject, at('subject', mail.id)),
    body: openText(mail.body, at('body', mail.id)),
  };
}
