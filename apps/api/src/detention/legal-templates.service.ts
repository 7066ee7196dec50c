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
import { LegalTemplatesRepository, toTemplate } from './legal-templates.repository';

/** Team-managed templates of legal drafts, one default per step and language. */
@Injectable()
export class LegalTemplatesService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: LegalTemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Each legal step and language without a default template gets the built-in one (a fresh installation gets them all). */
  async onApplicationBootstrap(): Promise<void> {
    for (const template of defaultTemplates()) await this.repository.addDefaultIfMissing(template);
  }

  async list(query: LegalTemplateListQuery): Promise<Page<LegalTemplate>> {
    const rows = await this.repository.list(query, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.created_key, id: row.id }), toTemplate);
  }

  async get(id: string): Promise<LegalTemplate> {
    const row = await this.repository.find(id);
    if (!row) throw new NotFound('Template');
    return toTemplate(row);
  }

  /** The template a new draft uses: the default of the step and language. */
  async defaultFor(step: LegalStep, language: TemplateLanguage, manager?: EntityManager): Promise<LegalTemplate | null> {
    const row = await this.repository.defaultFor(step, language, manager);
    return row ? toTemplate(row) : null;
  }

  async create(actor: Actor, body: CreateLegalTemplateRequest): Promise<LegalTemplate> {
    return this.db.transaction(async (manager) => {
      if (body.isDefault) await this.repository.clearDefault(manager, body.step, body.language);
      const row = await this.repository.insert(manager, body, actor.id);
      await this.audit.record(actor, { action: 'legal_template.create', entityType: 'legal_template', entityId: row.id }, manager);
      return toTemplate(row);
    });
  }

  async update(actor: Actor, id: string, body: UpdateLegalTemplateRequest): Promise<LegalTemplate> {
    const current = await this.get(id);
    return this.db.transaction(async (manager) => {
      if (body.isDefault) await this.repository.clearDefault(manager, current.step, current.language, id);
      const row = await this.repository.update(manager, id, body);
      await this.audit.record(
        actor,
        { action: 'legal_template.update', entityType: 'legal_template', entityId: id, details: { fields: Object.keys(body) } },
        manager,
      );
      return toTemplate(row);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.get(id);
    await this.db.transaction(async (manager) => {
      await this.repository.delete(manager, id);
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
