import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { caseRef, receiptListQuery, receiptOption, receiptPage } from '@habeas/contracts';
import type { ReceiptListQuery } from '@habeas/contracts';
import type { FastifyRequest } from 'fastify';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { AppConfig } from '../config/app-config';
import { ReceiptsService } from './receipts.service';
import { receiveUpload } from './upload-receiver';

/** A case's receipts for those who record expenses: names to choose from, and an upload that files one. */
@ApiTags('donations')
@Controller()
export class ReceiptsController {
  constructor(
    private readonly receipts: ReceiptsService,
    private readonly config: AppConfig,
  ) {}

  @Get('cases/:id/receipts')
  @Can('money:write')
  @Returns(receiptPage)
  list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(receiptListQuery) query: ReceiptListQuery) {
    return this.receipts.list(actor, id, query);
  }

  @Post('cases/:id/receipts')
  @Can('money:write')
  @ApiConsumes('multipart/form-data')
  @Returns(receiptOption, 201)
  upload(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @Req() request: FastifyRequest) {
    return this.receipts.upload(actor, id, (tempPath) => receiveUpload(request, tempPath, this.config.uploadMaxBytes));
  }
}
