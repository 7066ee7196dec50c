import type {
  CreateLegalTemplateRequest,
  LegalStep,
  LegalTemplate,
  LegalTemplateListQuery,
  Page,
  TemplateLanguage,
  UpdateLegalTemplateRequest,
} from '@habeas/contracts';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { defaultTemplates } from './default-templates';

interface TemplateRow {
  id: string;
  step: LegalStep;
  language: TemplateLanguage;
  title: string;
  body: string;
  is_default: boolean;
  updated_at: Date;
  created_key: string;
}

const COLUMNS = `id, step, language, title, body, is_default, updated_at, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key`;

function toTemplate(row: TemplateRow): LegalTemplate {
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

/** Team-managed templates of legal drafts, one default per step and language. */
@Injectable()
export class LegalTemplatesService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Each legal step and language without a default template gets the built-in one (a fresh installation gets them all). */
  async onApplicationBootstrap(): Promise<void> {
    for (const template of defaultTemplates()) {
      await this.db.query(
        `insert into legal_templates (step, language, title, body, is_default) values ($1, $2, $3, $4, true)
         on conflict (step, language) where is_default do nothing`,
        [template.step, template.language, template.title, template.body],
      );
    }
  }

  async list(query: LegalTemplateListQuery): Promise<Page<LegalTemplate>> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (query.step) where.push(`step = $${params.push(query.step)}`);
    if (query.language) where.push(`language = $${params.push(query.language)}`);
    const cursor = decodeCursor(query.cursor);
    if (cursor) where.push(`(created_at, id) > ($${params.push(cursor.key)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    const rows: TemplateRow[] = await this.db.query(
      `select ${COLUMNS} from legal_templates ${where.length ? `where ${where.join(' and ')}` : ''} order by created_at, id limit $1`,
      params,
    );
    return toPage(rows, query.limit, (row) => ({ key: row.created_key, id: row.id }), toTemplate);
  }

  async get(id: string): Promise<LegalTemplate> {
    const rows: TemplateRow[] = await this.db.query(`select ${COLUMNS} from legal_templates where id = $1`, [id]);
    if (!rows[0]) throw new NotFound('Template');
    return toTemplate(rows[0]);
  }

  /** The template a new draft uses: the default of the step and language. */
  async defaultFor(step: LegalStep, language: TemplateLanguage, manager?: EntityManager): Promise<LegalTemplate | null> {
    const rows: TemplateRow[] = await (manager ?? this.db).query(
      `select ${COLUMNS} from legal_templates where step = $1 and language = $2 order by is_default desc, updated_at desc limit 1`,
      [step, language],
    );
    return rows[0] ? toTemplate(rows[0]) : null;
  }

  async create(actor: Actor, body: CreateLegalTemplateRequest): Promise<LegalTemplate> {
    return this.db.transaction(async (manager) => {
      if (body.isDefault)
        await manager.query(`update legal_templates set is_default = false, updated_at = now() where step = $1 and language = $2 and is_default`, [
          body.step,
          body.language,
        ]);
      const rows: TemplateRow[] = await manager.query(
        `insert into legal_templates (step, language, title, body, is_default, created_by) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
        [body.step, body.language, body.title, body.body, body.isDefault ?? false, actor.id],
      );
      await this.audit.record(actor, { action: 'legal_template.create', entityType: 'legal_template', entityId: rows[0].id }, manager);
      return toTemplate(rows[0]);
    });
  }

  async update(actor: Actor, id: string, body: UpdateLegalTemplateRequest): Promise<LegalTemplate> {
    const current = await this.get(id);
    return this.db.transaction(async (manager) => {
      if (body.isDefault)
        await manager.query(`update legal_templates set is_default = false, updated_at = now() where step = $1 and language = $2 and is_default and id <> $3`, [
          current.step,
          current.language,
          id,
        ]);
      // An UPDATE … RETURNING through the driver answers [rows, affectedCount].
      const [rows]: [TemplateRow[], number] = await manager.query(
        `update legal_templates set title = coalesce($2, title), body = coalesce($3, body), is_default = coalesce($4, is_default), updated_at = now()
          where id = $1 returning ${COLUMNS}`,
        [id, body.title ?? null, body.body ?? null, body.isDefault ?? null],
      );
      await this.audit.record(
        actor,
        { action: 'legal_template.update', entityType: 'legal_template', entityId: id, details: { fields: Object.keys(body) } },
        manager,
      );
      return toTemplate(rows[0]);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.get(id);
    await this.db.transaction(async (manager) => {
      await manager.query(`delete from legal_templates where id = $1`, [id]);
      await this.audit.record(
        actor,
        {
          action: 'legal_template.delete',
          entityType: 'legal_template',
          entityId: id,
          details: { title: current.title, step: current.step, language: current.language },
        },
        manager,
      );
    });
  }
}
