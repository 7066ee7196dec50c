import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ALERT_OPENER } from './alert-opener';
import { ContactController } from './contact.controller';
import { ContactLogService } from './contact-log.service';
import { DetentionDemo } from './detention.demo';
import { DetentionTimeline } from './detention-timeline';
import { FallbackDraftStore } from './fallback-draft-store';
import { FallbackNoContactAlerts } from './fallback-no-contact-alerts';
import { GENERATED_DOCUMENT_SINK } from './generated-document-sink';
import { GeneratedDraftsService } from './generated-drafts.service';
import { LegalActionsController } from './legal-actions.controller';
import { LegalActionsService } from './legal-actions.service';
import { LegalTemplatesController } from './legal-templates.controller';
import { LegalTemplatesService } from './legal-templates.service';
import { NoContactWatch } from './no-contact-watch.service';

/**
 * Life in detention: contact log, legal actions and their templates, the "no contact" watch.
 * Seams for other areas: GENERATED_DOCUMENT_SINK (documents) and ALERT_OPENER (medical alerts) are
 * bound to fallbacks here; LegalActionsService.proposeForMedicalIncident is for the medical area.
 */
@Module({
  imports: [CasesModule],
  controllers: [ContactController, LegalActionsController, LegalTemplatesController],
  providers: [
    ContactLogService,
    LegalActionsService,
    LegalTemplatesService,
    NoContactWatch,
    DetentionTimeline,
    DetentionDemo,
    GeneratedDraftsService,
    FallbackDraftStore,
    FallbackNoContactAlerts,
    { provide: GENERATED_DOCUMENT_SINK, useExisting: FallbackDraftStore },
    { provide: ALERT_OPENER, useExisting: FallbackNoContactAlerts },
  ],
  exports: [LegalActionsService],
})
export class DetentionModule {}
