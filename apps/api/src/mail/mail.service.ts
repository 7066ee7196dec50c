import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { OutboxMailEntity } from './outbox-mail.entity';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Same key twice → one mail (e.g. `reminder:<deadline>:3d`); makes retries and two instances safe. */
  dedupeKey?: string;
}

const DELIVER = 'mail.deliver';

/**
 * Outgoing mail through an outbox: `queue()` stores the mail (in the caller's transaction when given)
 * and a pg-boss job delivers it by SMTP, retrying; without SMTP_URL the mail is marked `logged` and
 * only its recipient and subject go to the log (bodies may carry sensitive facts).
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) this.transport = createTransport(this.config.smtpUrl);
    this.jobs.register<{ id: string }>(DELIVER, ({ id }) => this.deliver(id), { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  }

  /** Stores the mail and schedules its delivery; returns the outbox id, or null if `dedupeKey` was already used. */
  async queue(mail: Mail, manager?: EntityManager): Promise<string | null> {
    const repository = manager ? manager.getRepository(OutboxMailEntity) : this.outbox;
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values({ recipient: mail.to, subject: mail.subject, body: mail.text, status: 'pending', attempts: 0, dedupeKey: mail.dedupeKey ?? null })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    if (!id) return null;
    await this.jobs.send(DELIVER, { id }, { singletonKey: id }, manager);
    return id;
  }

  private async deliver(id: string): Promise<void> {
    const mail = await this.outbox.findOneBy({ id });
    if (!mail || mail.status === 'sent' || mail.status === 'logged') return;
    await this.outbox.update({ id }, { attempts: mail.attempts + 1 });
    if (!this.transport) {
      this.logger.log({ mailId: id, subject: mail.subject }, 'mail not sent (no SMTP_URL); kept in the outbox');
      await this.outbox.update({ id }, { status: 'logged' });
      return;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.recipient, subject: mail.subject, text: mail.body });
      await this.outbox.update({ id }, { status: 'sent', sentAt: new Date(), lastError: null });
    } catch (error) {
      await this.outbox.update({ id }, { status: 'failed', lastError: (error as Error).message.slice(0, 500) });
      throw error; // pg-boss retries with backoff
    }
  }
}
