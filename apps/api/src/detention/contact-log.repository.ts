import type { ContactEvent, ContactKind, CreateContactEventRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { cursorKey, keysetAfter, type KeysetCursor } from '../common/pagination';
import { COUNTS_AS_CONTACT_SQL } from './contact-counting';

/** Days of silence before the watch alerts, for a case that has not set its own. */
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
  ${cursorKey('occurred_at')} as occurred_key,
  facility, visitor, refusal_reason, refused_by, channel, direction, delivered_at, contents, amount_minor, currency, notes, created_by, created_at, version`;

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

/** The contact log (`contact_events`), each case's "no contact" setting and the watch's alerts. */
@Injectable()
export class ContactLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit` events of a case, latest first, after `after` by (occurred_at, id). */
  page(caseId: string, limit: number, after: KeysetCursor | undefined, kind: ContactKind | undefined): Promise<ContactRow[]> {
    const params: unknown[] = [caseId, limit];
    const where = ['case_id = $1'];
    if (kind) {
      params.push(kind);
      where.push(`kind = $${params.length}`);
    }
    if (after) where.push(keysetAfter(params, after, { key: 'occurred_at', id: 'id', descending: true }));
    return this.db.query(`select ${CONTACT_COLUMNS} from contact_events where ${where.join(' and ')} order by occurred_at desc, id desc limit $2`, params);
  }

  async insert(manager: EntityManager, caseId: string, body: CreateContactEventRequest, createdBy: string | null): Promise<ContactRow> {
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
    return rows[0];
  }

  /** Resolves the case's open "no contact" alert once contact after its silence is logged. */
  async resolveNoContactAlerts(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      `update no_contact_alerts a set status = 'resolved', resolved_at = now(), updated_at = now()
        where a.case_id = $1 and a.status = 'open'
          and exists (select 1 from contact_events e where e.case_id = a.case_id and ${COUNTS_AS_CONTACT_SQL} and e.occurred_at > coalesce(a.last_contact_at, '-infinity'))`,
      [caseId],
    );
  }

  /** Refused visits, undelivered letters and returned parcels per week or month (UTC). */
  trend(
    caseId: string,
    bucket: 'week' | 'month',
  ): Promise<Array<{ period: string; refused_visits: number; undelivered_letters: number; returned_parcels: number }>> {
    return this.db.query(
      `select to_char(date_trunc($2, occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as period,
              count(*) filter (where kind = 'visit' and status = 'refused')::int as refused_visits,
              count(*) filter (where kind = 'letter' and status = 'not_delivered')::int as undelivered_letters,
              count(*) filter (where kind in ('parcel', 'money_transfer') and status = 'returned')::int as returned_parcels
         from contact_events where case_id = $1
        group by 1 order by 1`,
      [caseId, bucket],
    );
  }

  async saveNoContactDays(caseId: string, noContactDays: number): Promise<void> {
    await this.db.query(
      `insert into case_contact_settings (case_id, no_contact_days) values ($1, $2)
       on conflict (case_id) do update set no_contact_days = excluded.no_contact_days, updated_at = now()`,
      [caseId, noContactDays],
    );
  }

  /** The case's own setting (null: the default), its last contact and when its open alert opened. */
  async watchState(caseId: string): Promise<{ days: number | null; last_at: Date | null; alert_at: Date | null }> {
    const rows = await this.db.query(
      `select (select no_contact_days from case_contact_settings where case_id = $1) as days,
              (select opened_at from no_contact_alerts where case_id = $1 and status = 'open') as alert_at,
              (select max(e.occurred_at) from contact_events e where e.case_id = $1 and ${COUNTS_AS_CONTACT_SQL}) as last_at`,
      [caseId],
    );
    return rows[0];
  }

  /** Cases silent longer than their setting at `now`, without an open alert, with their last contact. */
  silentCases(now: Date): Promise<Array<{ case_id: string; last_at: Date | null }>> {
    return this.db.query(
      `select c.id as case_id, last.at as last_at
         from cases c
         left join case_contact_settings s on s.case_id = c.id
         left join lateral (select max(e.occurred_at) as at from contact_events e where e.case_id = c.id and ${COUNTS_AS_CONTACT_SQL}) last on true
        where coalesce(last.at, c.created_at) < $1::timestamptz - make_interval(days => coalesce(s.no_contact_days, $2))
          and not exists (select 1 from no_contact_alerts a where a.case_id = c.id and a.status = 'open')`,
      [now, DEFAULT_NO_CONTACT_DAYS],
    );
  }

  /** Records the case's open alert; false when another run already did (one open alert per case). */
  async claimNoContactAlert(caseId: string, lastContactAt: Date | null, now: Date): Promise<boolean> {
    const claimed: Array<{ id: string }> = await this.db.query(
      `insert into no_contact_alerts (case_id, last_contact_at, opened_at) values ($1, $2, $3)
       on conflict (case_id) where status = 'open' do nothing returning id`,
      [caseId, lastContactAt, now],
    );
    return claimed.length > 0;
  }
}
