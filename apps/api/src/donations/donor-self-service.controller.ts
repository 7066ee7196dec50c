import { Controller, Get, HttpCode, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { changeGiftRequest, donorGift, donorGifts, fundSettings, receiptQuery, uuid } from '@habeas/contracts';
import type { ChangeGiftRequest, FundSettings } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor, Public } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { DonorSelfService } from './donor-self-service.service';
import { FundSettingsService } from './fund-settings.service';

/** Any string may be tried; an unknown one is 404 like a revoked one. */
const token = z.string().min(1).max(200);

@ApiTags('donations')
@Controller()
export class DonorSelfServiceController {
  constructor(
    private readonly donors: DonorSelfService,
    private readonly fund: FundSettingsService,
  ) {}

  @Get('public/donor-links/:token')
  @Public()
  @Returns(donorGifts)
  gifts(
    @ZodParam('token', token) linkToken: string,
    @ZodQuery(receiptQuery) query: z.infer<typeof receiptQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'private, no-store');
    return this.donors.gifts(linkToken, query.language);
  }

  @Get('public/donor-links/:token/receipts/:id')
  @Public()
  @ApiProduces('application/pdf')
  async receipt(
    @ZodParam('token', token) linkToken: string,
    @ZodParam('id', uuid) id: string,
    @ZodQuery(receiptQuery) query: z.infer<typeof receiptQuery>,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.donors.receiptPdf(linkToken, id, query.language);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  }

  @Post('public/donor-links/:token/gifts/:id/cancel')
  @Public()
  @HttpCode(200)
  @Returns(donorGift)
  cancel(@ZodParam('token', token) linkToken: string, @ZodParam('id', uuid) id: string, @Req() request: FastifyRequest) {
    return this.donors.cancel(linkToken, id, request.ip);
  }

  @Patch('public/donor-links/:token/gifts/:id')
  @Public()
  @Returns(donorGift)
  change(
    @ZodParam('token', token) linkToken: string,
    @ZodParam('id', uuid) id: string,
    @ZodBody(changeGiftRequest) body: ChangeGiftRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.donors.changeAmount(linkToken, id, body.amountMinor, request.ip);
  }

  @Get('fund-settings')
  @Can('money:read')
  @Returns(fundSettings)
  settings() {
    return this.fund.current();
  }

  @Put('fund-settings')
  @Can('money:write')
  @Returns(fundSettings)
  saveSettings(@CurrentActor() actor: Actor, @ZodBody(fundSettings) body: FundSettings) {
    return this.fund.save(actor, body);
  }
}
