import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { bankPledgeRequest, bankTransferQuery, publicBankTransfer } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toBuffer as qrPng } from 'qrcode';
import { z } from 'zod';
import { Public } from '../common/auth/access.decorators';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { BankDetailsService } from './bank-details.service';

const slug = z.string().trim().min(1).max(100);

@ApiTags('bank transfers')
@Controller('public/campaigns/:slug/bank-transfer')
export class PublicBankTransferController {
  constructor(private readonly details: BankDetailsService) {}

  @Get()
  @Public()
  @Returns(publicBankTransfer)
  transfer(@ZodParam('slug', slug) campaign: string, @ZodQuery(bankTransferQuery) query: z.output<typeof bankTransferQuery>) {
    return this.details.publicTransfer(campaign, query.amountMinor);
  }

  /** The same QR as a PNG a phone can save to its photos and open from the banking app. */
  @Get('qr.png')
  @Public()
  async png(@ZodParam('slug', slug) campaign: string, @ZodQuery(bankTransferQuery) query: z.output<typeof bankTransferQuery>, @Res() reply: FastifyReply) {
    const transfer = await this.details.publicTransfer(campaign, query.amountMinor);
    const png = await qrPng([{ data: Buffer.from(transfer.qrPayload, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
    return reply
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename="qr-${transfer.code}.png"`)
      .header('cache-control', 'no-store')
      .send(png);
  }

  @Post('pledges')
  @Public()
  @Returns(publicBankTransfer, 201)
  pledge(@ZodParam('slug', slug) campaign: string, @ZodBody(bankPledgeRequest) body: z.output<typeof bankPledgeRequest>, @Req() request: FastifyRequest) {
    return this.details.pledge(campaign, body, request.ip);
  }
}
