import type { CampaignGoal, CampaignProgress } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { num, rowsOf } from '../common/database/sql';

type Query = Pick<EntityManager, 'query'>;

export interface GoalRow {
  currency: string;
  amount_minor: string | number;
}

/** A case's goals ($1: the case), oldest first. */
export const GOALS_SQL = `select currency, amount_minor from campaign_goals where case_id = $1 order by created_at, currency`;

export const goalsFromRows = (rows: GoalRow[]): CampaignGoal[] => rows.map((row) => ({ currency: row.currency, amountMinor: num(row.amount_minor) }));

export interface ProgressRow {
  currency: string;
  goal: string | number | null;
  one_off: string | number;
  monthly: string | number;
  offline: string | number;
}

/** Every currency with a goal or money ($1: the case), the goals' currencies first in the order they were set. */
export const PROGRESS_SQL = `with net as (
     select currency,
            sum(raised_minor - refunded_minor - disputed_minor) filter (where kind = 'one_off') as one_off,
            sum(raised_minor - refunded_minor - disputed_minor) filter (where kind = 'recurring') as monthly,
            sum(raised_minor - refunded_minor - disputed_minor) filter (where kind = 'offline') as offline
       from campaign_totals where case_id = $1 group by currency)
   select coalesce(g.currency, n.currency) as currency, g.amount_minor as goal, coalesce(n.one_off, 0) as one_off,
          coalesce(n.monthly, 0) as monthly, coalesce(n.offline, 0) as offline
     from (select * from campaign_goals where case_id = $1) g full join net n on n.currency = g.currency
    order by g.created_at nulls last, 1`;

export const progressFromRows = (rows: ProgressRow[]): CampaignProgress[] =>
  rows.map((row) => ({
    currency: row.currency,
    goalMinor: row.goal === null ? null : num(row.goal),
    oneOffMinor: num(row.one_off),
    monthlyMinor: num(row.monthly),
    offlineMinor: num(row.offline),
    raisedMinor: num(row.one_off) + num(row.monthly) + num(row.offline),
  }));

/** Goals (one per campaign and currency) and progress against them, read from the per-currency totals. */
@Injectable()
export class CampaignGoalsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async goalsOf(caseId: string, m: Query = this.db): Promise<CampaignGoal[]> {
    return goalsFromRows(await rowsOf<GoalRow>(m, GOALS_SQL, [caseId]));
  }

  /** Replaces the campaign's goals, in the caller's transaction; a currency kept keeps its place. */
  async replaceGoals(m: EntityManager, caseId: string, goals: CampaignGoal[]): Promise<void> {
    await m.query(`delete from campaign_goals where case_id = $1 and not (currency = any($2::text[]))`, [caseId, goals.map((goal) => goal.currency)]);
    for (const goal of goals)
      await m.query(
        `insert into campaign_goals (case_id, currency, amount_minor) values ($1, $2, $3)
         on conflict (case_id, currency) do update set amount_minor = excluded.amount_minor, updated_at = now()`,
        [caseId, goal.currency, goal.amountMinor],
      );
  }

  /** Every currency with a goal or money, one-off, monthly and offline apart (net of refunds and disputes). */
  async progressOf(caseId: string, m: Query = this.db): Promise<CampaignProgress[]> {
    return progressFromRows(await rowsOf<ProgressRow>(m, PROGRESS_SQL, [caseId]));
  }
}
