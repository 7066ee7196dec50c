import type { DonationItem, DonationListQuery, DonationSummary, Money, offlineDonationRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { num, rowsOf } from '../common/database/sql';
import { cursorKey, keysetAfter, type KeysetCursor } from '../common/pagination';
import { openDonorField } from './donor-identity';
import { KEPT_GIFT } from './kept-gift';

interface DonationListRow {
  id: string;
  case_id: string;
  case_slug: string;
  kind: DonationItem['kind'];
  status: DonationItem['status'];
  amount_minor: string;
  currency: string;
  paid_minor: string;
  refunded_minor: string;
  disputed_minor: string;
  method: string | null;
  subscription_status: DonationItem['subscriptionStatus'];
  donor_id: string | null;
  donor_name: string | null;
  donor_email: string | null;
  donor_message: string | null;
  show_name: boolean | null;
  erased_at: Date | null;
  created_at: Date;
  created_key: string;
  paid_at: Date | null;
}

/** The filters of a donation list, the case already resolved to its id (or none: every case). */
export type DonationFilters = Pick<DonationListQuery, 'status' | 'kind' | 'currency' | 'from' | 'to' | 'limit'> & { caseId?: string };

export type OfflineDonation = ReturnType<typeof offlineDonationRequest.parse>;

const SELECT_DONATIONS = `select d.*, c.slug as case_slug, di.name as donor_name, di.email as donor_email, di.message as donor_message, di.show_name, di.erased_at,
       ${cursorKey('d.created_at')} as created_key
  from donations d join cases c on c.id = d.case_id left join donor_identities di on di.id = d.donor_id`;

/** An erased donor's name, email and message are gone; the rest of the gift stays as it was. */
function toDonationItem(row: DonationListRow): DonationItem {
  const erased = Boolean(row.erased_at);
  return {
    id: row.id,
    caseId: row.case_id,
    caseSlug: row.case_slug,
    kind: row.kind,
    status: row.status,
    amountMinor: num(row.amount_minor),
    currency: row.currency,
    paidMinor: num(row.paid_minor),
    refundedMinor: num(row.refunded_minor),
    disputedMinor: num(row.disputed_minor),
    method: row.method,
    subscriptionStatus: row.subscription_status,
    donorId: row.donor_id,
    donorName: erased ? null : openDonorField('name', row.donor_id, row.donor_name),
    donorEmail: erased ? null : openDonorField('email', row.donor_id, row.donor_email),
    message: erased ? null : openDonorField('message', row.donor_id, row.donor_message),
    showName: Boolean(row.show_name),
    createdAt: row.created_at.toISOString(),
    paidAt: row.paid_at?.toISOString() ?? null,
  };
}

const IDENTITY_ERASED = `update donor_identities set name = null, email = null, message = null, show_name = false,
       erased_at = coalesce(erased_at, now()), updated_at = now()`;

/** Donations as finance sees them: lists, offline entries, totals, and the erasure of donors' identities. */
@Injectable()
export class DonationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit + 1` donations, newest first, after `after` by (created_at, id). */
  async page(filters: DonationFilters, after: KeysetCursor | undefined): Promise<Array<{ cursor: KeysetCursor; item: DonationItem }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.caseId) add('d.case_id = ?', filters.caseId);
    if (filters.status) add('d.status = ?', filters.status);
    if (filters.kind) add('d.kind = ?', filters.kind);
    if (filters.currency) add('d.currency = ?', filters.currency);
    if (filters.from) add('d.created_at >= ?::date', filters.from);
    if (filters.to) add(`d.created_at < ?::date + interval '1 day'`, filters.to);
    if (after) where.push(keysetAfter(params, after, { key: 'd.created_at', id: 'd.id', descending: true }));
    params.push(filters.limit + 1);
    const rows = await rowsOf<DonationListRow>(
      this.db,
      `${SELECT_DONATIONS} ${where.length ? `where ${where.join(' and ')}` : ''} order by d.created_at desc, d.id desc limit $${params.length}`,
      params,
    );
    return rows.map((row) => ({ cursor: { key: row.created_key, id: row.id }, item: toDonationItem(row) }));
  }

  async byId(id: string): Promise<DonationItem | undefined> {
    const [row] = await rowsOf<DonationListRow>(this.db, `${SELECT_DONATIONS} where d.id = $1`, [id]);
    return row && toDonationItem(row);
  }

  /** Money received outside Stripe, entered as paid; in the caller's transaction. Returns the new donation's id. */
  async insertOffline(m: EntityManager, caseId: string, donorId: string | null, input: OfflineDonation, recordedBy: string, at: Date): Promise<string> {
    const [donation] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, status, amount_minor, currency, paid_minor, method, recorded_by, paid_at)
       values ($1, $2, 'offline', 'paid', $3, $4, $3, $5, $6, $7) returning id`,
      [caseId, donorId, input.amountMinor, input.currency, input.method, recordedBy, at],
    );
    return donation.id;
  }

  /** Kept totals per currency and kind (of one case, or of all when `caseId` is null). */
  async totals(caseId: string | null): Promise<DonationSummary['totals']> {
    const rows = await rowsOf<{ currency: string; kind: DonationItem['kind']; raised: string; refunded: string; gross: string; fees: string; donors: string }>(
      this.db,
      `select t.currency, t.kind, sum(t.raised_minor - t.disputed_minor) as raised, sum(t.refunded_minor) as refunded,
              sum(t.raised_minor - t.refunded_minor - t.disputed_minor) as gross, sum(t.fee_minor) as fees,
              (select count(*) from donations d where d.currency = t.currency and d.kind = t.kind and ${KEPT_GIFT} and ($1::uuid is null or d.case_id = $1)) as donors
         from campaign_totals t where ($1::uuid is null or t.case_id = $1) group by t.currency, t.kind order by t.currency, t.kind`,
      [caseId],
    );
    return rows.map((row) => ({
      currency: row.currency,
      kind: row.kind,
      amountMinor: num(row.raised),
      refundedMinor: num(row.refunded),
      donorCount: num(row.donors),
      grossMinor: num(row.gross),
      feesMinor: num(row.fees),
      netMinor: num(row.gross) - num(row.fees),
    }));
  }

  /** Ledger movements of the last 90 days per UTC day, currency and kind of gift. */
  async perDay(caseId: string | null): Promise<DonationSummary['perDay']> {
    const rows = await rowsOf<{ day: string; currency: string; kind: DonationItem['kind']; amount: string }>(
      this.db,
      `select to_char(l.at at time zone 'UTC', 'YYYY-MM-DD') as day, l.currency, d.kind, sum(l.amount_minor) as amount
         from ledger_entries l join donations d on d.id = l.donation_id
        where l.at > now() - interval '90 days' and ($1::uuid is null or l.case_id = $1)
        group by 1, 2, 3 order by 1, 2, 3`,
      [caseId],
    );
    return rows.map((row) => ({ day: row.day, currency: row.currency, kind: row.kind, amountMinor: num(row.amount) }));
  }

  /** Money received this calendar month (UTC) per currency, in the given cases (or all). */
  async raisedThisMonth(caseIds: string[] | 'all'): Promise<Money[]> {
    const rows = await rowsOf<{ currency: string; amount: string }>(
      this.db,
      `select currency, sum(amount_minor) as amount from ledger_entries
        where kind in ('payment', 'offline', 'refund', 'dispute', 'dispute_reversal') and at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
          ${caseIds === 'all' ? '' : 'and case_id = any($1)'}
        group by currency order by currency`,
      caseIds === 'all' ? [] : [caseIds],
    );
    return rows.map((row) => ({ currency: row.currency, amountMinor: num(row.amount) }));
  }

  /** Clears one donor's identity (counted even when already erased); their private self-service links stop working with it. Answers how many matched. */
  async eraseDonor(m: EntityManager, donorId: string): Promise<number> {
    const rows = await rowsOf<{ id: string }>(m, `${IDENTITY_ERASED} where id = $1 returning id`, [donorId]);
    await m.query(`delete from donor_links where donor_id = $1`, [donorId]);
    return rows.length;
  }

  /** Clears every identity not yet erased and every donor's private link; answers how many identities were erased now. */
  async eraseAllDonors(m: EntityManager): Promise<number> {
    const rows = await rowsOf<{ id: string }>(m, `${IDENTITY_ERASED} where erased_at is null returning id`);
    await m.query(`delete from donor_links`);
    return rows.length;
  }
}
