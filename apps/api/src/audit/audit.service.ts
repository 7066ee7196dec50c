import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, AuditContext } from '../common/auth/actor';
import { AuditEntriesRepository } from './audit-entries.repository';

export const auditEntityTypes = [
  'case',
  'document',
  'medical_incident',
  'medical_alert',
  'donation',
  'user',
  'session',
  'expense',
  'donor',
  'contact_event',
  'legal_action',
  'legal_template',
  'no_contact_alert',
  'bank_statement',
  'bank_transfer',
  'on_call_policy',
  'intake_link',
  'intake_report',
  'solidarity_post',
  'subscriber',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** A signed-in actor, or an explicit context (the system, or a not-yet-signed-in visitor). */
export type AuditWho = Actor | AuditContext;

function contextOf(who: AuditWho): AuditContext {
  return 'actorId' in who ? who : { actorId: who.id, ip: who.ip };
}

export interface AuditEvent {
  action: string;
  entityType: AuditEntityType;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The one way any area writes the audit log: changes, sign-ins, and reads of
 * sensitive records. Pass the transaction's manager when the change is part of one.
 */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditEntriesRepository) {}

  async record(who: AuditWho, event: AuditEvent, manager?: EntityManager): Promise<void> {
    await this.recordMany(who, [event], manager);
  }

  /** Records a read of each listed record (e.g. every incident shown in a list). */
  async recordReads(who: AuditWho, entityType: AuditEntityType, ids: string[], action = `${entityType}.read`): Promise<void> {
    await this.recordMany(
      who,
      ids.map((entityId) => ({ action, entityType, entityId })),
    );
  }

  private async recordMany(who: AuditWho, events: AuditEvent[], manager?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const { actorId, ip } = contextOf(who);
    await this.entries.append(
      events.map((event) => ({
        actorId,
        ip,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        details: event.details ?? {},
      })),
      manager,
    );
  }
}
