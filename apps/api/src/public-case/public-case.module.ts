import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DonationsModule } from '../donations/donations.module';
import { SolidarityModule } from '../solidarity/solidarity.module';
import { CaseUpdatesRepository } from './case-updates.repository';
import { CaseUpdatesService } from './case-updates.service';
import { PublicCaseController } from './public-case.controller';
import { PublicCaseDemo } from './public-case.demo';
import { PublicCaseRepository } from './public-case.repository';
import { PublicCaseService } from './public-case.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';
import { PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';

/** The public side of a case: its public page and Atom feed, and updates published after legal review. */
@Module({
  imports: [CasesModule, DonationsModule, SolidarityModule],
  controllers: [PublicCaseController, SubscriptionsController],
  providers: [
    CaseUpdatesRepository,
    CaseUpdatesService,
    PublicCaseRepository,
    PublicCaseService,
    PublicCaseDemo,
    PublicRateLimitRepository,
    SubscriptionsRepository,
    SubscriptionsService,
  ],
})
export class PublicCaseModule {}
