import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PublicRateLimitRepository } from '../common/rate/public-rate-limit.repository';
import { DocumentsModule } from '../documents/documents.module';
import { SolidarityController } from './solidarity.controller';
import { SolidarityDemo } from './solidarity.demo';
import { SolidarityRepository } from './solidarity.repository';
import { SolidarityService } from './solidarity.service';

/** Anonymous solidarity posts on a case's public page, with moderation by the members of the case. */
@Module({
  imports: [CasesModule, DocumentsModule],
  controllers: [SolidarityController],
  providers: [PublicRateLimitRepository, SolidarityRepository, SolidarityService, SolidarityDemo],
  exports: [SolidarityService],
})
export class SolidarityModule {}
