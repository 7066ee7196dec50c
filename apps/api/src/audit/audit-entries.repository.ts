import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/** One line to append to the audit log; its time, id and hash-chain link are the database's. */
export type NewAuditEntry = Pick<AuditEntryEntity, 'actorId' | 'ip' | 'action' | 'entityType' | 'entityId' | 'details'>;

/** Appends to the audit log (a trigger refuses UPDATE and DELETE), on the caller's transaction when given one. */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async append(entries: NewAuditEntry[], manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    // TypeORM's deep-partial type cannot express a free-form jsonb object; the column takes any JSON.
    await repository.insert(entries.map((entry) => ({ ...entry, details: entry.details as object })));
  }
}
