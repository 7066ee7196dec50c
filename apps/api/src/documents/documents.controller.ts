import { Controller, Get, Patch, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { documentDetail, documentListQuery, documentPage, downloadQuery, updateDocumentRequest, uuid, caseRef } from '@habeas/contracts';
import type { DocumentListQuery, DownloadQuery, UpdateDocumentRequest } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { AppConfig } from '../config/app-config';
import { contentDisposition } from './content-disposition';
import { DocumentsService, UploadReader } from './documents.service';
import { receiveUpload } from './upload-receiver';

const previewable = /^(application\/pdf|image\/(jpeg|png))$/;

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  @Get('cases/:id/documents')
  @Can('documents:read')
  @Returns(documentPage)
  listOfCase(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(documentListQuery) query: DocumentListQuery) {
    return this.documents.list(actor, id, query);
  }

  @Post('cases/:id/documents')
  @Can('documents:write')
  @ApiConsumes('multipart/form-data')
  @Returns(documentDetail, 201)
  create(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @Req() request: FastifyRequest) {
    return this.documents.create(actor, id, this.readerOf(request));
  }

  @Get('documents')
  @Can('documents:read')
  @Returns(documentPage)
  list(@CurrentActor() actor: Actor, @ZodQuery(documentListQuery) query: DocumentListQuery) {
    return this.documents.list(actor, undefined, query);
  }

  @Get('documents/:id')
  @Can('documents:read')
  @Returns(documentDetail)
  get(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.documents.get(actor, id);
  }

  @Patch('documents/:id')
  @Can('documents:write')
  @Returns(documentDetail)
  update(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(updateDocumentRequest) body: UpdateDocumentRequest) {
    return this.documents.update(actor, id, body);
  }

  @Post('documents/:id/versions')
  @Can('documents:write')
  @ApiConsumes('multipart/form-data')
  @Returns(documentDetail, 201)
  addVersion(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @Req() request: FastifyRequest) {
    return this.documents.addVersion(actor, id, this.readerOf(request));
  }

  @Get('documents/:id/download')
  @Can('documents:read')
  @ApiProduces('application/octet-stream')
  async download(
    @CurrentActor() actor: Actor,
    @ZodParam('id', uuid) id: string,
    @ZodQuery(downloadQuery) query: DownloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const wantsInline = query.inline === '1' || query.inline === 'true';
    const file = await this.documents.open(actor, id, query.version, wantsInline);
    const inline = wantsInline && previewable.test(file.mimeType);
    reply.header('content-type', file.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mimeType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.originalName));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    reply.header('x-content-sha256', file.sha256);
    return new StreamableFile(file.stream);
  }

  private readerOf(request: FastifyRequest): UploadReader {
    return (tempPath) => receiveUpload(request, tempPath, this.config.uploadMaxBytes);
  }
}
