import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SolidarityStatus } from '@habeas/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { openField, sealField } from '../common/crypto/field-cipher';

export interface SolidarityRow {
  id: string;
  case_id: string;
  message: string;
  photo_key: string | null;
  status: SolidarityStatus;
  posted_on: string;
}

const messageAt = (row: string) => ({ table: 'solidarity_posts', column: 'message', row });
const COLUMNS = `id, case_id, message, photo_key, status, to_char(posted_on, 'YYYY-MM-DD') as posted_on`;

/** Every query on solidarity posts. */
@Injectable()
export class SolidarityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(post: { id: string; caseId: string; message: string; photoKey: string | null }, m: Pick<EntityManager, 'query'> = this.db): Promise<void> {
    await m.query(`insert into solidarity_posts (id, case_id, message, photo_key) values ($1, $2, $3, $4)`, [
      post.id,
      post.caseId,
      sealField(post.message, messageAt(post.id)),
      post.photoKey,
    ]);
  }

  /** The id of a case that is public (posts go only to public pages). */
  async publicCaseId(slug: string): Promise<string | undefined> {
    const [row] = await this.db.query(`select id from cases where slug = $1 and is_public`, [slug]);
    return row?.id;
  }

  async byId(id: string): Promise<SolidarityRow | undefined> {
    const [row] = await this.db.query(`select ${COLUMNS} from solidarity_posts where id = $1`, [id]);
    return row;
  }

  /** Posts of a case, newest day first; ids are random, so the order within a day says nothing about time. */
  async page(caseId: string, status: SolidarityStatus | undefined, limit: number, after?: { key: string; id: string }): Promise<SolidarityRow[]> {
    const params: unknown[] = [caseId];
    const where = ['case_id = $1'];
    if (status) {
      params.push(status);
      where.push(`status = $${params.length}`);
    }
    if (after) {
      params.push(after.key, after.id);
      where.push(`(posted_on, id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return this.db.query(
      `select ${COLUMNS} from solidarity_posts where ${where.join(' and ')} order by posted_on desc, id desc limit $${params.length}`,
      params,
    );
  }

  async moderate(id: string, status: 'approved' | 'rejected', by: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `update solidarity_posts set status = $2, moderated_by = $3, moderated_at = now() where id = $1 and status <> $2`,
      [id, status, by],
    );
    return affected > 0;
  }
}

export function openMessage(row: Pick<SolidarityRow, 'id' | 'message'>): string {
  return openField<string>(row.message, messageAt(row.id));
}
