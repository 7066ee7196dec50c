import type { DonorLanguage } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { num, rowsOf } from '../common/database/sql';

type Kind = 'one_off' | 'recurring' | 'offline';
type SubscriptionStatus = 'active' | 'past_due' | 'canceled' | null;

export interface LinkedDonor {
  donorId: string;
  language: DonorLanguage;
  /** Sealed; the service opens it. */
  sealedName: string | null;
}

export interface GiftRow {
  id: string;
  caseId: string;
  campaignTitle: string;
  kind: Kind;
  status: string;
  amountMinor: number;
  currency: string;
  subscriptionId: string | null;
  subscriptionStatus: SubscriptionStatus;
  createdAt: Date;
}

export interface ReceiptRow {
  id: string;
  donationId: string;
  amountMinor: number;
  currency: string;
  paidAt: Date;
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A title per language: the campaign's own text when set, else the case's title in that language (English falls back to Russian). */
const TITLE = (language: string) =>
  `coalesce(nullif((select ct.title from campaign_texts ct where ct.case_id = c.id and ct.language = ${language}), ''),
            case when ${language} = 'en' then nullif(c.title_en, '') end, c.title)`;

/**
 * Donors' private links and what a link shows: only the SHA-256 of a link's token is stored, so the database
 * alone opens no link. All SQL of donor self-service is here.
 */
@Injectable()
export class DonorLinksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new private link of the donor, in the caller's transaction; the token is returned once and kept nowhere. */
  async createLink(m: EntityManager, donorId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.query(`insert into donor_links (donor_id, token_sha256) values ($1, $2)`, [donorId, tokenHash(token)]);
    return token;
  }

  /** The donor a token opens (an erased donor's links are gone), noting the use. */
  async donorOfToken(token: string): Promise<LinkedDonor | null> {
    const [row] = await rowsOf<{ donor_id: string; language: DonorLanguage; name: string | null }>(
      this.db,
      `update donor_links l set last_used_at = now() from donor_identities di
        where l.token_sha256 = $1 and di.id = l.donor_id and di.erased_at is null
        returning di.id as donor_id, di.language, di.name`,
      [tokenHash(token)],
    );
    return row ? { donorId: row.donor_id, language: row.language, sealedName: row.name } : null;
  }

  async giftsOf(donorId: string, language: DonorLanguage, giftId?: string, m: Pick<EntityManager, 'query'> = this.db): Promise<GiftRow[]> {
    const rows = await rowsOf<{
      id: string;
      case_id: string;
      title: string;
      kind: Kind;
      status: string;
      amount_minor: string;
      currency: string;
      stripe_subscription_id: string | null;
      subscription_status: SubscriptionStatus;
      created_at: Date;
    }>(
      m,
      `select d.id, d.case_id, ${TITLE('$2')} as title, d.kind, d.status, d.amount_minor, d.currency, d.stripe_subscription_id,
              d.subscription_status, d.created_at
         from donations d join cases c on c.id = d.case_id
        where d.donor_id = $1 and d.status <> 'pending' and d.status <> 'failed' and ($3::uuid is null or d.id = $3)
        order by d.created_at desc`,
      [donorId, language, giftId ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      campaignTitle: row.title,
      kind: row.kind,
      status: row.status,
      amountMinor: num(row.amount_minor),
      currency: row.currency,
      subscriptionId: row.stripe_subscription_id,
      subscriptionStatus: row.subscription_status,
      createdAt: row.created_at,
    }));
  }

  /** Every payment of the donor's gifts (Stripe payments and money entered by finance), newest first. */
  async receiptsOf(donorId: string, receiptId?: string): Promise<ReceiptRow[]> {
    const rows = await rowsOf<{ id: string; donation_id: string; amount_minor: string; currency: string; paid_at: Date }>(
      this.db,
      `select * from (
         select p.id, p.donation_id, p.amount_minor, p.currency, p.paid_at
           from donation_payments p join donations d on d.id = p.donation_id where d.donor_id = $1
         union all
         select d.id, d.id, d.paid_minor, d.currency, d.paid_at from donations d
          where d.donor_id = $1 and d.kind = 'offline' and d.paid_at is not null
       ) r where ($2::uuid is null or r.id = $2) order by r.paid_at desc`,
      [donorId, receiptId ?? null],
    );
    return rows.map((row) => ({ id: row.id, donationId: row.donation_id, amountMinor: num(row.amount_minor), currency: row.currency, paidAt: row.paid_at }));
  }

  async markCanceled(m: EntityManager, donationId: string): Promise<void> {
    await m.query(`update donations set subscription_status = 'canceled', canceled_at = coalesce(canceled_at, now()), updated_at = now() where id = $1`, [
      donationId,
    ]);
  }

  async setMonthlyAmount(m: EntityManager, donationId: string, amountMinor: number): Promise<void> {
    await m.query(`update donations set amount_minor = $2, updated_at = now() where id = $1`, [donationId, amountMinor]);
  }
}
