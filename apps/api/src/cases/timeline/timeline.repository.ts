import type { TimelineItem } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KeysetCursor } from '../../common/pagination';
import type { TimelineReader, TimelineSource } from './timeline-source';
import { cursorKey } from '../../common/pagination';

export interface TimelineRow {
  type: TimelineItem['type'];
  at: Date;
  at_key: string;
  event: string;
  params: Record<string, unknown>;
  ref: string;
}

/** The union of the sources' SELECTs around a case (or several), ordered and paged. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit` items of a case, oldest first, after `after` by (at, type, ref); the cursor's id is `type:ref`. */
  page(caseId: string, sources: TimelineSource[], reader: TimelineReader, limit: number, cursor: KeysetCursor | undefined): Promise<TimelineRow[]> {
    const params: unknown[] = [caseId, limit];
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
    return this.db.query(
      `select t.type, t.at, ${cursorKey('t.at')} as at_key, t.event, t.params, t.ref
         from (${union}) t
        order by t.at, t.type, t.ref
        limit $2`,
      params,
    );
  }

  /** The latest `limit` items up to `now` across these cases, newest first, with each case's address and title. */
  recent(
    caseIds: string[],
    sources: TimelineSource[],
    reader: TimelineReader,
    now: Date,
    limit: number,
  ): Promise<Array<TimelineRow & { slug: string; case_title: string }>> {
    const union = sources
      .map(
        (source) =>
          `(select '${source.type}'::text as type, s.case_id, s.at, s.event, s.params, s.ref::text as ref from (${source.sql(reader)}) s
             where s.case_id = any($1) and s.at <= $2 order by s.at desc limit $3)`,
      )
      .join('\n union all\n');
    return this.db.query(
      `select t.type, t.at, t.event, t.params, t.ref, c.slug, c.title as case_title
         from (${union}) t join cases c on c.id = t.case_id
        where t.at <= $2 order by t.at desc, t.type, t.ref limit $3`,
      [caseIds, now.toISOString(), limit],
    );
  }
}
