import type { DonationItem, DonationListQuery, DonationSummary, Money, Page, PageQuery, StripeIssueItem } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { MailService } from '../mail/mail.service';
import { insertDonorIdentity } from './donor-identity';
import { DonationsRepository, type OfflineDonation } from './donations.repository';
import { DonorMails, donorEraseKey } from './donor-mails';
import { MoneyAttentionRepository } from './money-attention.repository';
import { MoneyLedger } from './money-ledger.service';

/** Finance's view of donations: lists, offline entries, totals, donor erasure. Callers hold money:read/write. */
@Injectable()
export class DonationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly donations: DonationsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly ledger: MoneyLedger,
    private readonly mail: MailService,
    private readonly attention: MoneyAttentionRepository,
    private readonly donorMails: DonorMails,
  ) {}

  /** Donor names, emails and messages are shown to finance and admins; each list view of them is audited. */
  async list(actor: Actor, query: DonationListQuery): Promise<Page<DonationItem>> {
    const caseId = query.caseId ? (await this.access.resolve(actor, query.caseId, 'money:read')).id : undefined;
    const rows = await this.donations.page({ ...query, caseId }, decodeCursor(query.cursor));
    const result = toPage(
      rows,
      query.limit,
      (row) => row.cursor,
      (row) => row.item,
    );
    const donors = result.items.filter((item) => item.donorId).map((item) => item.id);
    await this.audit.recordReads(actor, 'donation', donors, 'donation.donor_viewed');
    return result;
  }

  async get(actor: Actor, id: string): Promise<DonationItem> {
    const item = await this.donations.byId(id);
    if (!item) throw new NotFound('Donation');
    await this.audit.record(actor, { action: 'donation.donor_viewed', entityType: 'donation', entityId: id });
    return item;
  }

  /** Money received outside Stripe (bank transfer, cash, crypto) is entered as paid, in one transaction with its totals. */
  async recordOffline(actor: Actor, input: OfflineDonation): Promise<DonationItem> {
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
      const donationId = await this.donations.insertOffline(m, theCase.id, donorId, input, actor.id, at);
      await this.ledger.recordOffline(m, donationId, theCase.id, input.amountMinor, input.currency, at, `offline:${donationId}`);
      await this.audit.record(
        actor,
        {
          action: 'donation.offline_recorded',
          entityType: 'donation',
          entityId: donationId,
          details: { amountMinor: input.amountMinor, currency: input.currency },
        },
        m,
      );
      // An offline gift is its own receipt (one payment); the mail carries the donor's private link.
      const thanks = await this.donorMails.thanks(m, donationId, donationId, input.amountMinor, input.currency, at);
      if (thanks) await this.mail.queue(thanks, m);
      return donationId;
    });
    return this.get(actor, id);
  }

  async summary(actor: Actor, caseId?: string): Promise<DonationSummary> {
    const theCase = caseId ? (await this.access.resolve(actor, caseId, 'money:read')).id : null;
    return {
      totals: await this.donations.totals(theCase),
      perDay: await this.donations.perDay(theCase),
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
    return this.donations.raisedThisMonth(visible);
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
    if (which === 'all') {
      const erased = await this.donations.eraseAllDonors(m);
      await this.mail.eraseAbout({ prefix: donorEraseKey('') }, m);
      return erased;
    }
    const erased = await this.donations.eraseDonor(m, which.donorId);
    await this.mail.eraseAbout([donorEraseKey(which.donorId)], m);
    return erased;
  }
}
