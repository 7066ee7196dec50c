import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign's totals are kept in up to 16 stripes per currency and kind: a transaction adds its amounts to the
 * stripe of its connection, so webhook events committing side by side on different connections do not queue on one
 * row lock. Readers sum the stripes (decision 0024). Existing totals become stripe 0.
 */
export class CampaignTotalsStripes1796060000000 implements MigrationInterface {
  name = 'CampaignTotalsStripes1796060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table campaign_totals add column stripe smallint not null default 0 check (stripe between 0 and 15)`);
    await db.query(`alter table campaign_totals drop constraint campaign_totals_pkey`);
    await db.query(`alter table campaign_totals add constraint campaign_totals_pkey primary key (case_id, currency, kind, stripe)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`create temporary table folded as
      select case_id, currency, kind, sum(raised_minor) as raised_minor, sum(refunded_minor) as refunded_minor,
             sum(disputed_minor) as disputed_minor, sum(fee_minor) as fee_minor, sum(donor_count)::int as donor_count, max(updated_at) as updated_at
        from campaign_totals group by case_id, currency, kind`);
    await db.query(`delete from campaign_totals`);
    await db.query(`alter table campaign_totals drop constraint campaign_totals_pkey`);
    await db.query(`alter table campaign_totals drop column stripe`);
    await db.query(`alter table campaign_totals add constraint campaign_totals_pkey primary key (case_id, currency, kind)`);
    await db.query(`insert into campaign_totals (case_id, currency, kind, raised_minor, refunded_minor, disputed_minor, fee_minor, donor_count, updated_at)
      select case_id, currency, kind, raised_minor, refunded_minor, disputed_minor, fee_minor, donor_count, updated_at from folded`);
    await db.query(`drop table folded`);
  }
}
