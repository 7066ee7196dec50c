import { DashboardRegistry } from '../dashboard/dashboard.registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DocumentsModule } from '../documents/documents.module';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';
import { CampaignGoalsRepository } from './campaign-goals.repository';
import { CampaignTextsRepository } from './campaign-texts.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignTextsService } from './campaign-texts.service';
import { CampaignsService } from './campaigns.service';
import { CaseMoneyController } from './case-money.controller';
import { DonationsController } from './donations.controller';
import { DonationsDemo } from './donations.demo';
import { DonationsRepository } from './donations.repository';
import { DonationsService } from './donations.service';
import { ExpensesService } from './expenses.service';
import { DonorMails } from './donor-mails';
import { DonorLinksRepository } from './donor-links.repository';
import { DonorSelfServiceController } from './donor-self-service.controller';
import { DonorSelfService } from './donor-self-service.service';
import { FundSettingsRepository } from './fund-settings.repository';
import { FundSettingsService } from './fund-settings.service';
import { LedgerExport } from './ledger-export.service';
import { LedgerLinesRepository } from './ledger-lines.repository';
import { ExpensesRepository } from './expenses.repository';
import { MoneyAttentionRepository } from './money-attention.repository';
import { MoneyLedgerRepository } from './money-ledger.repository';
import { MoneyLedger } from './money-ledger.service';
import { PublicCampaignsController } from './public-campaigns.controller';
import { Reconciliation } from './reconciliation.service';
import { StripeEventEffects } from './stripe-event-effects';
import { StripeEventsRepository } from './stripe-events.repository';
import { StripeEvents } from './stripe-events.service';
import { StripeFees } from './stripe-fees.service';
import { StripeGateway } from './stripe-gateway.service';

/** Donations, Stripe, expenses and the per-case fund ledger. */
@Module({
  imports: [CasesModule, DocumentsModule],
  controllers: [PublicCampaignsController, DonationsController, CaseMoneyController, DonorSelfServiceController],
  providers: [
    CampaignGoalsRepository,
    CampaignsService,
    CampaignTextsService,
    CampaignTextsRepository,
    CampaignsRepository,
    DonationsRepository,
    DonationsService,
    DonorMails,
    DonorLinksRepository,
    DonorSelfService,
    FundSettingsRepository,
    FundSettingsService,
    ExpensesService,
    LedgerExport,
    LedgerLinesRepository,
    MoneyAttentionRepository,
    ExpensesRepository,
    MoneyLedger,
    MoneyLedgerRepository,
    Reconciliation,
    StripeEvents,
    StripeEventsRepository,
    StripeEventEffects,
    StripeFees,
    StripeGateway,
    DonationsDemo,
  ],
  exports: [DonationsService, CampaignsService, MoneyLedger, CampaignTextsService],
})
export class DonationsModule implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineRegistry,
    private readonly dashboard: DashboardRegistry,
    private readonly donations: DonationsService,
  ) {}

  onModuleInit(): void {
    this.dashboard.register({ key: 'raisedThisMonth', capability: 'money:read', compute: (actor) => this.donations.raisedThisMonthFor(actor) });
    // Milestones are rows written when they happen (first donation, goal thresholds, paid expenses).
    // The key says which milestone it is (first_donation, goal:<currency>:<percent>, expense:<id>); its text comes from the key.
    this.timeline.register({
      type: 'money',
      capability: 'money:read',
      sql: () => `select m.case_id, m.at,
          case when m.key = 'first_donation' then 'money.firstDonation' when m.key like 'goal:%' then 'money.goal' else 'money.expense' end as event,
          case when m.key like 'goal:%' then jsonb_build_object('currency', split_part(m.key, ':', 2), 'percent', split_part(m.key, ':', 3)::int)
               when m.key like 'expense:%' then jsonb_build_object('category', x.category, 'amount', jsonb_build_object('amountMinor', x.amount_minor, 'currency', x.currency))
               else '{}'::jsonb end as params,
          m.id::text as ref
        from money_milestones m left join expenses x on m.key like 'expense:%' and x.id::text = split_part(m.key, ':', 2)`,
    });
  }
}
