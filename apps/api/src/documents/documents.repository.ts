import type { DocumentListQuery, DocumentSummary, DocumentVersion, Page } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { cursorKey, decodeCursor, toPage } from '../common/pagination';
import { DocumentEntity } from './document.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { matchingIds } from './search/matching-documents';

interface DocumentRow {
  id: string;
  case_id: string;
  kind: DocumentSummary['kind'];
  title: string;
  court: string | null;
  status: DocumentSummary['status'];
  filed_at: Date | null;
  hearing_id: string | null;
  deadline_id: string | null;
  privileged: boolean;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  created_key: string;
  dated_key: string;
  latest: Record<string, unknown> | null;
  /** With a search: the newest extracted text (sealed) and its version, for the snippet. */
  text_version_id?: string | null;
  sealed_text?: string | null;
}

/** A page of search results, each with the sealed text its snippet is built from. */
export interface SearchPage {
  page: Page<DocumentSummary>;
  texts: Map<string, { versionId: string; sealed: string }>;
}

export interface SearchFilters {
  /** websearch_to_tsquery input. */
  text: string;
  /** LIKE patterns (lower case) over titles, courts, tags and the names of the text, all required; empty: none. */
  patterns: string[];
  /** Case or file numbers (lower case), each a lexeme of search_body; empty: none. */
  numbers: string[];
}

/** Document dates are Moscow calendar days for the `from`/`to` filters: the team and the courts work in Moscow time. */
const TEAM_TIME_ZONE = 'Europe/Moscow';
const documentColumns = `d.id, d.case_id, d.kind, d.title, d.court, d.status, d.filed_at, d.hearing_id, d.deadline_id, d.privileged, d.tags,
  d.created_at, d.updated_at, ${cursorKey('d.created_at')} as created_key,
  ${cursorKey('d.dated_at')} as dated_key`;

export interface DocumentScope {
  /** Case ids the reader may see, or 'all' (admins). */
  caseIds: string[] | 'all';
  /** The reader may see privileged documents of those cases. */
  privileged: boolean;
}

const versionJson = `json_build_object('id', v.id, 'number', v.number, 'originalName', v.original_name, 'mimeType', v.mime_type,
  'size', v.size, 'sha256', v.sha256, 'uploadedBy', v.uploaded_by, 'uploadedAt', v.uploaded_at, 'textStatus', v.text_status, 'textIssue', v.text_issue)`;

export function toVersion(json: Record<string, unknown>): DocumentVersion {
  return {
    id: String(json.id),
    number: Number(json.number),
    originalName: String(json.originalName),
    mimeType: String(json.mimeType),
    size: Number(json.size),
    sha256: String(json.sha256),
    uploadedBy: String(json.uploadedBy),
    uploadedAt: new Date(String(json.uploadedAt)).toISOString(),
    textStatus: json.textStatus as DocumentVersion['textStatus'],
    textIssue: (json.textIssue ?? null) as DocumentVersion['textIssue'],
  };
}

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    title: row.title,
    court: row.court,
    status: row.status,
    filedAt: row.filed_at ? row.filed_at.toISOString() : null,
    hearingId: row.hearing_id,
    deadlineId: row.deadline_id,
    privileged: row.privileged,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    latest: row.latest ? toVersion(row.latest) : null,
  };
}

const latestVersion = `left join lateral (select ${versionJson} as latest from document_versions v
  where v.document_id = d.id order by v.number desc limit 1) l on true`;

/** Where-clause builder: conditions joined by `and`, values as numbered parameters. */
class Conditions {
  readonly params: unknown[] = [];
  readonly where: string[] = [];

  add(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  sql(): string {
    return this.where.length ? `where ${this.where.join(' and ')}` : '';
  }
}

/** A new document's own fields (its first version is added beside it). */
export type NewDocument = Pick<
  DocumentEntity,
  'caseId' | 'kind' | 'title' | 'court' | 'status' | 'filedAt' | 'hearingId' | 'deadlineId' | 'privileged' | 'tags' | 'createdBy'
>;

/** A new version's row: the stored file and who uploaded it; its text is extracted later. */
export type NewVersion = Pick<DocumentVersionEntity, 'documentId' | 'number' | 'originalName' | 'storageKey' | 'mimeType' | 'size' | 'sha256' | 'uploadedBy'>;

/** Every document query: rows by id, writes in the caller's transaction, scoped keyset-paged lists and full-text search. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  byId(id: string): Promise<DocumentEntity | null> {
    return this.db.getRepository(DocumentEntity).findOne({ where: { id } });
  }

  async insert(manager: EntityManager, document: NewDocument): Promise<string> {
    const saved = await manager.getRepository(DocumentEntity).save(document);
    return saved.id;
  }

  async update(manager: EntityManager, id: string, patch: Partial<NewDocument>): Promise<void> {
    await manager.getRepository(DocumentEntity).update(id, patch);
  }

  async insertVersion(manager: EntityManager, version: NewVersion): Promise<void> {
    await manager.getRepository(DocumentVersionEntity).insert({ ...version, textStatus: 'pending' });
  }

  /** One version of a document by number, or its newest when no number is given. */
  version(documentId: string, number: number | undefined): Promise<DocumentVersionEntity | null> {
    const versions = this.db.getRepository(DocumentVersionEntity);
    return number ? versions.findOne({ where: { documentId, number } }) : versions.findOne({ where: { documentId }, order: { number: 'DESC' } });
  }

  versionById(id: string): Promise<DocumentVersionEntity | null> {
    return this.db.getRepository(DocumentVersionEntity).findOne({ where: { id } });
  }

