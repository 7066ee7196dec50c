import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DetentionModule } from '../detention/detention.module';
import { DocumentsModule } from '../documents/documents.module';
import { MedicalModule } from '../medical/medical.module';
import { ProceedingsModule } from '../proceedings/proceedings.module';
import { UsersModule } from '../users/users.module';
import { DocumentCustodyService } from './document-custody.service';
import { DossierCollector } from './dossier-collector';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';
import { EvidenceController } from './evidence.controller';

/** Evidence that stands up: case dossiers (PDF + originals + manifest) and each document's chain of custody. */
@Module({
  imports: [CasesModule, ProceedingsModule, MedicalModule, DetentionModule, DocumentsModule, UsersModule],
  controllers: [EvidenceController],
  providers: [DossiersRepository, DossierCollector, DocumentCustodyService, DossiersService],
})
export class EvidenceModule {}
