import type { CampaignGoal, CampaignProgress, CampaignSettings, CampaignTexts, PublicCampaign } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { num, rowsOf } from '../common/database/sql';
import { GOALS_SQL, PROGRESS_SQL, goalsFromRows, progressFromRows, type GoalRow, type ProgressRow } from './campaign-goals.repository';
import { TEXTS_SQL, textsFromRows, type CampaignTextRow } from './campaign-texts.repository';
import { KEPT_GIFT } from './kept-gift';

export interface CampaignCase {
  id: string;
  slug: string;
  title: string;
  public_summary: string;
  title_en: string;
  public_summary_en: string;
}

/** What a campaign's public page reads, apart from its settings, goals and texts. */
export interface PublicFigures {
  totals: Array<{ currency: string; kind: 'one_off' | 'recurring' | 'offline'; net: string }>;
  donorCount: number;
  supporters: Array<{ id: string; name: string | null; show_name: boolean; message: string | null; at: Date }>;
  spent: Array<{ category: PublicCampaign['spent'][number]['category']; currency: string; amount_minor: string }>;
  bankTransfer: boolean;
}

/** The public page's figures with the campaign's settings, goals, progress and texts. */
export interface PublicPage extends PublicFigures {
  settings: Omit<CampaignSettings, 'goals'> | undefined;
  goals: CampaignGoal[];
  progress: CampaignProgress[];
  texts: CampaignTexts;
}

interface SettingsRow {
  statement_descriptor: string | null;
  currencies: string[];
  max_amount_minor: string | number;
}

const SETTINGS_SQL = `select statement_descriptor, currencies, max_amount_minor from campaign_settings where case_id = $1`;

const settingsFromRow = (row: SettingsRow | undefined | null): Omit<CampaignSettings, 'goals'> | undefined =>
  row ? { statementDescriptor: row.statement_descriptor, currencies: row.currencies, maxAmountMinor: num(row.max_amount_minor) } : undefined;

