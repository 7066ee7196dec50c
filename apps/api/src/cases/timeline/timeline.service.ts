import type { Page, TimelineItem, TimelineQuery } from '@habeas/contracts';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { decodeCursor, toPage } from '../../common/pagination';
import { VersionedCache } from '../../common/versioned-cache';
import { CaseAccess } from '../case-access.service';
import { eventText, readerLanguage, type ReaderLanguage } from '../../common/i18n/server-texts';
import { CaseVersions } from '../case-versions.repository';
import { tablesReadBy } from './timeline-tables';
import type { TimelineReader } from './timeline-source';
import { TimelineRegistry } from './timeline.registry';
import { TimelineRepository, type TimelineRow } from './timeline.repository';

/** An item with its title told in the reader's language from its event and parameters. */
function toItem(row: Omit<TimelineRow, 'at_key'>, language: ReaderLanguage): TimelineItem {
  const params = row.params ?? {};
  return { type: row.type, at: row.at.toISOString(), title: eventText(language, row.event, params), event: row.event, params, ref: row.ref };
}

/**
 * One chronological stream (oldest first) over every registered source, keyset-paged by (at, type, ref).
 * Pages are kept while their case's version stands (docs/decisions/0023-case-versions-for-timeline-and-dashboard.md).
 */
@Injectable()
export class TimelineService implements OnApplicationBootstrap {
  private readonly logger = new Logger('TimelineService');
  private readonly pages = new VersionedCache<Page<TimelineItem>>(2000);
  private cacheable = false;

  constructor(
    private readonly repository: TimelineRepository,
    private readonly access: CaseAccess,
    private readonly registry: TimelineRegistry,
    private readonly versions: CaseVersions,
  ) {}

  /** Caches only when every table a source reads raises the case version; otherwise every read is live. */
  async onApplicationBootstrap(): Promise<void> {
    const tables = [...new Set(this.registry.all().flatMap((source) => tablesReadBy(source.sql({ role: 'admin', privileged: true }))))];
    const unversioned = await this.versions.unversioned(tables);
    this.cacheable = unversioned.length === 0;
    if (!this.cacheable) this.logger.warn(`timeline and dashboard read live: no case_versions trigger on ${unversioned.join(', ')}`);
  }

  /** True when timeline reads may be cached by case version (the dashboard follows the same rule). */
  get versioned(): boolean {
    return this.cacheable;
  }

  async list(actor: Actor, caseIdOrSlug: string, query: TimelineQuery): Promise<Page<TimelineItem>> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'cases:read');
    const reader = { role: actor.role, privileged: roleCan(actor.role, 'documents:privileged') };
    const language = readerLanguage(actor.language);
    if (!this.cacheable) return this.page(theCase.id, reader, language, query);
    const version = await this.versions.of(theCase.id);
    const key = [theCase.id, reader.role, reader.privileged, language, query.cursor ?? '', query.limit, query.types?.join(',') ?? ''].join('|');
    const cached = this.pages.get(key, version);
    if (cached) return cached;
    const page = await this.page(theCase.id, reader, language, query);
    this.pages.set(key, version, page);
    return page;
  }

  private async page(caseId: string, reader: TimelineReader, language: ReaderLanguage, query: TimelineQuery): Promise<Page<TimelineItem>> {
    const sources = this.registry
      .all()
      .filter((source) => roleCan(reader.role, source.capability))
      .filter((source) => !query.types || query.types.includes(source.type));
    if (sources.length === 0) return { items: [], nextCursor: null };

    const rows = await this.repository.page(caseId, sources, reader, query.limit + 1, decodeCursor(query.cursor));
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.at_key, id: `${row.type}:${row.ref}` }),
      (row) => toItem(row, language),
    );
  }

  /** The latest items up to `now` across several (already authorized) cases, newest first, for the dashboard. */
  async recent(actor: Actor, caseIds: string[], now: Date, limit: number): Promise<Array<TimelineItem & { caseSlug: string; caseTitle: string }>> {
    const sources = this.registry.all().filter((source) => roleCan(actor.role, source.capability));
    if (sources.length === 0 || caseIds.length === 0) return [];
    const reader = { role: actor.role, privileged: roleCan(actor.role, 'documents:privileged') };
    const rows = await this.repository.recent(caseIds, sources, reader, now, limit);
    const language = readerLanguage(actor.language);
    return rows.map((row) => ({ ...toItem(row, language), caseSlug: row.slug, caseTitle: row.case_title }));
  }
}
