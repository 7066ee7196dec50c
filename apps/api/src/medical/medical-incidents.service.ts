import { assessVitals, type CreateIncidentRequest, type MedicalIncident, type Page, type PageQuery } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination';
import { alertSeverityFor } from './incident-alert-rule';
import { MedicalAlertsService } from './medical-alerts.service';
import { sealIncident } from './medical-incident-seal';
import { MedicalIncidentsRepository, toIncident } from './medical-incidents.repository';

/** What other areas learn of a new incident: never its sealed description, vitals or outcome. */
export interface CreatedIncident {
  caseId: string;
  incidentId: string;
  type: string;
  severity: 'low' | 'moderate' | 'high' | 'critical';
  occurredAt: Date;
  facility: string | null;
}
export type IncidentCreatedHook = (incident: CreatedIncident, manager: EntityManager) => Promise<void>;

/** Medical incidents of a case: sealed at rest, every read audited, alarming ones open an alert. */
@Injectable()
export class MedicalIncidentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidents: MedicalIncidentsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly alerts: MedicalAlertsService,
  ) {}

  private readonly createdHooks: IncidentCreatedHook[] = [];

  /** Lets another area act on each new incident inside its transaction (life in detention proposes legal steps). */
  onIncidentCreated(hook: IncidentCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** Stores the incident, its audit entry and (when the rules say so) its alert in one transaction. */
  async create(actor: Actor, caseIdOrSlug: string, request: CreateIncidentRequest): Promise<MedicalIncident> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'medical:write');
    const saved = await this.db.transaction(async (tx) => {
      const id = randomUUID();
      const entity = await this.incidents.insert(tx, {
        id,
        caseId: theCase.id,
        occurredAt: new Date(request.occurredAt),
        type: request.type,
        severity: request.severity,
        source: request.source,
        facility: request.facility ?? null,
        ...sealIncident(id, { description: request.description, outcome: request.outcome ?? null, vitals: request.vitals }),
        followUpNeeded: request.followUpNeeded,
        createdBy: actor.id,
      });
      await this.audit.record(
        actor,
        { action: 'medical_incident.create', entityType: 'medical_incident', entityId: entity.id, details: { type: entity.type, severity: entity.severity } },
        tx,
      );
      const created = {
        caseId: theCase.id,
        incidentId: entity.id,
        type: entity.type,
        severity: entity.severity,
        occurredAt: entity.occurredAt,
        facility: entity.facility,
      };
      for (const hook of this.createdHooks) await hook(created, tx);
      return entity;
    });
    const { knownConditions } = await this.alerts.settingsOf(theCase.id);
    const alertSeverity = alertSeverityFor(request, assessVitals(request.vitals, knownConditions).severity);
    if (alertSeverity) {
      await this.alerts.openAlert(actor, { caseId: theCase.id, kind: 'incident', incidentId: saved.id, severity: alertSeverity, reason: request.type });
    }
    return toIncident((await this.incidents.byId(saved.id)) ?? saved);
  }

  async list(actor: Actor, caseIdOrSlug: string, query: PageQuery): Promise<Page<MedicalIncident>> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'medical:read');
    const rows = await this.incidents.page(theCase.id, query.limit + 1, decodeCursor(query.cursor));
    const page = toPage(rows, query.limit, (row) => ({ key: row.occurredAt.toISOString(), id: row.id }), toIncident);
    await this.audit.recordReads(
      actor,
      'medical_incident',
      page.items.map((item) => item.id),
    );
    return page;
  }

  async get(actor: Actor, id: string): Promise<MedicalIncident> {
    const entity = await this.incidents.byId(id);
    await this.access.assertRecord(actor, entity?.caseId, 'medical:read', 'Incident');
    await this.audit.recordReads(actor, 'medical_incident', [entity!.id]);
    return toIncident(entity!);
  }
}
