import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseUpdate, UpdateStatus } from '@habeas/contracts';
import type { KeysetCursor } from '../common/pagination';
import { cursorKey } from '../common/pagination';

export interface CaseUpdateRow {
  id: string;
  case_id: string;
  language: 'ru' | 'en';
  title: string;
  body: string;
  status: UpdateStatus;
  author_id: string | null;
  author_name: string | null;
  approved_by: string | null;
  approver_name: string | null;
  published_at: Date | null;
  unpublished_at: Date | null;
  created_at: Date;
  created_key: string;
}

const COLUMNS = `u.id, u.case_id, u.language, u.title, u.body, u.status, u.author_id, a.name as author_name, u.approved_by,
  p.name as approver_name, u.published_at, u.unpublished_at, u.created_at,
  ${cursorKey('u.created_at')} as created_key`;
const FROM = `case_updates u left join users a on a.id = u.author_id left join users p on p.id = u.approved_by`;

/** Every query on case_updates. */
@Injectable()
export class CaseUpdatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(update: { caseId: string; language: string; title: string; body: string; authorId: string }, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`insert into case_updates (case_id, language, title, body, author_id) values ($1, $2, $3, $4, $5) returning id`, [
      update.caseId,
      update.language,
      update.title,
      update.body,
      update.authorId,
    ]);
    return row.id;
  }

  async byId(id: string, manager: EntityManager | DataSource = this.db): Promise<CaseUpdateRow | undefined> {
    const [row] = await manager.query(`select ${COLUMNS} from ${FROM} where u.id = $1`, [id]);
    return row;
  }

  async page(caseId: string, status: UpdateStatus | undefined, limit: number, after?: KeysetCursor): Promise<CaseUpdateRow[]> {
    const params: unknown[] = [caseId];
    const where = ['u.case_id = $1'];
    if (status) {
      params.push(status);
      where.push(`u.status = $${params.length}`);
    }
    if (after) {
      params.push(after.key, after.id);
      where.push(`(u.created_at, u.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return this.db.query(`select ${COLUMNS} from ${FROM} where ${where.join(' and ')} order by u.created_at desc, u.id desc limit $${params.length}`, params);
  }

  /** Publishes a draft (or a withdrawn update) once; false when it is already published. */
  async publish(id: string, approverId: string, manager: EntityManager): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown, number] = await manager.query(
      `update case_updates set status = 'published', approved_by = $2, published_at = now(), unpublished_at = null, updated_at = now()
        where id = $1 and status in ('draft', 'unpublished')`,
      [id, approverId],
    );
    return affected > 0;
  }

  async unpublish(id: string, manager: EntityManager): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `update case_updates set status = 'unpublished', unpublished_at = now(), updated_at = now() where id = $1 and status = 'published'`,
      [id],
    );
    return affected > 0;
  }

  /** The published updates of a case, newest first: what the public page and the feed show. */
  async published(caseId: string, limit: number): Promise<CaseUpdateRow[]> {
    return this.db.query(`select ${COLUMNS} from ${FROM} where u.case_id = $1 and u.status = 'published' order by u.published_at desc, u.id desc limit $2`, [
      caseId,
      limit,
    ]);
  }
}

export function toCaseUpdate(row: CaseUpdateRow): CaseUpdate {
  return {
    id: row.id,
    caseId: row.case_id,
    language: row.language,
    title: row.title,
    body: row.body,
    status: row.status,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    approvedBy: row.approved_by ? { id: row.approved_by, name: row.approver_name ?? '' } : null,
    publishedAt: row.published_at?.toISOString() ?? null,
    unpublishedAt: row.unpublished_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
