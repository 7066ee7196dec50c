import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { openOutboxMail, sealOutboxMail } from './outbox-mail.entity';
import { OutboxRepository } from './outbox.repository';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Same key twice → one mail (e.g. `reminder:<deadline>:3d`); makes retries and two instances safe. */
  dedupeKey?: string;
  /** Whom the mail is about, e.g. `donor:<id>`: erasing that person deletes the mail (see `eraseAbout`). */
  eraseKey?: string;
}

const DELIVER = 'mail.deliver';
const PURGE = 'mail.purge-delivered';

/**
 * Outgoing mail through an outbox: `queue()` stores the mail (in the caller's transaction when given)
 * and a pg-boss job delivers it by SMTP, retrying; without SMTP_URL the mail is marked `logged` and
 * only its recipient and subject go to the log (bodies may carry sensitive facts).
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;
  private readonly headerSources: Array<(eraseKey: string | null) => Record<string, string> | undefined> = [];

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) this.transport = createTransport(this.config.smtpUrl);
    this.jobs.register<{ id: string }>(DELIVER, ({ id }) => this.deliver(id), { retryLimit: 5, retryDelay: 30, retryBackoff: true });
    this.jobs.register(PURGE, () => this.purgeDelivered().then(() => undefined), { cron: '23 * * * *' });
  }

  /**
   * Lets an area add headers to its own mails at delivery, derived from the mail's `eraseKey` (e.g. List-Unsubscribe
   * for `subscriber:<id>`), so nothing more about the recipient is stored with the mail.
   */
  addHeaders(source: (eraseKey: string | null) => Record<string, string> | undefined): void {
    this.headerSources.push(source);
  }

  /** Stores the mail and schedules its delivery; returns the outbox id, or null if `dedupeKey` was already used. */
  async queue(mail: Mail, manager?: EntityManager): Promise<string | null> {
    const id = randomUUID();
    const stored = await this.outbox.insert(
      {
        id,
        ...sealOutboxMail(id, { recipient: mail.to, subject: mail.subject, body: mail.text }),
        status: 'pending',
        attempts: 0,
        dedupeKey: mail.dedupeKey ?? null,
        eraseKey: mail.eraseKey ?? null,
      },
      manager,
    );
    if (!stored) return null;
    await this.jobs.send(DELIVER, { id }, { singletonKey: id }, manager);
    return id;
  }

  /**
   * Deletes every mail about the given people (their `eraseKey`s), sent or not, in the caller's
   * transaction; `{ prefix: 'donor:' }` erases all mails about anyone of that kind. A delivery job
   * that finds its mail gone does nothing. The dedupe key goes too, so nothing about them remains.
   */
  eraseAbout(who: string[] | { prefix: string }, manager: EntityManager): Promise<number> {
    return this.outbox.deleteAbout(who, manager);
  }

  /** Delivered mails older than the retention period keep only their status and dates (the hourly job). */
  purgeDelivered(): Promise<number> {
    return this.outbox.purgeDelivered(this.config.mailRetentionDays);
  }

  private async deliver(id: string): Promise<void> {
    const stored = await this.outbox.byId(id);
    const mail = stored && openOutboxMail(stored);
    if (!mail || mail.status === 'sent' || mail.status === 'logged' || !mail.recipient) return;
    await this.outbox.update(id, { attempts: mail.attempts + 1 });
    if (!this.transport) {
      this.logger.log({ mailId: id }, 'mail not sent (no SMTP_URL); kept in the outbox');
      await this.outbox.update(id, { status: 'logged' });
      return;
    }
    try {
      const headers = Object.assign({}, ...this.headerSources.map((source) => source(mail.eraseKey) ?? {}));
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.recipient, subject: mail.subject ?? '', text: mail.body ?? '', headers });
      await this.outbox.update(id, { status: 'sent', sentAt: new Date(), lastError: null });
    } catch (error) {
      await this.outbox.update(id, { status: 'failed', lastError: (error as Error).message.slice(0, 500) });
      throw error; // pg-boss retries with backoff
    }
  }
}
