import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  donationItem,
  donationListQuery,
  donationPage,
  donationSummary,
  exportQuery,
  ledgerPage,
  ledgerQuery,
  offlineDonationRequest,
  pageQuery,
  reconciliationResult,
  stripeIssuePage,
  uuid,
} from '@habeas/contracts';
import type { DonationListQuery, ExportQuery, LedgerQuery, PageQuery } from '@habeas/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { DonationsService } from './donations.service';
import { LedgerExport } from './ledger-export.service';
import { Reconciliation } from './reconciliation.service';

@ApiTags('donations')
@Controller()
export class DonationsController {
  constructor(
    private readonly donations: DonationsService,
    private readonly exports: LedgerExport,
    private readonly reconciliation: Reconciliation,
  ) {}

  @Get('donations')
  @Can('money:read')
  @Returns(donationPage)
  list(@CurrentActor() actor: Actor, @ZodQuery(donationListQuery) query: DonationListQuery) {
    return this.donations.list(actor, query);
  }

  @Get('donations/summary')
  @Can('money:read')
  @Returns(donationSummary)
  summary(@CurrentActor() actor: Actor, @ZodQuery(z.object({ caseId: uuid.optional() })) query: { caseId?: string }) {
    return this.donations.summary(actor, query.caseId);
  }

  @Get('donations/export.csv')
  @Can('money:read')
  async export(@CurrentActor() actor: Actor, @ZodQuery(exportQuery) query: ExportQuery, @Res() reply: FastifyReply) {
    const stream = await this.exports.open(actor, query);
    const name = `habeas-ledger${query.from ? `-${query.from}` : ''}${query.to ? `-to-${query.to}` : ''}.csv`;
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(stream);
  }

  /** The ledger screen: the export's lines with a running balance, paged and filtered like the export. */
  @Get('donations/ledger')
  @Can('money:read')
  @Returns(ledgerPage)
  ledger(@CurrentActor() actor: Actor, @ZodQuery(ledgerQuery) query: LedgerQuery) {
    return this.exports.page(actor, query);
  }

  @Post('donations/offline')
  @Can('money:write')
  @Returns(donationItem, 201)
  offline(@CurrentActor() actor: Actor, @ZodBody(offlineDonationRequest) body: z.infer<typeof offlineDonationRequest>) {
    return this.donations.recordOffline(actor, body);
  }

  @Post('donations/reconciliation')
  @Can('money:write')
  @HttpCode(200)
  @Returns(reconciliationResult)
  reconcileNow() {
    return this.reconciliation.run();
  }

  /** Signed Stripe events that could not be applied yet, with the reason; reconciliation retries them. */
  @Get('donations/attention')
  @Can('money:read')
  @Returns(stripeIssuePage)
  needsAttention(@ZodQuery(pageQuery) query: PageQuery) {
    return this.donations.stripeIssues(query);
  }

  @Get('donations/:id')
  @Can('money:read')
  @Returns(donationItem)
  get(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.donations.get(actor, id);
  }

  @Post('donors/erase-all')
  @Can('users:manage')
  @HttpCode(200)
  eraseAll(@CurrentActor() actor: Actor) {
    return this.donations.eraseAllDonors(actor);
  }

  @Post('donors/:id/erase')
  @Can('money:write')
  @HttpCode(204)
  async erase(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    await this.donations.eraseDonor(actor, id);
  }
}
