import type { ContactEvent, ContactEventCreated, ContactListQuery, ContactSettings, ContactTrend, CreateContactEventRequest, Page } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination';
import { LegalActionsService } from './legal-actions.service';

export const DEFAULT_NO_CONTACT_DAYS = 14;

export interface ContactRow {
  id: string;
  case_id: string;
  kind: ContactEvent['kind'];
  status: ContactEvent['status'];
  occurred_at: Date;
  occurred_key: string;
  facility: string | null;
  visitor: string | null;
  refusal_reason: string | null;
  refused_by: string | null;
  channel: ContactEvent['channel'];
  direction: ContactEvent['direction'];
  delivered_at: Date | null;
  contents: string | null;
  amount_minor: string | null;
  currency: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Date;
  version: number;
}

export const CONTACT_COLUMNS = `id, case_id, kind, status, occurred_at,
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_key,
  facility, visitor, refusal_reason, refused_by, channel, direction, delivered_at, contents, amount_minor, currency, notes, created_by, created_at, version`;

/** Contact with the person inside counts for the "no contact" watch: held visits and calls, delivered letters, letters from him. */
export const COUNTS_AS_CONTACT = `(e.kind in ('visit', 'call') and e.status = 'held')
  or (e.kind = 'letter' and (e.status = 'delivered' or (e.direction = 'from_detainee' and e.status <> 'not_delivered')))`;

export function toContactEvent(row: ContactRow): ContactEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    status: row.status,
    occurredAt: row.occurred_at.toISOString(),
    facility: row.facility,
    visitor: row.visitor,
    refusalReason: row.refusal_reason,
    refusedBy: row.refused_by,
    channel: row.channel,
    direction: row.direction,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    contents: row.contents,
    amount: row.amount_minor === null ? null : { amountMinor: Number(row.amount_minor), currency: row.currency!.trim() },
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** The contact log of a case: visits, calls, letters, parcels and commissary transfers. */
@Injectable()
export class ContactLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly legalActions: LegalActionsService,
  ) {}

  async list(actor: Actor, caseRef: string, query: ContactListQuery): Promise<Page<ContactEvent>> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const params: unknown[] = [theCase.id, query.limit + 1];
    const where = ['case_id = $1'];
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.key, cursor.id);
      where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: ContactRow[] = await this.db.query(
      `select ${CONTACT_COLUMNS} from contact_events where ${where.join(' and ')} order by occurred_at desc, id desc limit $2`,
      params,
    );
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
      await this.resolveNoContactAlerts(theCase.id, manager);
      const proposedActions = await this.legalActions.proposeForContact(actor, { caseId: theCase.id, event }, manager);
      return { event, proposedActions };
    });
  }

  /** Inserts one event (also used by the demo seed, in its transaction). */
  async insert(manager: EntityManager, caseId: string, body: CreateContactEventRequest, createdBy: string | null): Promise<ContactEvent> {
    const rows: ContactRow[] = await manager.query(
      `insert into contact_events (case_id, kind, status, occurred_at, facility, visitor, refusal_reason, refused_by, channel, direction,
         delivered_at, contents, amount_minor, currency, notes, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning ${CONTACT_COLUMNS}`,
      [
        caseId,
        body.kind,
        body.status,
        body.occurredAt,
        body.facility ?? null,
        body.visitor ?? null,
        body.refusalReason ?? null,
        body.refusedBy ?? null,
        body.channel ?? null,
        body.direction ?? null,
        body.deliveredAt ?? null,
        body.contents ?? null,
        body.amount?.amountMinor ?? null,
        body.amount?.currency ?? null,
        body.notes ?? null,
        createdBy,
      ],
    );
    return toContactEvent(rows[0]);
  }

  private async resolveNoContactAlerts(caseId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `update no_contact_alerts a set status = 'resolved', resolved_at = now(), updated_at = now()
        where a.case_id = $1 and a.status = 'open'
          and exists (select 1 from contact_events e where e.case_id = a.case_id and (${COUNTS_AS_CONTACT}) and e.occurred_at > coalesce(a.last_contact_at, '-infinity'))`,
      [caseId],
    );
  }

  /** Refused visits, undelivered letters and returned parcels per week or month. */
  async trend(actor: Actor, caseRef: string, bucket: 'week' | 'month'): Promise<ContactTrend> {
    const theCase = await this.access.resolve(actor, caseRef, 'cases:read');
    const rows: Array<{ period: string; refused_visits: number; undelivered_letters: number; returned_parcels: number }> = await this.db.query(
      `select to_char(date_trunc($2, occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as period,
              count(*) filter (where kind = 'visit' and status = 'refused')::int as refused_visits,
              count(*) filter (where kind = 'letter' and status = 'not_delivered')::int as undelivered_letters,
              count(*) filter (where kind in ('parcel', 'money_transfer') and status = 'returned')::int as returned_parcels
         from contact_events where case_id = $1
        group by 1 order by 1`,
      [theCase.id, bucket],
    );
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
    await this.db.query(
      `insert into case_contact_settings (case_id, no_contact_days) values ($1, $2)
       on conflict (case_id) do update set no_contact_days = excluded.no_contact_days, updated_at = now()`,
      [theCase.id, noContactDays],
    );
    await this.audit.record(actor, { action: 'case.contact_settings.update', entityType: 'case', entityId: theCase.id, details: { noContactDays } });
    return this.settingsOf(theCase.id);
  }

  private async settingsOf(caseId: string): Promise<ContactSettings> {
    const rows: Array<{ days: number | null; last_at: Date | null; alert_at: Date | null }> = await this.db.query(
      `select (select no_contact_days from case_contact_settings where case_id = $1) as days,
              (select opened_at from no_contact_alerts where case_id = $1 and status = 'open') as alert_at,
              (select max(e.occurred_at) from contact_events e where e.case_id = $1 and (${COUNTS_AS_CONTACT})) as last_at`,
      [caseId],
    );
    return {
      noContactDays: rows[0].days ?? DEFAULT_NO_CONTACT_DAYS,
      lastContactAt: rows[0].last_at?.toISOString() ?? null,
      noContactAlertOpenedAt: rows[0].alert_at?.toISOString() ?? null,
    };
  }
}
