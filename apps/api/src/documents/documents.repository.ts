import type { DocumentListQuery, DocumentSummary, DocumentVersion, Page } from '@habeas/contracts';
import { snippetStart, snippetStop } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '../common/pagination';

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
  rank: string | null;
  snippet: string | null;
  latest: Record<string, unknown> | null;
}

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
    ...(row.snippet !== null ? { snippet: row.snippet } : {}),
  };
}

/** The document queries that deserve a name: scoped, keyset-paged lists and ranked full-text search. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(scope: DocumentScope, query: DocumentListQuery, filter: { caseId?: string; id?: string } = {}): Promise<Page<DocumentSummary>> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.caseId) where.push(`d.case_id = ${add(filter.caseId)}`);
    if (filter.id) where.push(`d.id = ${add(filter.id)}`);
    if (scope.caseIds !== 'all') where.push(`d.case_id = any(${add(scope.caseIds)}::uuid[])`);
    if (!scope.privileged) where.push(`not d.privileged`);
    if (query.kind) where.push(`d.kind = ${add(query.kind)}`);
    if (query.status) where.push(`d.status = ${add(query.status)}`);
    const cursor = decodeCursor(query.cursor);
    const search = query.q ? query.q : undefined;
    let rankSql = 'null::real';
    let snippetSql = 'null::text';
    if (search) {
      const q = add(search);
      const tsq = `(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`;
      where.push(`d.search @@ ${tsq}`);
      rankSql = `ts_rank(d.search, ${tsq})`;
      const options = add(`StartSel=${snippetStart}, StopSel=${snippetStop}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`);
      snippetSql = `ts_headline('russian', d.title || E'\\n' || coalesce(left(t.extracted_text, 200000), ''), ${tsq}, ${options})`;
      if (cursor) where.push(`(ts_rank(d.search, ${tsq}), d.id) < (${add(cursor.key)}::real, ${add(cursor.id)}::uuid)`);
    } else if (cursor) {
      where.push(`(d.created_at, d.id) < (${add(cursor.key)}::timestamptz, ${add(cursor.id)}::uuid)`);
    }
    const limit = add(query.limit + 1);
    // Rank and page first on the documents alone; only the page's rows get their version and a snippet
    // (ts_headline over extracted text is the expensive part, so it never runs for rows that are not shown).
    const rows: DocumentRow[] = await this.db.query(
      `with page as (
         select d.id, ${rankSql} as rank from documents d
          ${where.length ? `where ${where.join(' and ')}` : ''}
          order by ${search ? `${rankSql} desc, d.id desc` : 'd.created_at desc, d.id desc'}
          limit ${limit})
       select d.id, d.case_id, d.kind, d.title, d.court, d.status, d.filed_at, d.hearing_id, d.deadline_id, d.privileged, d.tags,
              d.created_at, d.updated_at, to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
              page.rank::text as rank, ${search ? snippetSql : 'null::text'} as snippet, l.latest
         from page join documents d on d.id = page.id
         left join lateral (select ${versionJson} as latest from document_versions v
                             where v.document_id = d.id order by v.number desc limit 1) l on true
         ${search ? `left join lateral (select v.extracted_text from document_versions v where v.document_id = d.id and v.text_status = 'done' order by v.number desc limit 1) t on true` : ''}
        order by ${search ? 'page.rank desc, d.id desc' : 'd.created_at desc, d.id desc'}`,
      params,
    );
    return toPage(rows, query.limit, (row) => ({ key: search ? String(row.rank) : row.created_key, id: row.id }), toSummary);
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
}
