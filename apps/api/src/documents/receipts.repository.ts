import type { Page, ReceiptListQuery, ReceiptOption } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cursorKey, decodeCursor, toPage } from '../common/pagination';

interface ReceiptRow {
  id: string;
  title: string;
  created_at: Date;
  created_key: string;
}

/** Receipts of a case: documents of kind `receipt` that are not privileged; names and dates only. */
const RECEIPT = `kind = 'receipt' and not privileged`;

const toOption = (row: ReceiptRow): ReceiptOption => ({ id: row.id, title: row.title, uploadedAt: row.created_at.toISOString() });

@Injectable()
export class ReceiptsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; `q` matches part of the name, case-insensitively (LIKE's own characters taken literally). */
  async list(caseId: string, query: ReceiptListQuery): Promise<Page<ReceiptOption>> {
    const params: unknown[] = [caseId];
    const where = [`case_id = $1`, RECEIPT];
    if (query.q) {
      params.push(`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`lower(title) like $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.key, cursor.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: ReceiptRow[] = await this.db.query(
      `select id, title, created_at, ${cursorKey('created_at')} as created_key
         from documents where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, (row) => ({ key: row.created_key, id: row.id }), toOption);
  }

  async find(caseId: string, id: string): Promise<ReceiptOption | undefined> {
    const [row]: ReceiptRow[] = await this.db.query(
      `select id, title, created_at, '' as created_key from documents where case_id = $1 and id = $2 and ${RECEIPT}`,
      [caseId, id],
    );
    return row && toOption(row);
  }

  /** Names of the given receipts of a case (others are left out), for lists of expenses. */
  async titles(caseId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; title: string }> = await this.db.query(
      `select id, title from documents where case_id = $1 and id = any($2::uuid[]) and ${RECEIPT}`,
      [caseId, ids],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }
}
