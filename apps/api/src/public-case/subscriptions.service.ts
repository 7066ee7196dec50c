import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SubscribeRequest } from '@habeas/contracts';
import { createHmac } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { sameSecret } from '../common/crypto/tokens';
import { NotFound } from '../common/http/domain-error';
import { addressBucket, PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';
import { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { CaseUpdatesRepository } from './case-updates.repository';
import { PublicCaseRepository } from './public-case.repository';
import { PublicCaseService } from './public-case.service';
import { confirmationMail, hearingMail, updateMail, type MailText } from './subscription-mails';
import { SubscriptionsRepository, type AnnouncementRow } from './subscriptions.repository';

const ANNOUNCE = 'subscriptions.announce';
const HEARINGS = 'subscriptions.hearings';
/** The rate limit of announcements: this many mails per minute per announcement, the rest in the next batch. */
export const MAILS_PER_BATCH = 60;
const SUBSCRIBES_PER_ADDRESS_PER_HOUR = 10;
const ERASE_PREFIX = 'subscriber:';
type Purpose = 'confirm' | 'unsubscribe';

/**
 * E-mail subscriptions to a case's published updates and public hearings: double opt-in, one-click unsubscribe
 * (RFC 8058), mails in the subscriber's language through the outbox in rate-limited batches. Addresses are
 * sealed and found by a keyed blind index; erasing an address removes its subscriptions and every mail to it.
 */
@Injectable()
export class SubscriptionsService implements OnModuleInit {
  private readonly indexKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly cases: PublicCaseRepository,
    private readonly updates: CaseUpdatesRepository,
    private readonly publicCases: PublicCaseService,
    private readonly rates: PublicRateLimitRepository,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.indexKey = createHmac('sha256', config.sessionSecret).update('blind-index:subscriber-email').digest();
  }

  onModuleInit(): void {
    this.jobs.register<{ announcementId: string }>(ANNOUNCE, ({ announcementId }) => this.sendBatch(announcementId), { retryLimit: 5, retryDelay: 30 });
    this.jobs.register(HEARINGS, () => this.announceHearings().then(() => undefined), { cron: '*/10 * * * *' });
    this.mail.addHeaders((eraseKey) => {
      if (!eraseKey?.startsWith(ERASE_PREFIX)) return undefined;
      // RFC 8058: a POST to this URL with "List-Unsubscribe=One-Click" unsubscribes, no cookie or form needed.
      return { 'List-Unsubscribe': `<${this.unsubscribeUrl(eraseKey.slice(ERASE_PREFIX.length))}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    });
  }

  /** Always the same answer, known address or not; at most one confirmation mail per address, case and day. */
  async subscribe(slug: string, request: SubscribeRequest, ip: string): Promise<{ status: 'accepted' }> {
    const view = await this.publicCases.publicCase(slug, request.language);
    await this.rates.enforce(
      [{ bucket: addressBucket(this.config.sessionSecret, 'subscribe-ip', ip), perHour: SUBSCRIBES_PER_ADDRESS_PER_HOUR }],
      'Too many subscriptions from this address; please try again later',
    );
    const caseId = (await this.cases.publicCase(slug))!.id;
    const subscription = await this.subscriptions.upsert(caseId, request.email.trim(), this.emailIndex(request.email), request.language);
    if (!subscription.confirmed) {
      const mail = confirmationMail(request.language, view.title, this.confirmUrl(subscription.id));
      await this.mail.queue({
        to: request.email.trim(),
        ...this.asMail(mail),
        dedupeKey: `subscribe:${subscription.id}:${new Date().toISOString().slice(0, 10)}`,
        eraseKey: `${ERASE_PREFIX}${subscription.id}`,
      });
    }
    return { status: 'accepted' };
  }

  /** The case slug of a valid confirm or unsubscribe token, or 404. */
  async caseOfToken(token: string, purpose: Purpose): Promise<{ id: string; slug: string }> {
    const id = this.idOf(token, purpose);
    const subscription = id ? await this.subscriptions.byId(id) : undefined;
    const slug = subscription && (await this.cases.slugOf(subscription.case_id));
    if (!subscription || !slug) throw new NotFound('Subscription');
    return { id: subscription.id, slug };
  }

  async confirm(token: string): Promise<{ slug: string }> {
    const { id, slug } = await this.caseOfToken(token, 'confirm');
    await this.subscriptions.confirm(id);
    return { slug };
  }

  /** One-click unsubscribe: the subscription and every mail to it are gone; a second click finds nothing and is fine. */
  async unsubscribe(token: string): Promise<void> {
    const id = this.idOf(token, 'unsubscribe');
    if (!id) throw new NotFound('Subscription');
    await this.db.transaction((manager) => this.erase([id], manager));
  }

  /** Erases an address everywhere (every case), like a donor: subscriptions and every mail about them. */
  async eraseAddress(actor: Actor, email: string): Promise<{ erased: number }> {
    const ids = await this.subscriptions.idsByEmail(this.emailIndex(email));
    return this.db.transaction(async (manager) => {
      const erased = await this.erase(ids, manager);
      await this.audit.record(actor, { action: 'subscriber.erased', entityType: 'subscriber', details: { count: erased } }, manager);
      return { erased };
    });
  }

  /** A newly published update goes to the confirmed subscribers of its language, in the caller's transaction. */
  async announceUpdate(update: { caseId: string; id: string; language: 'ru' | 'en' }, manager: EntityManager): Promise<void> {
    const id = await this.subscriptions.announce({ caseId: update.caseId, kind: 'update', refId: update.id, language: update.language }, manager);
    if (id) await this.jobs.send(ANNOUNCE, { announcementId: id }, { singletonKey: `${id}:start` }, manager);
  }

  /** New upcoming hearings of public cases (the 10-minute job); also drops week-old unconfirmed subscriptions. */
  async announceHearings(): Promise<number> {
    const ids = await this.db.transaction(async (manager) => {
      const created = await this.subscriptions.announceNewHearings(manager);
      for (const id of created) await this.jobs.send(ANNOUNCE, { announcementId: id }, { singletonKey: `${id}:start` }, manager);
      return created;
    });
    const stale = await this.subscriptions.staleUnconfirmed();
    if (stale.length) await this.db.transaction((manager) => this.erase(stale, manager));
    return ids.length;
  }

  /** One batch of an announcement; the next batch is scheduled a minute later (the outbox rate limit). */
  async sendBatch(announcementId: string): Promise<void> {
    const announcement = await this.subscriptions.announcement(announcementId);
    if (!announcement || announcement.done_at) return;
    const batch = await this.subscriptions.confirmedBatch(announcement.case_id, announcement.language, announcement.sent_up_to, MAILS_PER_BATCH);
    for (const subscriber of batch) {
      const mail = await this.announcementMail(announcement, subscriber.language, subscriber.id);
      if (!mail) break;
      await this.mail.queue({
        to: subscriber.email,
        ...this.asMail(mail),
        dedupeKey: `announce:${announcement.id}:${subscriber.id}`,
        eraseKey: `${ERASE_PREFIX}${subscriber.id}`,
      });
    }
    const last = batch[batch.length - 1]?.id ?? null;
    const more = batch.length === MAILS_PER_BATCH;
    await this.subscriptions.advance(announcement.id, last, !more);
    if (more) await this.jobs.send(ANNOUNCE, { announcementId }, { startAfter: 60, singletonKey: `${announcementId}:${last}` });
  }

  private async announcementMail(announcement: AnnouncementRow, language: 'ru' | 'en', subscriberId: string): Promise<MailText | undefined> {
    const slug = await this.cases.slugOf(announcement.case_id);
    if (!slug) return undefined;
    const view = await this.publicCases.publicCase(slug, language);
    const page = `${this.config.publicUrl}/support/${slug}?lang=${language}`;
    const unsubscribe = this.unsubscribeUrl(subscriberId);
    if (announcement.kind === 'update') {
      const update = await this.updates.byId(announcement.ref_id);
      return update?.status === 'published' ? updateMail(language, view, update, page, unsubscribe) : undefined;
    }
    const hearing = view.hearings.find((h) => h.id === announcement.ref_id);
    return hearing ? hearingMail(language, view, hearing, page, unsubscribe) : undefined;
  }

  private async erase(ids: string[], manager: EntityManager): Promise<number> {
    await this.mail.eraseAbout(
      ids.map((id) => `${ERASE_PREFIX}${id}`),
      manager,
    );
    return this.subscriptions.delete(ids, manager);
  }

  private asMail(mail: MailText): { subject: string; text: string } {
    return { subject: mail.subject, text: mail.text };
  }

  private emailIndex(email: string): Buffer {
    return createHmac('sha256', this.indexKey).update(email.trim().toLowerCase()).digest();
  }

  private token(id: string, purpose: Purpose): string {
    return `${id}.${createHmac('sha256', this.config.sessionSecret).update(`subscription:${purpose}:${id}`).digest('base64url').slice(0, 32)}`;
  }

  private idOf(token: string, purpose: Purpose): string | undefined {
    const id = token.split('.')[0];
    return /^[0-9a-f-]{36}$/.test(id) && sameSecret(token, this.token(id, purpose)) ? id : undefined;
  }

  /** The links a subscriber's mails carry (the tests and the access matrix reach them this way too). */
  confirmUrlOf(id: string): string {
    return this.confirmUrl(id);
  }

  unsubscribeUrlOf(id: string): string {
    return this.unsubscribeUrl(id);
  }

  private confirmUrl(id: string): string {
    return `${this.config.publicUrl}/support/subscriptions/${this.token(id, 'confirm')}/confirm`;
  }

  private unsubscribeUrl(id: string): string {
    return `${this.config.publicUrl}/support/subscriptions/${this.token(id, 'unsubscribe')}/unsubscribe`;
  }
}
