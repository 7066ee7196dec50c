import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { createDossierRequest, documentCustody, dossier, dossierCreated, uuid, caseRef } from '@habeas/contracts';
import type { CreateDossierRequest } from '@habeas/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { contentDisposition } from '../documents/content-disposition';
import { DossiersService } from './dossiers.service';

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly dossiers: DossiersService) {}

  @Post('cases/:id/dossiers')
  @Can('dossiers:create')
  @HttpCode(202)
  @Returns(dossierCreated, 202)
  request(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createDossierRequest) body: CreateDossierRequest) {
    return this.dossiers.request(actor, id, body);
  }

  @Get('cases/:id/dossiers')
  @Can('dossiers:create')
  @Returns(z.object({ items: z.array(dossier), nextCursor: z.null() }))
  async list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return { items: await this.dossiers.listForCase(actor, id), nextCursor: null };
  }

  @Get('dossiers/:id')
  @Can('dossiers:create')
  @Returns(dossier)
  get(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.dossiers.get(actor, id);
  }

  @Get('dossiers/:id/download')
  @Can('dossiers:create')
  @ApiProduces('application/zip')
  async download(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.dossiers.download(actor, id);
    reply.header('content-type', 'application/zip');
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', contentDisposition('attachment', file.fileName));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    reply.header('x-content-sha256', file.sha256);
    return new StreamableFile(file.stream);
  }

  @Get('documents/:id/custody')
  @Can('documents:read')
  @Returns(documentCustody)
  async custody(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return { items: await this.dossiers.custodyOf(actor, id) };
  }
}
