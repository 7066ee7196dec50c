import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';
import { DetentionModule } from '../detention/detention.module';
import { DocumentsModule } from '../documents/documents.module';
import { MedicalModule } from '../medical/medical.module';
import { IntakeController } from './intake.controller';
import { IntakeDemo } from './intake.demo';
import { IntakeRepository } from './intake.repository';
import { IntakeTriageService } from './intake-triage.service';
import { IntakeService } from './intake.service';
import { PublicIntakeController } from './public-intake.controller';

/** Family intake: links for relatives, their reports and files, the team's triage inbox, emergency alerts. */
@Module({
  imports: [CasesModule, MedicalModule, DocumentsModule, DetentionModule],
  controllers: [IntakeController, PublicIntakeController],
  providers: [PublicRateLimitRepository, IntakeRepository, IntakeService, IntakeTriageService, IntakeDemo],
})
export class IntakeModule {}
