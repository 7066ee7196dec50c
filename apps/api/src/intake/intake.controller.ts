import { Controller, Delete, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  convertIntakeRequest,
  createIntakeLinkRequest,
  intakeConverted,
  intakeLink,
  intakeLinkCreated,
  intakeReportListQuery,
  intakeReportPage,
  uuid,
  caseRef,
} from '@habeas/contracts';
import type { ConvertIntakeRequest, CreateIntakeLinkRequest, IntakeReportListQuery } from '@habeas/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { contentDisposition } from '../documents/content-disposition';
import { IntakeTriageService } from './intake-triage.service';
import { IntakeService } from './intake.service';

/** The team's side of family intake: links for relatives (lawyers) and the triage inbox (lawyers and medical staff). */
@ApiTags('family intake')
@Controller()
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly triage: IntakeTriageService,
  ) {}

  @Post('cases/:id/intake-links')
  @Can('intake:links')
  @Returns(intakeLinkCreated, 201)
  createLink(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createIntakeLinkRequest) body: CreateIntakeLinkRequest) {
    return this.intake.createLink(actor, id, body);
  }

  @Get('cases/:id/intake-links')
  @Can('intake:links')
  @Returns(z.object({ items: z.array(intakeLink) }))
  async links(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return { items: await this.intake.links(actor, id) };
  }

  @Delete('intake-links/:id')
  @Can('intake:links')
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string): Promise<void> {
    await this.intake.revokeLink(actor, id);
  }

  @Get('cases/:id/intake-reports')
  @Can('intake:triage')
  @Returns(intakeReportPage)
  reports(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(intakeReportListQuery) query: IntakeReportListQuery) {
    return this.triage.list(actor, id, query);
  }

  @Get('intake-reports/:id/files/:fileId')
  @Can('intake:triage')
  @ApiProduces('application/octet-stream')
  async file(
    @CurrentActor() actor: Actor,
    @ZodParam('id', uuid) id: string,
    @ZodParam('fileId', uuid) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.triage.openFile(actor, id, fileId);
    reply.header('content-type', file.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mimeType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', contentDisposition('attachment', file.name));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(file.stream);
  }

  @Post('intake-reports/:id/convert')
  @Can('intake:triage')
  @Returns(intakeConverted, 201)
  convert(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(convertIntakeRequest) body: ConvertIntakeRequest) {
    return this.triage.convert(actor, id, body);
  }
}
