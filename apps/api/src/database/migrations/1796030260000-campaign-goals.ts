import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One fundraising goal per campaign and currency, in one place. Until now a case carried a goal of its own
 * (the Overview's) and its campaign settings another (the public page's); the campaign's wins, the case's fills in
 * a currency the campaign had none for.
 */
export class CampaignGoals1796030260000 implements MigrationInterface {
  name = 'CampaignGoals1796030260000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table campaign_goals (
        case_id uuid not null references cases(id) on delete cascade,
        currency char(3) not null,
        amount_minor bigint not null check (amount_minor > 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (case_id, currency)
      )`);
    await db.query(`
      insert into campaign_goals (case_id, currency, amount_minor)
      select case_id, goal_currency, goal_minor from campaign_settings where goal_minor > 0 and goal_currency is not null`);
    await db.query(`
      insert into campaign_goals (case_id, currency, amount_minor)
      select id, goal_currency, goal_amount_minor from cases where goal_amount_minor > 0 and goal_currency is not null
      on conflict (case_id, currency) do nothing`);
    await db.query(`alter table campaign_settings drop column goal_minor, drop column goal_currency`);
    await db.query(`alter table cases drop column goal_amount_minor, drop column goal_currency`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table cases add column goal_amount_minor bigint, add column goal_currency char(3),
      add constraint cases_goal_complete check ((goal_amount_minor is null) = (goal_currency is null))`);
    await db.query(`alter table campaign_settings add column goal_minor bigint, add column goal_currency char(3)`);
    await db.query(`
      update campaign_settings s set goal_minor = g.amount_minor, goal_currency = g.currency
        from (select distinct on (case_id) case_id, currency, amount_minor from campaign_goals order by case_id, currency) g where g.case_id = s.case_id`);
    await db.query(`drop table campaign_goals`);
  }
}
