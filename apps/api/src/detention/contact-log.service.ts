import type { ContactEvent, ContactEventCreated, ContactListQuery, ContactSettings, ContactTrend, CreateContactEventRequest, Page } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination';
import { ContactLogRepository, DEFAULT_NO_CONTACT_DAYS, toContactEvent } from './contact-log.repository';
import { LegalActionProposals } from './legal-action-proposals';

/** The contact log of a case: visits, calls, letters, parcels and commissary transfers. */
@Injectable()
export class ContactLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly proposals: LegalActionProposals,
    private readonly contacts: ContactLogRepository,
  ) {}

  async list(actor: Actor, caseRef: string, query: ContactListQuery): Promise<Page<ContactEvent>> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows = await this.contacts.page(theCase.id, query.limit + 1, decodeCursor(query.cursor), query.kind);
    return toPage(rows, query.limit, (row) => ({ key: row.occurred_key, id: row.id }), toContactEvent);
  }

  /** Logs the event, resolves a "no contact" alert it ends, and proposes the legal steps it calls for — one transaction. */
  async create(actor: Actor, caseRef: string, body: CreateContactEventRequest): Promise<ContactEventCreated> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    return this.db.transaction(async (manager) => {
      const event = await this.insert(manager, theCase.id, body, actor.id);
      await this.audit.record(
        actor,
        {
          action: 'contact_event.create',
          entityType: 'contact_event',
          entityId: event.id,
          details: { caseId: theCase.id, kind: event.kind, status: event.status },
        },
        manager,
      );
      await this.contacts.resolveNoContactAlerts(manager, theCase.id);
      const proposedActions = await this.proposals.proposeForContact(actor, { caseId: theCase.id, event }, manager);
      return { event, proposedActions };
    });
  }

  /** Inserts one event (also used by the demo seed, in its transaction). */
  async insert(manager: EntityManager, caseId: string, body: CreateContactEventRequest, createdBy: string | null): Promise<ContactEvent> {
    return toContactEvent(await this.contacts.insert(manager, caseId, body, createdBy));
  }

  /** Refused visits, undelivered letters and returned parcels per week or month. */
  async trend(actor: Actor, caseRef: string, bucket: 'week' | 'month'): Promise<ContactTrend> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows = await this.contacts.trend(theCase.id, bucket);
    const items = rows.map((row) => ({
      period: row.period,
      refusedVisits: row.refused_visits,
      undeliveredLetters: row.undelivered_letters,
      returnedParcels: row.returned_parcels,
    }));
    const sum = (key: 'refusedVisits' | 'undeliveredLetters' | 'returnedParcels') => items.reduce((total, item) => total + item[key], 0);
    return {
      bucket,
      items,
      totals: { refusedVisits: sum('refusedVisits'), undeliveredLetters: sum('undeliveredLetters'), returnedParcels: sum('returnedParcels') },
    };
  }

  async settings(actor: Actor, caseRef: string): Promise<ContactSettings> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    return this.settingsOf(theCase.id);
  }

  async updateSettings(actor: Actor, caseRef: string, noContactDays: number): Promise<ContactSettings> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:write');
    await this.contacts.saveNoContactDays(theCase.id, noContactDays);
    await this.audit.record(actor, { action: 'case.contact_settings.update', entityType: 'case', entityId: theCase.id, details: { noContactDays } });
    return this.settingsOf(theCase.id);
  }

  private async settingsOf(caseId: string): Promise<ContactSettings> {
    const row = await this.contacts.watchState(caseId);
    return {
      noContactDays: row.days ?? DEFAULT_NO_CONTACT_DAYS,
      lastContactAt: row.last_at?.toISOString() ?? null,
      noContactAlertOpenedAt: row.alert_at?.toISOString() ?? null,
    };
  }
}
