import { DashboardRegistry } from '../dashboard/dashboard.registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../auth/sessions.module';
import { CasesModule } from '../cases/cases.module';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';
import { MedicalAlertHooks } from './medical-alert-hooks';
import { MedicalAlertStreamService } from './medical-alert-stream.service';
import { MedicalAlertsRepository } from './medical-alerts.repository';
import { MedicalAlertsService } from './medical-alerts.service';
import { MedicalDemo } from './medical.demo';
import { MedicalController } from './medical.controller';
import { MedicalIncidentEntity } from './medical-incident.entity';
import { MedicalIncidentVersionEntity } from './medical-incident-version.entity';
import { MedicalCorrectionsController } from './medical-corrections.controller';
import { MedicalIncidentCorrectionsService } from './medical-incident-corrections.service';
import { MedicalIncidentVersionsRepository } from './medical-incident-versions.repository';
import { MedicalIncidentsRepository } from './medical-incidents.repository';
import { MedicalIncidentsService } from './medical-incidents.service';

@Module({
  imports: [TypeOrmModule.forFeature([MedicalIncidentEntity, MedicalIncidentVersionEntity]), CasesModule, AuditModule, SessionsModule],
  controllers: [MedicalController, MedicalCorrectionsController],
  providers: [
    MedicalIncidentsService,
    MedicalIncidentsRepository,
    MedicalIncidentCorrectionsService,
    MedicalIncidentVersionsRepository,
    MedicalAlertsService,
    MedicalAlertHooks,
    MedicalAlertsRepository,
    MedicalAlertStreamService,
    MedicalDemo,
  ],
  exports: [MedicalAlertsService, MedicalIncidentsService, MedicalAlertHooks],
})
export class MedicalModule implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineRegistry,
    private readonly dashboard: DashboardRegistry,
    private readonly alerts: MedicalAlertsService,
  ) {}

  /** Titles say type and severity only: descriptions are sealed and never leave the incident itself. */
  onModuleInit(): void {
    this.dashboard.register({
      key: 'openMedicalAlerts',
      capability: 'alerts:work',
      compute: async (actor) => {
        const counts = await this.alerts.unresolvedCountsFor(actor);
        return counts.open + counts.inProgress;
      },
    });
    this.timeline.register({
      type: 'medical_incident',
      capability: 'medical:read',
      sql: () =>
        `select case_id, occurred_at as at, 'medical_incident' as event, jsonb_build_object('type', type, 'severity', severity) as params, id::text as ref from medical_incidents`,
    });
    this.timeline.register({
      type: 'medical_alert',
      capability: 'medical:read',
      sql: () =>
        `select case_id, opened_at as at, 'medical_alert' as event, jsonb_build_object('severity', severity, 'status', status) as params, id::text as ref from medical_alerts`,
    });
  }
}
