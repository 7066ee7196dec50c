import type { DonationItem, DonationListQuery, DonationSummary, Money, Page, PageQuery, StripeIssueItem } from '@habeas/contracts';
import { offlineDonationRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { MailService } from '../mail/mail.service';
import { insertDonorIdentity, openDonorField } from './donor-identity';
import { DonorMails, donorEraseKey } from './donor-mails';
import { MoneyAttentionRepository } from './money-attention.repository';
import { MoneyLedger } from './money-ledger.service';
import { KEPT_GIFT, num, rowsOf } from './sql';

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

/** Finance's view of donations: lists, offline entries, totals, donor erasure. Callers hold money:read/write. */
@Injectable()
export class DonationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly ledger: MoneyLedger,
    private readonly mail: MailService,
    private readonly attention: MoneyAttentionRepository,
    private readonly donorMails: DonorMails,
  ) {}

  /** Donor names, emails and messages are shown to finance and admins; each list view of them is audited. */
  async list(actor: Actor, query: DonationListQuery): Promise<Page<DonationItem>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.caseId) add('d.case_id = ?', (await this.access.resolve(actor, query.caseId, 'money:read')).id);
    if (query.status) add('d.status = ?', query.status);
    if (query.kind) add('d.kind = ?', query.kind);
    if (query.currency) add('d.currency = ?', query.currency);
    if (query.from) add('d.created_at >= ?::date', query.from);
    if (query.to) add(`d.created_at < ?::date + interval '1 day'`, query.to);
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.key, cursor.id);
      where.push(`(d.created_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows = await rowsOf<DonationListRow>(
      this.db,
      `${this.selectDonations()} ${where.length ? `where ${where.join(' and ')}` : ''} order by d.created_at desc, d.id desc limit $${params.length}`,
      params,
    );
    const result = toPage(
      rows,
      query.limit,
      (row) => ({ key: row.created_key, id: row.id }),
      (row) => this.toItem(row),
    );
    const donors = result.items.filter((item) => item.donorId).map((item) => item.id);
    await this.audit.recordReads(actor, 'donation', donors, 'donation.donor_viewed');
    return result;
  }

  async get(actor: Actor, id: string): Promise<DonationItem> {
    const [row] = await rowsOf<DonationListRow>(this.db, `${this.selectDonations()} where d.id = $1`, [id]);
    if (!row) throw new NotFound('Donation');
    await this.audit.record(actor, { action: 'donation.donor_viewed', entityType: 'donation', entityId: id });
    return this.toItem(row);
  }

  private selectDonations(): string {
    return `select d.*, c.slug as case_slug, di.name as donor_name, di.email as donor_email, di.message as donor_message, di.show_name, di.erased_at,
                   to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
              from donations d join cases c on c.id = d.case_id left join donor_identities di on di.id = d.donor_id`;
  }

  private toItem(row: DonationListRow): DonationItem {
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

  /** Money received outside Stripe (bank transfer, cash, crypto) is entered as paid, in one transaction with its totals. */
  async recordOffline(actor: Actor, input: ReturnType<typeof offlineDonationRequest.parse>): Promise<DonationItem> {
    const theCase = await this.access.resolve(actor, input.caseId, 'money:write');
    const at = input.receivedOn ? new Date(`${input.receivedOn}T12:00:00Z`) : new Date();
    const id = await this.db.transaction(async (m) => {
      let donorId: string | null = null;
      if (input.name || input.email || input.message) {
        donorId = await insertDonorIdentity(m, {
          name: input.name,
          email: input.email,
          message: input.message,
          showName: !input.anonymous && Boolean(input.name),
          language: input.language,
        });
      }
      const [donation] = await rowsOf<{ id: string }>(
        m,
        `insert into donations (case_id, donor_id, kind, status, amount_minor, currency, paid_minor, method, recorded_by, paid_at)
         values ($1, $2, 'offline', 'paid', $3, $4, $3, $5, $6, $7) returning id`,
        [theCase.id, donorId, input.amountMinor, input.currency, input.method, actor.id, at],
      );
      await this.ledger.recordOffline(m, donation.id, theCase.id, input.amountMinor, input.currency, at, `offline:${donation.id}`);
      await this.audit.record(
        actor,
        {
          action: 'donation.offline_recorded',
          entityType: 'donation',
          entityId: donation.id,
          details: { amountMinor: input.amountMinor, currency: input.currency },
        },
        m,
      );
      // An offline gift is its own receipt (one payment); the mail carries the donor's private link.
      const thanks = await this.donorMails.thanks(m, donation.id, donation.id, input.amountMinor, input.currency, at);
      if (thanks) await this.mail.queue(thanks, m);
      return donation.id;
    });
    return this.get(actor, id);
  }

  async summary(actor: Actor, caseId?: string): Promise<DonationSummary> {
    const theCase = caseId ? (await this.access.resolve(actor, caseId, 'money:read')).id : null;
    const totals = await rowsOf<{
      currency: string;
      kind: DonationItem['kind'];
      raised: string;
      refunded: string;
      gross: string;
      fees: string;
      donors: string;
    }>(
      this.db,
      `select t.currency, t.kind, sum(t.raised_minor - t.disputed_minor) as raised, sum(t.refunded_minor) as refunded,
              sum(t.raised_minor - t.refunded_minor - t.disputed_minor) as gross, sum(t.fee_minor) as fees,
              (select count(*) from donations d where d.currency = t.currency and d.kind = t.kind and ${KEPT_GIFT} and ($1::uuid is null or d.case_id = $1)) as donors
         from campaign_totals t where ($1::uuid is null or t.case_id = $1) group by t.currency, t.kind order by t.currency, t.kind`,
      [theCase],
    );
    const perDay = await rowsOf<{ day: string; currency: string; kind: DonationItem['kind']; amount: string }>(
      this.db,
      `select to_char(l.at at time zone 'UTC', 'YYYY-MM-DD') as day, l.currency, d.kind, sum(l.amount_minor) as amount
         from ledger_entries l join donations d on d.id = l.donation_id
        where l.at > now() - interval '90 days' and ($1::uuid is null or l.case_id = $1)
        group by 1, 2, 3 order by 1, 2, 3`,
      [theCase],
    );
    return {
      totals: totals.map((row) => ({
        currency: row.currency,
        kind: row.kind,
        amountMinor: num(row.raised),
        refundedMinor: num(row.refunded),
        donorCount: num(row.donors),
        grossMinor: num(row.gross),
        feesMinor: num(row.fees),
        netMinor: num(row.gross) - num(row.fees),
      })),
      perDay: perDay.map((row) => ({ day: row.day, currency: row.currency, kind: row.kind, amountMinor: num(row.amount) })),
      lastReconciliation: await this.attention.lastRun(),
      needsAttention: await this.attention.openIssueCount(),
      atRisk: await this.attention.atRisk(theCase),
      payouts: await this.attention.payouts(),
    };
  }

  /** Signed Stripe events that could not be applied yet, oldest first, with the reason. */
  stripeIssues(query: PageQuery): Promise<Page<StripeIssueItem>> {
    return this.attention.issues(query);
  }

  /** For the dashboard: money received this calendar month (UTC), per currency, in the cases the actor may see. */
  async raisedThisMonthFor(actor: Actor): Promise<Money[]> {
    const visible = await this.access.visibleCaseIds(actor, 'money:read');
    if (visible !== 'all' && visible.length === 0) return [];
    const rows = await rowsOf<{ currency: string; amount: string }>(
      this.db,
      `select currency, sum(amount_minor) as amount from ledger_entries
        where kind in ('payment', 'offline', 'refund', 'dispute', 'dispute_reversal') and at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
          ${visible === 'all' ? '' : 'and case_id = any($1)'}
        group by currency order by currency`,
      visible === 'all' ? [] : [visible],
    );
    return rows.map((row) => ({ currency: row.currency, amountMinor: num(row.amount) }));
  }

  /** Erases who a donor is; the donation, its amounts and the totals stay. */
  async eraseDonor(actor: Actor, donorId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const erased = await this.eraseDonors(m, { donorId });
      if (erased === 0) throw new NotFound('Donor');
      await this.audit.record(actor, { action: 'donor.erased', entityType: 'donor', entityId: donorId }, m);
    });
  }

  /** The emergency switch: every donor's identity erased at once. */
  async eraseAllDonors(actor: Actor): Promise<{ erased: number }> {
    return this.db.transaction(async (m) => {
      const erased = await this.eraseDonors(m, 'all');
      await this.audit.record(actor, { action: 'donor.erased_all', entityType: 'donor', details: { count: erased } }, m);
      return { erased };
    });
  }

  /**
   * The one erase path, in the caller's transaction: the identity (name, email, message), the donor's private
   * links, and every mail about the donor in the outbox (thank-yous, payment notices; sent or not). Anything else that names a
   * donor joins here. 'all' also clears what earlier erasures left (mails keyed to already-erased donors).
   * Answers how many identities were erased now (an already-erased donor counts once more, so 404 means unknown).
   */
  private async eraseDonors(m: EntityManager, which: { donorId: string } | 'all'): Promise<number> {
    const identities = `update donor_identities set name = null, email = null, message = null, show_name = false,
           erased_at = coalesce(erased_at, now()), updated_at = now()`;
    if (which === 'all') {
      const rows = await rowsOf<{ id: string }>(m, `${identities} where erased_at is null returning id`);
      await this.mail.eraseAbout({ prefix: donorEraseKey('') }, m);
      await m.query(`delete from donor_links`);
      return rows.length;
    }
    const rows = await rowsOf<{ id: string }>(m, `${identities} where id = $1 returning id`, [which.donorId]);
    await this.mail.eraseAbout([donorEraseKey(which.donorId)], m);
    // Private self-service links of the donor stop working with the identity.
    await m.query(`delete from donor_links where donor_id = $1`, [which.donorId]);
    return rows.length;
  }
}