  /** Locks the document (so two uploads cannot take the same number) and returns its next version number. */
  async lockNextVersion(manager: EntityManager, documentId: string): Promise<number> {
    await manager.query(`select 1 from documents where id = $1 for update`, [documentId]);
    const [{ next }] = await manager.query(`select coalesce(max(number), 0) + 1 as next from document_versions where document_id = $1`, [documentId]);
    return Number(next);
  }

  async latestVersionId(documentId: string): Promise<string | undefined> {
    const [latest] = await this.db.query(`select id from document_versions where document_id = $1 order by number desc limit 1`, [documentId]);
    return latest?.id;
  }

  async list(scope: DocumentScope, query: DocumentListQuery, filter: { caseId?: string; id?: string } = {}): Promise<Page<DocumentSummary>> {
    const c = this.scoped(scope, query, filter);
    const cursor = decodeCursor(query.cursor);
    if (cursor) c.where.push(`(d.created_at, d.id) < (${c.add(cursor.key)}::timestamptz, ${c.add(cursor.id)}::uuid)`);
    const rows: DocumentRow[] = await this.db.query(
      `select ${documentColumns}, l.latest
         from (select d.id from documents d ${c.sql()} order by d.created_at desc, d.id desc limit ${c.add(query.limit + 1)}) page
         join documents d on d.id = page.id
         ${latestVersion}
        order by d.created_at desc, d.id desc`,
      c.params,
    );
    return toPage(rows, query.limit, (row) => ({ key: row.created_key, id: row.id }), toSummary);
  }

  /**
   * Matching documents newest first by document date (docs/decisions/0022-search-sealed-text-and-order.md): the ids
   * come from matchingIds (a bounded walk along the date index, else the GIN and trigram indexes), then one query
   * reads the page's rows with their newest version and sealed text. Nothing ranks every match.
   */
  async search(scope: DocumentScope, query: DocumentListQuery, filter: { caseId?: string }, search: SearchFilters): Promise<SearchPage> {
    const c = this.scoped(scope, query, filter);
    const cursor = decodeCursor(query.cursor);
    if (cursor) c.where.push(`(d.dated_at, d.id) < (${c.add(cursor.key)}::timestamptz, ${c.add(cursor.id)}::uuid)`);
    const whereParams = c.params.length;
    const q = c.add(search.text);
    const tsq = `(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`;
    let match = `d.search_head @@ ${tsq} or d.search_body @@ ${tsq}`;
    if (search.numbers.length) {
      // Quoted, a tsquery lexeme is taken as it is (the number shapes admit no quote): whole numbers and their parts.
      match += ` or d.search_body @@ ${c.add(search.numbers.map((n) => `'${n}'`).join(' & '))}::tsquery`;
    } else if (search.patterns.length) {
      // Names: the trigram column covers title, court and tags too, so the head vector is not needed.
      match = `d.search_body @@ ${tsq} or (${search.patterns.map((p) => `d.search_names like ${c.add(p)}`).join(' and ')})`;
    }
    const rare = search.numbers.length > 0;
    const ids = await matchingIds(this.db, { where: c.sql(), params: c.params, whereParams, match, limit: query.limit + 1, rare });
    const rows: DocumentRow[] = await this.db.query(
      `select ${documentColumns}, l.latest, t.id as text_version_id, t.extracted_text as sealed_text
         from documents d
         ${latestVersion}
         left join lateral (select v.id, v.extracted_text from document_versions v
                             where v.document_id = d.id and v.text_status = 'done' order by v.number desc limit 1) t on true
        where d.id = any($1::uuid[])
        order by d.dated_at desc, d.id desc`,
      [ids],
    );
    const page = toPage(rows, query.limit, (row) => ({ key: row.dated_key, id: row.id }), toSummary);
    const texts = new Map<string, { versionId: string; sealed: string }>();
    for (const row of rows.slice(0, query.limit)) {
      if (row.text_version_id && row.sealed_text) texts.set(row.id, { versionId: row.text_version_id, sealed: row.sealed_text });
    }
    return { page, texts };
  }

  async versionsOf(documentId: string): Promise<DocumentVersion[]> {
    const rows: Array<{ v: Record<string, unknown> }> = await this.db.query(
      `select ${versionJson} as v from document_versions v where v.document_id = $1 order by v.number desc`,
      [documentId],
    );
    return rows.map((row) => toVersion(row.v));
  }

  async summary(documentId: string): Promise<DocumentSummary | undefined> {
    const page = await this.list({ caseIds: 'all', privileged: true }, { limit: 1 }, { id: documentId });
    return page.items[0];
  }

  /** Case access, privilege and the filters of the query (kind, status, case, document date range). */
  private scoped(scope: DocumentScope, query: DocumentListQuery, filter: { caseId?: string; id?: string }): Conditions {
    const c = new Conditions();
    if (filter.caseId) c.where.push(`d.case_id = ${c.add(filter.caseId)}`);
    if (filter.id) c.where.push(`d.id = ${c.add(filter.id)}`);
    if (scope.caseIds !== 'all') c.where.push(`d.case_id = any(${c.add(scope.caseIds)}::uuid[])`);
    if (!scope.privileged) c.where.push(`not d.privileged`);
    if (query.kind) c.where.push(`d.kind = ${c.add(query.kind)}`);
    if (query.status) c.where.push(`d.status = ${c.add(query.status)}`);
    if (query.from) c.where.push(`d.dated_at >= (${c.add(query.from)}::date::timestamp at time zone '${TEAM_TIME_ZONE}')`);
    if (query.to) c.where.push(`d.dated_at < ((${c.add(query.to)}::date + 1)::timestamp at time zone '${TEAM_TIME_ZONE}')`);
    return c;
  }
}