/** A campaign's settings, its public figures, Checkout's pending donations and the per-address Checkout limit. */
@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The campaign's own settings, without goals; undefined when it has never saved any. */
  async settings(caseId: string, m: Pick<EntityManager, 'query'> = this.db): Promise<Omit<CampaignSettings, 'goals'> | undefined> {
    const [row] = await rowsOf<SettingsRow>(m, SETTINGS_SQL, [caseId]);
    return settingsFromRow(row);
  }

  async saveSettings(m: EntityManager, caseId: string, settings: CampaignSettings): Promise<void> {
    await m.query(
      `insert into campaign_settings (case_id, statement_descriptor, currencies, max_amount_minor) values ($1, $2, $3, $4)
       on conflict (case_id) do update set statement_descriptor = excluded.statement_descriptor, currencies = excluded.currencies,
         max_amount_minor = excluded.max_amount_minor, updated_at = now()`,
      [caseId, settings.statementDescriptor || null, settings.currencies, settings.maxAmountMinor],
    );
  }

  async publicCase(slug: string): Promise<CampaignCase | undefined> {
    const [found] = await rowsOf<CampaignCase>(
      this.db,
      `select id, slug, title, public_summary, title_en, public_summary_en from cases where slug = $1 and is_public`,
      [slug],
    );
    return found;
  }

  /**
   * Everything the public page shows besides the case itself, read in one statement (one snapshot, so it never
   * shows half of a change; the public page is the most read page of all): the campaign's own settings and goals,
   * progress per currency, totals net of refunds and disputes, gifts that still count, the last 30 supporters who
   * chose to be seen, spending, whether bank transfers are offered, and the texts.
   */
  async publicPage(caseId: string): Promise<PublicPage> {
    const [row] = await rowsOf<{
      settings: SettingsRow | null;
      goals: GoalRow[];
      progress: ProgressRow[];
      totals: PublicFigures['totals'];
      donor_count: number;
      supporters: Array<Omit<PublicFigures['supporters'][number], 'at'> & { at: string }>;
      spent: PublicFigures['spent'];
      bank_transfer: boolean;
      texts: CampaignTextRow[];
    }>(
      this.db,
      `select
         (select row_to_json(s) from (${SETTINGS_SQL}) s) as settings,
         (select coalesce(json_agg(g order by g.ordinal), '[]') from (select *, row_number() over () as ordinal from (${GOALS_SQL}) goals) g) as goals,
         (select coalesce(json_agg(p order by p.ordinal), '[]') from (select *, row_number() over () as ordinal from (${PROGRESS_SQL}) progress) p) as progress,
         (select coalesce(json_agg(t order by t.currency, t.kind), '[]') from (
            select currency, kind, sum(raised_minor - refunded_minor - disputed_minor)::text as net
              from campaign_totals where case_id = $1 group by currency, kind) t) as totals,
         -- Kept current by triggers on donations (migration 1796062000000): the rule of KEPT_GIFT, without counting rows.
         (select coalesce(sum(gifts), 0)::int from campaign_kept_gifts where case_id = $1) as donor_count,
         (select coalesce(json_agg(s order by s.at desc, s.donation desc), '[]') from (
            select di.id, di.name, di.show_name, di.message, d.paid_at as at, d.id as donation
              from donations d join donor_identities di on di.id = d.donor_id
             where d.case_id = $1 and ${KEPT_GIFT} and di.erased_at is null and (di.show_name or di.message is not null)
             order by d.paid_at desc, d.id desc limit 30) s) as supporters,
         (select coalesce(json_agg(x order by x.currency, x.category), '[]') from (
            select category, currency, amount_minor::text as amount_minor
              from campaign_spent_totals where case_id = $1 and amount_minor > 0) x) as spent,
         exists (select 1 from campaign_bank_details where case_id = $1) as bank_transfer,
         (select coalesce(json_agg(x), '[]') from (${TEXTS_SQL}) x) as texts`,
      [caseId],
    );
    return {
      settings: settingsFromRow(row.settings),
      goals: goalsFromRows(row.goals),
      progress: progressFromRows(row.progress),
      totals: row.totals,
      donorCount: row.donor_count,
      supporters: row.supporters.map(({ id, name, show_name, message, at }) => ({ id, name, show_name, message, at: new Date(at) })),
      spent: row.spent,
      bankTransfer: row.bank_transfer,
      texts: textsFromRows(row.texts),
    };
  }

  /** A pending card donation, before its Checkout Session exists. */
  async insertCheckoutDonation(
    m: EntityManager,
    donation: { caseId: string; donorId: string | null; kind: 'one_off' | 'recurring'; amountMinor: number; currency: string },
  ): Promise<string> {
    const [created] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, method) values ($1, $2, $3, $4, $5, 'stripe') returning id`,
      [donation.caseId, donation.donorId, donation.kind, donation.amountMinor, donation.currency],
    );
    return created.id;
  }

  async failDonation(donationId: string): Promise<void> {
    await this.db.query(`update donations set status = 'failed', updated_at = now() where id = $1`, [donationId]);
  }

  async setSession(donationId: string, sessionId: string): Promise<void> {
    await this.db.query(`update donations set stripe_session_id = $2, updated_at = now() where id = $1`, [donationId, sessionId]);
  }

  /** Records a Checkout attempt from this address (forgetting those over an hour old); attempts in the last 10 minutes before it. */
  async recordCheckoutAttempt(ip: string): Promise<number> {
    const [row] = await rowsOf<{ recent: number }>(
      this.db,
      `with cleanup as (delete from checkout_attempts where at < now() - interval '1 hour'),
            inserted as (insert into checkout_attempts (ip) values ($1) returning id)
       select count(*)::int as recent from checkout_attempts where ip = $1 and at > now() - interval '10 minutes'`,
      [ip],
    );
    return row.recent;
  }
}
