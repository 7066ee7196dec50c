import type { DataSource } from 'typeorm';
import { cursorKey } from '../../common/pagination';

/** How many of the newest documents in scope the search walks before it turns to the GIN indexes (decision 0022). */
export const WALK_WINDOW = 1000;

export interface MatchQuery {
  /** `where …` over `d` (scope, filters, cursor), or '' — with its parameters. */
  where: string;
  params: unknown[];
  /** How many of `params` the where clause uses (the match's come after). */
  whereParams: number;
  /** The match condition over `d`, using the same parameters. */
  match: string;
  /** Ids wanted (a page and one more). */
  limit: number;
  /** Case or file numbers: rare by nature, so the indexes are asked first. */
  rare: boolean;
}

const DOCUMENT_KEY = `${cursorKey('d.dated_at')}`;

/**
 * The ids of the newest matching documents, at a cost bounded by the page rather than by the number of matches.
 * A common word is found by walking documents newest first (documents_dated_idx) until the page is full; when the
 * newest WALK_WINDOW documents hold too few matches, the rest comes from the GIN and trigram indexes and is sorted
 * (few matches, since the window showed them to be rare). PostgreSQL's estimate for an unknown word is not trusted to
 * make that choice: an overestimate made it walk all 100,000 rows for a case number (3 s).
 */
export async function matchingIds(db: DataSource, q: MatchQuery): Promise<string[]> {
  const and = (condition: string) => (q.where ? `${q.where} and ${condition}` : `where ${condition}`);
  const found: string[] = [];
  let after = '';
  const params = [...q.params];
  if (!q.rare) {
    const walked: Array<{ id: string }> = await db.query(
      `select d.id from (select d.id, d.dated_at, d.search_head, d.search_body, d.search_names
                           from documents d ${q.where} order by d.dated_at desc, d.id desc limit ${WALK_WINDOW}) d
        where ${q.match} limit ${q.limit}`,
      q.params,
    );
    found.push(...walked.map((row) => row.id));
    if (found.length >= q.limit) return found;
    const [edge]: Array<{ key: string; id: string }> = await db.query(
      `select ${DOCUMENT_KEY} as key, d.id from documents d ${q.where} order by d.dated_at desc, d.id desc offset ${WALK_WINDOW - 1} limit 1`,
      q.params.slice(0, q.whereParams),
    );
    if (!edge) return found;
    after = ` and (d.dated_at, d.id) < ($${params.push(edge.key)}::timestamptz, $${params.push(edge.id)}::uuid)`;
  }
  // The matches are collected from the GIN and trigram indexes alone (bitmap scans, never a walk), and only those few
  // are then checked against the scope and sorted. Left to itself, the planner joined the scope's case index into the
  // bitmap, reading the index entries of every document in the user's cases on each search.
  const rest: Array<{ id: string }> = await db.transaction(async (manager) => {
    await manager.query('set local enable_seqscan = off; set local enable_indexscan = off');
    return manager.query(
      `with matched as materialized (select d.id from documents d where ${q.match})
       select d.id from matched join documents d on d.id = matched.id ${and(`true${after}`)}
        order by d.dated_at desc, d.id desc limit ${q.limit - found.length}`,
      params,
    );
  });
  return [...found, ...rest.map((row) => row.id)];
}
