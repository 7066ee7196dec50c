import type { AtRiskGift, DonationSummary, Page, PageQuery, ReconciliationRun, StripeIssueItem } from '@habeas/contracts';
import { isIsoCurrency } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cursorKey, decodeCursor, keysetAfter, toPage } from '../common/pagination';
import { openDonorField } from './donor-identity';
import { heldPayload } from './held-stripe-payload';
import { num, rowsOf } from '../common/database/sql';

interface IssueRow {
  event_id: string;
  type: string;
  reason: StripeIssueItem['reason'];
  payload: string | null;
  attempts: number;
  first_seen_at: Date;
  last_tried_at: Date;
  seen_key: string;
}

/** What finance must look at: Stripe events not applied yet, monthly gifts at risk, reconciliation runs, payouts. */
@Injectable()
export class MoneyAttentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async issues(query: PageQuery): Promise<Page<StripeIssueItem>> {
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [query.limit + 1];
    const after = cursor ? `and ${keysetAfter(params, cursor, { key: 'first_seen_at', id: 'event_id', idType: 'text' })}` : '';
    const rows = await rowsOf<IssueRow>(
      this.db,
      `select *, ${cursorKey('first_seen_at')} as seen_key from stripe_event_issues
        where resolved_at is null ${after}
        order by first_seen_at, event_id limit $1`,
      params,
    );
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.seen_key, id: row.event_id }),
      (row) => toIssue(row),
    );
  }

  async openIssueCount(): Promise<number> {
    const [row] = await rowsOf<{ n: number }>(this.db, `select count(*)::int as n from stripe_event_issues where resolved_at is null`);
    return row.n;
  }

  async atRisk(caseId: string | null): Promise<AtRiskGift[]> {
    const rows = await rowsOf<{
      id: string;
      slug: string;
      amount_minor: string;
      currency: string;
      payment_failed_at: Date;
      donor_id: string | null;
      name: string | null;
      show: boolean;
    }>(
      this.db,
      `select d.id, c.slug, d.amount_minor, d.currency, d.payment_failed_at, d.donor_id, di.name, di.erased_at is null as show
         from donations d join cases c on c.id = d.case_id left join donor_identities di on di.id = d.donor_id
        where d.subscription_status = 'past_due' and ($1::uuid is null or d.case_id = $1) order by d.payment_failed_at desc limit 100`,
      [caseId],
    );
    return rows.map((row) => ({
      donationId: row.id,
      caseSlug: row.slug,
      amountMinor: num(row.amount_minor),
      currency: row.currency,
      failedAt: row.payment_failed_at.toISOString(),
      donorName: row.show ? openDonorField('name', row.donor_id, row.name) : null,
    }));
  }

  async lastRun(): Promise<ReconciliationRun | null> {
    const [run] = await rowsOf<{
      started_at: Date;
      finished_at: Date | null;
      checked_count: number;
      fixed_count: number;
      failed_count: number;
      error: string | null;
      error_kind: ReconciliationRun['errorKind'];
    }>(this.db, `select * from reconciliation_runs order by started_at desc limit 1`);
    return run
      ? {
          startedAt: run.started_at.toISOString(),
          finishedAt: run.finished_at?.toISOString() ?? null,
          checkedCount: run.checked_count,
          fixedCount: run.fixed_count,
          failedCount: run.failed_count,
          error: run.error,
          errorKind: run.error_kind,
        }
      : null;
  }

  /** Records that a reconciliation run started; its id. */
  async startRun(): Promise<string> {
    const [run] = await rowsOf<{ id: string }>(this.db, `insert into reconciliation_runs default values returning id`);
    return run.id;
  }

  async finishRun(id: string, counts: { checked: number; fixed: number; failed: number }, error: { kind: string; detail: string } | null): Promise<void> {
    await this.db.query(
      `update reconciliation_runs set finished_at = now(), checked_count = $2, fixed_count = $3, failed_count = $4, error = $5, error_kind = $6 where id = $1`,
      [id, counts.checked, counts.fixed, counts.failed, error?.detail ?? null, error?.kind ?? null],
    );
  }

  async payouts(): Promise<DonationSummary['payouts']> {
    const rows = await rowsOf<{ id: string; amount_minor: string; currency: string; status: string; arrival: string | null }>(
      this.db,
      `select id, amount_minor, currency, status, to_char(arrival_date, 'YYYY-MM-DD') as arrival from stripe_payouts order by arrival_date desc nulls first, id limit 20`,
    );
    return rows.map((row) => ({ id: row.id, amountMinor: num(row.amount_minor), currency: row.currency, status: row.status, arrivalDate: row.arrival }));
  }
}

function toIssue(row: IssueRow): StripeIssueItem {
  const object = ((row.payload ? heldPayload(row.payload, row.event_id) : undefined)?.data?.object ?? {}) as Record<string, unknown>;
  const currency = typeof object.currency === 'string' ? object.currency.toUpperCase() : null;
  const amount = [object.amount_paid, object.amount_total, object.amount].find((value) => typeof value === 'number') as number | undefined;
  return {
    eventId: row.event_id,
    type: row.type,
    reason: row.reason,
    objectId: typeof object.id === 'string' ? object.id : null,
    amount: currency && isIsoCurrency(currency) && amount !== undefined ? { amountMinor: amount, currency } : null,
    attempts: row.attempts,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastTriedAt: row.last_tried_at.toISOString(),
  };
}
