import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CorrectIncidentRequest, MedicalIncident, RecordVersions } from '@habeas/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { fieldsToCorrect } from '../common/corrections/changed-fields';
import { toRecordVersions } from '../common/corrections/sealed-version';
import { NotFound } from '../common/http/domain-error';
import type { Capability } from '@habeas/contracts';
import { MedicalIncidentEntity } from './medical-incident.entity';
import { openIncident, sealIncident } from './medical-incident-seal';
import { MedicalIncidentVersionsRepository } from './medical-incident-versions.repository';
import { MedicalIncidentsRepository, toIncident } from './medical-incidents.repository';

/** What a version of an incident said (everything a correction may change). */
function contentOf(entity: MedicalIncidentEntity): Record<string, unknown> {
  const { occurredAt, type, severity, source, facility, description, outcome, vitals, followUpNeeded } = toIncident(entity);
  return { occurredAt, type, severity, source, facility, description, outcome, vitals, followUpNeeded };
}

/**
 * Corrections of medical incidents after the fact: a medical record is never silently rewritten. Each correction
 * keeps the version it replaces (sealed, with who, when and why) and is audited with the fields it changed.
 */
@Injectable()
export class MedicalIncidentCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: MedicalIncidentVersionsRepository,
    private readonly incidents: MedicalIncidentsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /** Applies the correction in one transaction with its earlier version and audit entry. */
  async correct(actor: Actor, id: string, request: CorrectIncidentRequest): Promise<MedicalIncident> {
    await this.visible(actor, id, 'medical:write');
    const { reason, ...patch } = request;
    const corrected = await this.db.transaction(async (tx) => {
      const current = await this.versions.lockIncident(tx, id);
      if (!current) throw new NotFound('Incident');
      const fields = fieldsToCorrect(contentOf(current), patch);
      const secrets = openIncident(current);
      const next: MedicalIncidentEntity = {
        ...current,
        occurredAt: patch.occurredAt ? new Date(patch.occurredAt) : current.occurredAt,
        type: patch.type ?? current.type,
        severity: patch.severity ?? current.severity,
        source: patch.source ?? current.source,
        facility: patch.facility === undefined ? current.facility : patch.facility,
        followUpNeeded: patch.followUpNeeded ?? current.followUpNeeded,
        ...sealIncident(id, {
          description: patch.description ?? secrets.description,
          outcome: patch.outcome === undefined ? secrets.outcome : patch.outcome,
          vitals: patch.vitals ?? secrets.vitals,
        }),
      };
      await this.versions.replace(tx, current, next, { content: contentOf(current), reason, correctedBy: actor.id });
      await this.audit.record(
        actor,
        { action: 'medical_incident.correct', entityType: 'medical_incident', entityId: id, details: { version: current.version + 1, fields } },
        tx,
      );
      return (await this.incidents.byId(id, tx))!;
    });
    return toIncident(corrected);
  }

  /** The earlier versions of an incident, newest first; reading them is audited like reading the incident. */
  async history(actor: Actor, id: string): Promise<RecordVersions> {
    await this.visible(actor, id, 'medical:read');
    const rows = await this.versions.listFor(id);
    await this.audit.record(actor, { action: 'medical_incident.read', entityType: 'medical_incident', entityId: id, details: { versions: rows.length } });
    return toRecordVersions(rows);
  }

  /** 404 for an incident the actor may not see, exactly as for one that does not exist. */
  private async visible(actor: Actor, id: string, capability: Capability): Promise<void> {
    await this.access.assertRecord(actor, (await this.incidents.byId(id))?.caseId, capability, 'Incident');
  }
}
