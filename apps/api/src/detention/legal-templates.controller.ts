import { createLegalTemplateRequest, legalTemplate, legalTemplateListQuery, legalTemplatePage, updateLegalTemplateRequest, uuid } from '@habeas/contracts';
import type { CreateLegalTemplateRequest, LegalTemplateListQuery, UpdateLegalTemplateRequest } from '@habeas/contracts';
import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { LegalTemplatesService } from './legal-templates.service';

@ApiTags('legal templates')
@Controller('legal-templates')
export class LegalTemplatesController {
  constructor(private readonly templates: LegalTemplatesService) {}

  @Get()
  @Can('legal:work')
  @Returns(legalTemplatePage)
  list(@ZodQuery(legalTemplateListQuery) query: LegalTemplateListQuery) {
    return this.templates.list(query);
  }

  @Get(':id')
  @Can('legal:work')
  @Returns(legalTemplate)
  get(@ZodParam('id', uuid) id: string) {
    return this.templates.get(id);
  }

  @Post()
  @Can('templates:manage')
  @Returns(legalTemplate, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createLegalTemplateRequest) body: CreateLegalTemplateRequest) {
    return this.templates.create(actor, body);
  }

  @Patch(':id')
  @Can('templates:manage')
  @Returns(legalTemplate)
  update(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(updateLegalTemplateRequest) body: UpdateLegalTemplateRequest) {
    return this.templates.update(actor, id, body);
  }

  @Delete(':id')
  @Can('templates:manage')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string): Promise<void> {
    await this.templates.remove(actor, id);
  }
}
