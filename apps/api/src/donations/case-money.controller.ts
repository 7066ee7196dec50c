import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  campaignSettings,
  campaignTextsRequest,
  caseFundraising,
  caseLedger,
  createExpenseRequest,
  expenseItem,
  expensePage,
  pageQuery,
  uuid,
} from '@habeas/contracts';
import type { CampaignSettings, CampaignTexts, PageQuery } from '@habeas/contracts';
import { z } from 'zod';
import { CaseAccess } from '../cases/case-access.service';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { CampaignTextsService } from './campaign-texts.service';
import { CampaignsService } from './campaigns.service';
import { ExpensesService } from './expenses.service';

const caseRef = z.string().trim().min(1).max(100);

@ApiTags('donations')
@Controller()
export class CaseMoneyController {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly campaigns: CampaignsService,
    private readonly access: CaseAccess,
    private readonly texts: CampaignTextsService,
  ) {}

  @Get('cases/:id/expenses')
  @Can('money:read')
  @Returns(expensePage)
  list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(pageQuery) query: PageQuery) {
    return this.expenses.list(actor, id, query);
  }

  @Post('cases/:id/expenses')
  @Can('money:write')
  @Returns(expenseItem, 201)
  create(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createExpenseRequest) body: z.infer<typeof createExpenseRequest>) {
    return this.expenses.create(actor, id, body);
  }

  @Post('expenses/:id/approve')
  @Can('money:write')
  @HttpCode(200)
  @Returns(expenseItem)
  approve(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.expenses.approve(actor, id);
  }

  @Get('cases/:id/ledger')
  @Can('money:read')
  @Returns(caseLedger)
  ledger(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.expenses.ledgerOf(actor, id);
  }

  /** Goals and progress per currency, one-off and monthly apart: whoever sees the case sees what its public page shows. */
  @Get('cases/:id/fundraising')
  @Can('cases:list')
  @Returns(caseFundraising)
  async fundraising(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    const theCase = await this.access.resolve(actor, id, 'cases:list');
    return this.campaigns.fundraisingOf(theCase.id);
  }

  @Get('cases/:id/campaign')
  @Can('money:read')
  @Returns(campaignSettings)
  async settings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    const theCase = await this.access.resolve(actor, id, 'money:read');
    return this.campaigns.settingsOf(theCase.id);
  }

  @Put('cases/:id/campaign')
  @Can('money:write')
  @Returns(campaignSettings)
  async saveSettings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(campaignSettings) body: CampaignSettings) {
    const theCase = await this.access.resolve(actor, id, 'money:write');
    return this.campaigns.saveSettings(theCase.id, body);
  }

  @Get('cases/:id/campaign/texts')
  @Can('money:read')
  @Returns(campaignTextsRequest)
  async campaignTexts(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    const theCase = await this.access.resolve(actor, id, 'money:read');
    return this.texts.textsOf(theCase.id);
  }

  @Put('cases/:id/campaign/texts')
  @Can('money:write')
  @Returns(campaignTextsRequest)
  async saveCampaignTexts(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(campaignTextsRequest) body: CampaignTexts) {
    const theCase = await this.access.resolve(actor, id, 'money:write');
    return this.texts.saveTexts(theCase.id, body);
  }
}
