import type { Page, TimelineItem, TimelineQuery } from '@habeas/contracts';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

interface TimelineRow {
  type: TimelineItem['type'];
  at: Date;
  at_key: string;
  event: string;
  params: Record<string, unknown>;
  ref: string;
}

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
    @InjectDataSource() private readonly db: DataSource,
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

    const params: unknown[] = [caseId, query.limit + 1];
    const cursor = decodeCursor(query.cursor);
    let after = '';
    if (cursor) {
      const [type, ...ref] = cursor.id.split(':');
      params.push(cursor.key, type, ref.join(':'));
      after = 'and s.at >= $3::timestamptz';
    }
    // Each source pages itself (its index on (case_id, at) finds the next rows), so only the rows that can make the page
    // are read, not for a case's whole history.
    const union = sources
      .map(
        (source) => `(select * from (select '${source.type}'::text as type, s.at, s.event, s.params, s.ref::text as ref from (${source.sql(reader)}) s
                     where s.case_id = $1 ${after}) x ${cursor ? 'where (x.at, x.type, x.ref) > ($3::timestamptz, $4, $5)' : ''}
                     order by x.at, x.ref limit $2)`,
      )
      .join('\n union all\n');
    const rows: TimelineRow[] = await this.db.query(
      `select t.type, t.at, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key, t.event, t.params, t.ref
         from (${union}) t
        order by t.at, t.type, t.ref
        limit $2`,
      params,
    );
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
    const union = sources
      .map(
        (source) =>
          `(select '${source.type}'::text as type, s.case_id, s.at, s.event, s.params, s.ref::text as ref from (${source.sql(reader)}) s
             where s.case_id = any($1) and s.at <= $2 order by s.at desc limit $3)`,
      )
      .join('\n union all\n');
    const rows: Array<TimelineRow & { slug: string; case_title: string }> = await this.db.query(
      `select t.type, t.at, t.event, t.params, t.ref, c.slug, c.title as case_title
         from (${union}) t join cases c on c.id = t.case_id
        where t.at <= $2 order by t.at desc, t.type, t.ref limit $3`,
      [caseIds, now.toISOString(), limit],
    );
    const language = readerLanguage(actor.language);
    return rows.map((row) => ({ ...toItem(row, language), caseSlug: row.slug, caseTitle: row.case_title }));
  }
}
