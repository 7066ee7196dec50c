import {
  createLegalActionRequest,
  generateDocumentRequest,
  generatedDocument,
  legalAction,
  legalActionListQuery,
  legalActionPage,
  updateLegalActionRequest,
  uuid,
  caseRef,
} from '@habeas/contracts';
import type { CreateLegalActionRequest, GenerateDocumentRequest, LegalActionListQuery, UpdateLegalActionRequest } from '@habeas/contracts';
import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { LegalActionsService } from './legal-actions.service';

@ApiTags('legal actions')
@Controller()
export class LegalActionsController {
  constructor(private readonly actions: LegalActionsService) {}

  @Get('legal-actions')
  @Can('cases:read')
  @Returns(legalActionPage)
  board(@CurrentActor() actor: Actor, @ZodQuery(legalActionListQuery) query: LegalActionListQuery) {
    return this.actions.list(actor, query);
  }

  @Get('cases/:id/legal-actions')
  @Can('cases:read')
  @Returns(legalActionPage)
  ofCase(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(legalActionListQuery) query: LegalActionListQuery) {
    return this.actions.list(actor, query, id);
  }

  @Post('cases/:id/legal-actions')
  @Can('cases:write')
  @Returns(legalAction, 201)
  create(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createLegalActionRequest) body: CreateLegalActionRequest) {
    return this.actions.create(actor, id, body);
  }

  @Get('legal-actions/:id')
  @Can('cases:read')
  @Returns(legalAction)
  get(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.actions.get(actor, id);
  }

  @Patch('legal-actions/:id')
  @Can('cases:write')
  @Returns(legalAction)
  update(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(updateLegalActionRequest) body: UpdateLegalActionRequest) {
    return this.actions.update(actor, id, body);
  }

  /** Fills the draft again from the template and the case's current facts. */
  @Post('legal-actions/:id/redraft')
  @Can('cases:write')
  @Returns(legalAction, 201)
  redraft(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.actions.redraft(actor, id);
  }

  @Post('legal-actions/:id/generate')
  @Can('cases:write')
  @Returns(generatedDocument, 201)
  generate(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(generateDocumentRequest) body: GenerateDocumentRequest) {
    return this.actions.generate(actor, id, body.format);
  }
}
