import { Injectable } from '@nestjs/common';
import {
  solidarityFields,
  type Page,
  type PublicSolidarityPost,
  type SolidarityListQuery,
  type SolidarityPost,
  type SolidarityStatus,
} from '@habeas/contracts';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { addressBucket, PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';
import { AppConfig } from '../config/app-config';
import { FileStore } from '../documents/file-store';
import { cleanPhoto } from './photo-cleaner';
import { openMessage, SolidarityRepository, type SolidarityRow } from './solidarity.repository';

const POSTS_PER_ADDRESS_PER_HOUR = 5;

/**
 * Anonymous solidarity on the public page: anyone posts a message and maybe a photo (re-encoded without any
 * metadata); members of the case approve or reject; only approved posts are shown. Nothing about the sender is
 * kept — no address, no device, no time of day — and nothing ties a post to a donation or a subscription.
 */
@Injectable()
export class SolidarityService {
  constructor(
    private readonly posts: SolidarityRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly store: FileStore,
    private readonly rates: PublicRateLimitRepository,
    private readonly config: AppConfig,
  ) {}

  async post(slug: string, ip: string, input: { fields: Record<string, string>; photo: Buffer | null }): Promise<{ status: 'pending' }> {
    const caseId = await this.posts.publicCaseId(slug);
    if (!caseId) throw new NotFound('Case');
    await this.rates.enforce(
      [{ bucket: addressBucket(this.config.sessionSecret, 'solidarity-ip', ip), perHour: POSTS_PER_ADDRESS_PER_HOUR }],
      'Too many posts in a short time; please try again later',
    );
    const parsed = solidarityFields.safeParse(input.fields);
    if (!parsed.success) throw new DomainError(400, `message: ${parsed.error.issues[0].message}`);
    const photo = input.photo ? await cleanPhoto(input.photo) : null;
    const stored = photo ? await this.store.put(Readable.from([photo])) : null;
    await this.posts.insert({ id: randomUUID(), caseId, message: parsed.data.message, photoKey: stored?.key ?? null });
    return { status: 'pending' };
  }

  async list(actor: Actor, caseRef: string, query: SolidarityListQuery): Promise<Page<SolidarityPost>> {
    const theCase = await this.access.resolve(actor, caseRef, 'solidarity:moderate');
    const rows = await this.posts.page(theCase.id, query.status, query.limit, decodeCursor(query.cursor));
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.posted_on, id: row.id }),
      (row) => ({
        id: row.id,
        caseId: row.case_id,
        message: openMessage(row),
        photoUrl: row.photo_key ? `/api/solidarity/${row.id}/photo` : null,
        status: row.status,
        on: row.posted_on,
      }),
    );
  }

  async moderate(actor: Actor, id: string, status: 'approved' | 'rejected'): Promise<{ status: SolidarityStatus }> {
    const post = await this.visible(actor, id);
    if (!(await this.posts.moderate(post.id, status, actor.id))) throw new Conflict(`The post is already ${status}`);
    await this.audit.record(actor, { action: `solidarity_post.${status === 'approved' ? 'approve' : 'reject'}`, entityType: 'solidarity_post', entityId: id });
    return { status };
  }

  /** Approved posts for the public case (newest first). */
  async approved(caseId: string, limit = 30): Promise<PublicSolidarityPost[]> {
    const rows = await this.posts.page(caseId, 'approved', limit);
    return rows.slice(0, limit).map((row) => ({
      id: row.id,
      message: openMessage(row),
      ...(row.photo_key ? { photoUrl: `/api/public/solidarity/${row.id}/photo` } : {}),
      at: row.posted_on,
    }));
  }

  /** The cleaned photo: publicly once approved; to the members of the case while it waits for them. */
  async photo(id: string, actor?: Actor): Promise<Readable> {
    const post = actor ? await this.visible(actor, id) : await this.posts.byId(id);
    if (!post || !post.photo_key || (!actor && post.status !== 'approved')) throw new NotFound('Photo');
    return this.store.get(post.photo_key);
  }

  private async visible(actor: Actor, id: string): Promise<SolidarityRow> {
    const post = await this.posts.byId(id);
    if (!post) throw new NotFound('Post');
    await this.access.assertCase(actor, post.case_id, 'solidarity:moderate').catch(() => {
      throw new NotFound('Post');
    });
    return post;
  }
}
