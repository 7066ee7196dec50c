import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DeadlineReminders } from './deadline-reminders';
import { FacilitiesController } from './facilities.controller';
import { FacilitiesRepository } from './facilities.repository';
import { ProceedingsController } from './proceedings.controller';
import { ProceedingsDemo } from './proceedings.demo';
import { ProceedingsRepository } from './proceedings.repository';
import { ProceedingsService } from './proceedings.service';
import { ProceedingsTimeline } from './proceedings.timeline';

/** Hearings, deadlines (with appeal-term suggestions and reminders), custody events and facilities of cases. */
@Module({
  imports: [CasesModule],
  controllers: [ProceedingsController, FacilitiesController],
  providers: [FacilitiesRepository, ProceedingsRepository, ProceedingsService, ProceedingsTimeline, DeadlineReminders, ProceedingsDemo],
  exports: [ProceedingsService],
})
export class ProceedingsModule {}
