import type {
  CreateLegalTemplateRequest,
  LegalStep,
  LegalTemplate,
  LegalTemplateListQuery,
  TemplateLanguage,
  UpdateLegalTemplateRequest,
} from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { cursorKey, keysetAfter, type KeysetCursor } from '../common/pagination';

export interface TemplateRow {
  id: string;
  step: LegalStep;
  language: TemplateLanguage;
  title: string;
  body: string;
  is_default: boolean;
  updated_at: Date;
  created_key: string;
}

const COLUMNS = `id, step, language, title, body, is_default, updated_at, ${cursorKey('created_at')} as created_key`;

export function toTemplate(row: TemplateRow): LegalTemplate {
  return {
    id: row.id,
    step: row.step,
    language: row.language,
    title: row.title,
    body: row.body,
    isDefault: row.is_default,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The SQL of legal templates: one default per step and language (a partial unique index holds it). */
@Injectable()
export class LegalTemplatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Adds a built-in template as the default of its step and language unless that pair has one. */
  async addDefaultIfMissing(template: { step: LegalStep; language: TemplateLanguage; title: string; body: string }): Promise<void> {
    await this.db.query(
      `insert into legal_templates (step, language, title, body, is_default) values ($1, $2, $3, $4, true)
       on conflict (step, language) where is_default do nothing`,
      [template.step, template.language, template.title, template.body],
    );
  }

  async list(query: LegalTemplateListQuery, after: KeysetCursor | undefined): Promise<TemplateRow[]> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (query.step) where.push(`step = $${params.push(query.step)}`);
    if (query.language) where.push(`language = $${params.push(query.language)}`);
    if (after) where.push(keysetAfter(params, after, { key: 'created_at', id: 'id' }));
    return this.db.query(
      `select ${COLUMNS} from legal_templates ${where.length ? `where ${where.join(' and ')}` : ''} order by created_at, id limit $1`,
      params,
    );
  }

  async find(id: string): Promise<TemplateRow | undefined> {
    const rows: TemplateRow[] = await this.db.query(`select ${COLUMNS} from legal_templates where id = $1`, [id]);
    return rows[0];
  }

  /** The default of the step and language (else the latest edited one). */
  async defaultFor(step: LegalStep, language: TemplateLanguage, manager: EntityManager = this.db.manager): Promise<TemplateRow | undefined> {
    const rows: TemplateRow[] = await manager.query(
      `select ${COLUMNS} from legal_templates where step = $1 and language = $2 order by is_default desc, updated_at desc limit 1`,
      [step, language],
    );
    return rows[0];
  }

  /** The step and language lose their default (all but `exceptId`), so another template can become it. */
  async clearDefault(manager: EntityManager, step: LegalStep, language: TemplateLanguage, exceptId?: string): Promise<void> {
    await manager.query(
      `update legal_templates set is_default = false, updated_at = now() where step = $1 and language = $2 and is_default and id is distinct from $3`,
      [step, language, exceptId ?? null],
    );
  }

  async insert(manager: EntityManager, body: CreateLegalTemplateRequest, actorId: string): Promise<TemplateRow> {
    const rows: TemplateRow[] = await manager.query(
      `insert into legal_templates (step, language, title, body, is_default, created_by) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [body.step, body.language, body.title, body.body, body.isDefault ?? false, actorId],
    );
    return rows[0];
  }

  async update(manager: EntityManager, id: string, body: UpdateLegalTemplateRequest): Promise<TemplateRow> {
    // An UPDATE … RETURNING through the driver answers [rows, affectedCount].
    const [rows]: [TemplateRow[], number] = await manager.query(
      `update legal_templates set title = coalesce($2, title), body = coalesce($3, body), is_default = coalesce($4, is_default), updated_at = now()
        where id = $1 returning ${COLUMNS}`,
      [id, body.title ?? null, body.body ?? null, body.isDefault ?? null],
    );
    return rows[0];
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`delete from legal_templates where id = $1`, [id]);
  }
}
