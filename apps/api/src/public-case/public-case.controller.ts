import { Controller, Get, Header, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  caseUpdateCreated,
  caseUpdateListQuery,
  caseUpdatePage,
  caseUpdateStatus,
  createCaseUpdateRequest,
  publicCase,
  publicCaseQuery,
  uuid,
  caseRef,
} from '@habeas/contracts';
import type { CaseUpdateListQuery, CreateCaseUpdateRequest } from '@habeas/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor, Public } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { CaseUpdatesService } from './case-updates.service';
import { publicCasePage } from './public-case-page';
import { languageOf } from './public-html';
import { PublicCaseService, type PublicLanguage } from './public-case.service';

const slugParam = z.string().trim().min(1).max(100);

@ApiTags('public case')
@Controller()
export class PublicCaseController {
  constructor(
    private readonly publicCases: PublicCaseService,
    private readonly updates: CaseUpdatesService,
  ) {}

  @Get('public/cases/:slug')
  @Public()
  @Returns(publicCase)
  view(@ZodParam('slug', slugParam) slug: string, @ZodQuery(publicCaseQuery) query: { lang?: PublicLanguage }, @Headers('accept-language') accept?: string) {
    return this.publicCases.publicCase(slug, languageOf(query, accept));
  }

  @Get('public/cases/:slug/feed.atom')
  @Public()
  @ApiProduces('application/atom+xml')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  feed(@ZodParam('slug', slugParam) slug: string, @ZodQuery(publicCaseQuery) query: { lang?: PublicLanguage }, @Headers('accept-language') accept?: string) {
    return this.publicCases.feed(slug, languageOf(query, accept));
  }

  /** The public page itself (outside /api): server-rendered, readable without JavaScript. */
  @Get('support/:slug')
  @Public()
  @ApiProduces('text/html')
  async page(
    @ZodParam('slug', slugParam) slug: string,
    @ZodQuery(publicCaseQuery) query: { lang?: PublicLanguage },
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    const view = await this.publicCases.publicCase(slug, language);
    const other = language === 'ru' ? 'en' : 'ru';
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-cache');
    reply.header('vary', 'accept-language');
    return publicCasePage(view, { language: other, href: `/support/${encodeURIComponent(view.slug)}?lang=${other}` });
  }

  @Post('cases/:id/updates')
  @Can('updates:draft')
  @Returns(caseUpdateCreated, 201)
  create(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createCaseUpdateRequest) body: CreateCaseUpdateRequest) {
    return this.updates.create(actor, id, body);
  }

  @Get('cases/:id/updates')
  @Can('updates:draft')
  @Returns(caseUpdatePage)
  list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(caseUpdateListQuery) query: CaseUpdateListQuery) {
    return this.updates.list(actor, id, query);
  }

  @Post('updates/:id/approve')
  @Can('updates:approve')
  @HttpCode(200)
  @Returns(caseUpdateStatus)
  approve(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.updates.approve(actor, id);
  }

  @Post('updates/:id/unpublish')
  @Can('updates:approve')
  @HttpCode(200)
  @Returns(caseUpdateStatus)
  unpublish(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.updates.unpublish(actor, id);
  }
}
