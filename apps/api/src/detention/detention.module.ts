import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactEventVersionEntity } from './contact-event-version.entity';
import { ContactCorrectionsController } from './contact-corrections.controller';
import { ContactCorrectionsRepository } from './contact-corrections.repository';
import { ContactCorrectionsService } from './contact-corrections.service';
import { Module, OnModuleInit } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ALERT_OPENER } from './alert-opener';
import { ContactController } from './contact.controller';
import { ContactLogRepository } from './contact-log.repository';
import { ContactLogService } from './contact-log.service';
import { DetentionDemo } from './detention.demo';
import { DetentionTimeline } from './detention-timeline';
import { DocumentsDraftSink } from './documents-draft-sink';
import { DocumentsModule } from '../documents/documents.module';
import { GENERATED_DOCUMENT_SINK } from './generated-document-sink';
import { LegalActionsController } from './legal-actions.controller';
import { LegalActionsRepository } from './legal-actions.repository';
import { LegalActionDrafts } from './legal-action-drafts';
import { LegalActionProposals } from './legal-action-proposals';
import { LegalActionsService } from './legal-actions.service';
import { LegalTemplatesController } from './legal-templates.controller';
import { LegalTemplatesRepository } from './legal-templates.repository';
import { LegalTemplatesService } from './legal-templates.service';
import { MedicalNoContactAlerts } from './medical-no-contact-alerts';
import { NoContactWatch } from './no-contact-watch.service';
import { MedicalModule } from '../medical/medical.module';
import { MedicalIncidentsService } from '../medical/medical-incidents.service';

/**
 * Life in detention: contact log, legal actions and their templates, the "no contact" watch.
 * No-contact alerts go to the medical alerts inbox; new medical incidents get legal steps proposed.
 */
@Module({
  imports: [CasesModule, MedicalModule, DocumentsModule, TypeOrmModule.forFeature([ContactEventVersionEntity])],
  controllers: [ContactController, ContactCorrectionsController, LegalActionsController, LegalTemplatesController],
  providers: [
    ContactCorrectionsService,
    ContactCorrectionsRepository,
    ContactLogService,
    ContactLogRepository,
    LegalActionsRepository,
    LegalActionsService,
    LegalActionProposals,
    LegalActionDrafts,
    LegalTemplatesRepository,
    LegalTemplatesService,
    NoContactWatch,
    DetentionTimeline,
    DetentionDemo,
    DocumentsDraftSink,
    MedicalNoContactAlerts,
    { provide: GENERATED_DOCUMENT_SINK, useExisting: DocumentsDraftSink },
    { provide: ALERT_OPENER, useExisting: MedicalNoContactAlerts },
  ],
  exports: [LegalActionsService, ContactLogService],
})
export class DetentionModule implements OnModuleInit {
  constructor(
    private readonly incidents: MedicalIncidentsService,
    private readonly proposals: LegalActionProposals,
  ) {}

  /** Each new medical incident gets its usual legal steps proposed, in the incident's own transaction. */
  onModuleInit(): void {
    this.incidents.onIncidentCreated(async (incident, manager) => {
      await this.proposals.proposeForMedicalIncident(incident, manager);
    });
  }
}
