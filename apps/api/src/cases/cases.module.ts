import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseAccess } from './case-access.service';
import { CaseVersions } from './case-versions.repository';
import { CaseEntity } from './case.entity';
import { CaseMemberEntity } from './case-member.entity';
import { FacilityEntity } from './facility.entity';
import { PersonEntity } from './person.entity';
import { CasesController } from './cases.controller';
import { CasesDemo } from './cases.demo';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { TimelineRegistry } from './timeline/timeline.registry';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseMemberEntity, PersonEntity, FacilityEntity])],
  controllers: [CasesController],
  providers: [CaseAccess, CasesRepository, CaseVersions, CasesService, CasesDemo, TimelineRegistry, TimelineRepository, TimelineService],
  exports: [CaseAccess, CaseVersions, CasesService, TimelineRegistry, TimelineService],
})
export class CasesModule {}
