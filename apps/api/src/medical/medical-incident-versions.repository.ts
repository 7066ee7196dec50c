import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MedicalIncidentEntity } from './medical-incident.entity';
import { MedicalIncidentVersionEntity } from './medical-incident-version.entity';
import { openVersion, sealVersion, type OpenedVersion } from '../common/corrections/sealed-version';

const TABLE = 'medical_incident_versions';

/** Corrected incidents: the record locked for a correction, and the sealed earlier versions. */
@Injectable()
export class MedicalIncidentVersionsRepository {
  constructor(@InjectRepository(MedicalIncidentVersionEntity) private readonly versions: Repository<MedicalIncidentVersionEntity>) {}

  lockIncident(manager: EntityManager, id: string): Promise<MedicalIncidentEntity | null> {
    return manager.getRepository(MedicalIncidentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Keeps the version being replaced (sealed), then stores the corrected record under the next version number. */
  async replace(
    manager: EntityManager,
    previous: MedicalIncidentEntity,
    corrected: MedicalIncidentEntity,
    kept: { content: Record<string, unknown>; reason: string; correctedBy: string },
  ): Promise<void> {
    const sealed = sealVersion(TABLE, kept.content, kept.reason);
    await manager
      .getRepository(MedicalIncidentVersionEntity)
      .insert({ ...sealed, incidentId: previous.id, version: previous.version, correctedBy: kept.correctedBy });
    await manager.getRepository(MedicalIncidentEntity).save({ ...corrected, version: previous.version + 1 });
  }

  /** Earlier versions, newest first, with the name of whoever replaced each. */
  async listFor(incidentId: string): Promise<OpenedVersion[]> {
    const rows = await this.versions.find({ where: { incidentId }, order: { version: 'DESC' } });
    const ids = [...new Set(rows.map((row) => row.correctedBy).filter((id): id is string => id !== null))];
    const names: Array<{ id: string; name: string }> = ids.length
      ? await this.versions.manager.query(`select id, name from users where id = any($1::uuid[])`, [ids])
      : [];
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    return rows.map((row) => ({
      version: row.version,
      ...openVersion(TABLE, row),
      correctedAt: row.correctedAt,
      correctedByName: row.correctedBy ? (nameOf.get(row.correctedBy) ?? null) : null,
    }));
  }
}
