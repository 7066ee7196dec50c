import type { MedicalIncident } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { KeysetCursor } from '../common/pagination';
import { MedicalIncidentEntity } from './medical-incident.entity';
import { openIncident } from './medical-incident-seal';

/** The incident as the contract shows it, its sealed fields opened. */
export function toIncident(entity: MedicalIncidentEntity): MedicalIncident {
  const { description, outcome, vitals } = openIncident(entity);
  return {
    id: entity.id,
    caseId: entity.caseId,
    occurredAt: entity.occurredAt.toISOString(),
    type: entity.type,
    severity: entity.severity,
    description,
    facility: entity.facility,
    outcome,
    source: entity.source,
    vitals,
    followUpNeeded: entity.followUpNeeded,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    version: entity.version,
  };
}

/** Medical incidents (description, outcome and vitals sealed by the caller). */
@Injectable()
export class MedicalIncidentsRepository {
  constructor(@InjectRepository(MedicalIncidentEntity) private readonly incidents: Repository<MedicalIncidentEntity>) {}

  insert(manager: EntityManager, incident: Partial<MedicalIncidentEntity>): Promise<MedicalIncidentEntity> {
    return manager.getRepository(MedicalIncidentEntity).save(incident);
  }

  byId(id: string, manager: EntityManager = this.incidents.manager): Promise<MedicalIncidentEntity | null> {
    return manager.getRepository(MedicalIncidentEntity).findOneBy({ id });
  }

  /** Up to `limit` incidents of a case, latest first, after `after` by (occurred_at, id). */
  page(caseId: string, limit: number, after: KeysetCursor | undefined): Promise<MedicalIncidentEntity[]> {
    const builder = this.incidents.createQueryBuilder('i').where('i.case_id = :caseId', { caseId });
    if (after) builder.andWhere('(i.occurred_at, i.id) < (:key::timestamptz, :id::uuid)', { key: after.key, id: after.id });
    return builder.orderBy('i.occurred_at', 'DESC').addOrderBy('i.id', 'DESC').limit(limit).getMany();
  }
}
