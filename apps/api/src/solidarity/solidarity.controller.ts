import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { solidarityAccepted, solidarityListQuery, solidarityPage, solidarityStatusReply, uuid, caseRef } from '@habeas/contracts';
import type { SolidarityListQuery } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor, Public } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/http/domain-error';
import { Returns, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { languageOf } from '../public-case/public-html';
import { solidarityThanksPage } from './solidarity-page';
import { readSolidarityForm } from './solidarity-form';
import { SolidarityService } from './solidarity.service';

const slugParam = z.string().trim().min(1).max(100);
const langQuery = z.object({ lang: z.enum(['ru', 'en']).optional() });

/** Solidarity posts: anyone posts to a public case; members of the case moderate; approved photos are public. */
@ApiTags('solidarity')
@Controller()
export class SolidarityController {
  constructor(private readonly solidarity: SolidarityService) {}

  @Post('public/cases/:slug/solidarity')
  @Public()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @Returns(solidarityAccepted, 202)
  async post(@ZodParam('slug', slugParam) slug: string, @Req() request: FastifyRequest, @Body() body: unknown) {
    return this.solidarity.post(slug, request.ip, await readSolidarityForm(request, body));
  }

  /** The form of the public page posts here (multipart, no JavaScript) and gets a page back. */
  @Post('support/:slug/solidarity')
  @Public()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiProduces('text/html')
  async postForm(
    @ZodParam('slug', slugParam) slug: string,
    @ZodQuery(langQuery) query: { lang?: 'ru' | 'en' },
    @Headers('accept-language') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('cache-control', 'no-store');
    try {
      await this.solidarity.post(slug, request.ip, await readSolidarityForm(request, body));
      return solidarityThanksPage(language, slug);
    } catch (error) {
      if (!(error instanceof DomainError) || error.statusCode === 404) throw error;
      reply.status(error.statusCode);
      return solidarityThanksPage(language, slug, error.statusCode);
    }
  }

  @Get('public/solidarity/:id/photo')
  @Public()
  @ApiProduces('image/jpeg')
  async publicPhoto(@ZodParam('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const stream = await this.solidarity.photo(id);
    reply.header('content-type', 'image/jpeg');
    reply.header('cache-control', 'public, max-age=300');
    reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(stream);
  }

  @Get('cases/:id/solidarity')
  @Can('solidarity:moderate')
  @Returns(solidarityPage)
  list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(solidarityListQuery) query: SolidarityListQuery) {
    return this.solidarity.list(actor, id, query);
  }

  @Get('solidarity/:id/photo')
  @Can('solidarity:moderate')
  @ApiProduces('image/jpeg')
  async photo(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const stream = await this.solidarity.photo(id, actor);
    reply.header('content-type', 'image/jpeg');
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(stream);
  }

  @Post('solidarity/:id/approve')
  @Can('solidarity:moderate')
  @HttpCode(200)
  @Returns(solidarityStatusReply)
  approve(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.solidarity.moderate(actor, id, 'approved');
  }

  @Post('solidarity/:id/reject')
  @Can('solidarity:moderate')
  @HttpCode(200)
  @Returns(solidarityStatusReply)
  reject(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.solidarity.moderate(actor, id, 'rejected');
  }
}
