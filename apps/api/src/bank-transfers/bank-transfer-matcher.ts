import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MoneyLedger } from '../donations/money-ledger.service';
import { rowsOf } from '../common/database/sql';
import { moveDonorName } from '../donations/donor-identity';
import type { StatementLine } from './client-bank-exchange';
import { codesIn } from './reference-code';

/** How far a pledge may precede the transfer that pays it, and an expense the payment that settles it. */
const PLEDGE_WINDOW_DAYS = 30;
const EXPENSE_WINDOW_DAYS = 10;

interface CodeRow {
  code: string;
  case_id: string;
  donation_id: string | null;
  status: string | null;
}

/**
 * Decides what a statement line is: a donation to a campaign (by its reference code, or a pledge by
 * amount and date when the code was mangled), or the payment of an approved expense. Runs in the
 * import's transaction; every donation it records moves the totals through the money ledger.
 */
@Injectable()
export class BankTransferMatcher {
  constructor(private readonly ledger: MoneyLedger) {}

  async matchIncoming(m: EntityManager, transferId: string, line: StatementLine): Promise<boolean> {
    const byCode = await this.byCode(m, line.purpose);
    if (byCode) {
      const pledge = byCode.donation_id && byCode.status === 'pending' ? byCode.donation_id : null;
      await this.recordDonation(m, transferId, { caseId: byCode.case_id, pledgeId: pledge, code: byCode.code, matchedBy: 'code' });
      return true;
    }
    const [pledge] = await rowsOf<{ id: string; case_id: string; code: string }>(
      m,
      `select d.id, d.case_id, c.code from donations d join bank_reference_codes c on c.donation_id = d.id
        where d.method = 'bank_transfer' and d.status = 'pending' and d.currency = 'RUB' and d.amount_minor = $1
          and d.created_at < $2::date + interval '1 day' and d.created_at > $2::date - make_interval(days => $3)
          and not exists (select 1 from bank_transfers t where t.donation_id = d.id)
        order by d.created_at limit 1`,
      [line.amountMinor, line.date, PLEDGE_WINDOW_DAYS],
    );
    if (pledge && (await this.onlyPledge(m, line))) {
      await this.recordDonation(m, transferId, { caseId: pledge.case_id, pledgeId: pledge.id, code: pledge.code, matchedBy: 'amount_date' });
      return true;
    }
    return false;
  }

  /** The amount-and-date fallback applies only when exactly one open pledge fits. */
  private async onlyPledge(m: EntityManager, line: StatementLine): Promise<boolean> {
    const [row] = await rowsOf<{ n: number }>(
      m,
      `select count(*)::int as n from donations d
        where d.method = 'bank_transfer' and d.status = 'pending' and d.currency = 'RUB' and d.amount_minor = $1
          and d.created_at < $2::date + interval '1 day' and d.created_at > $2::date - make_interval(days => $3)
          and not exists (select 1 from bank_transfers t where t.donation_id = d.id)`,
      [line.amountMinor, line.date, PLEDGE_WINDOW_DAYS],
    );
    return row.n === 1;
  }

  private async byCode(m: EntityManager, purpose: string): Promise<CodeRow | null> {
    const candidates = codesIn(purpose);
    if (!candidates.length) return null;
    const rows = await rowsOf<CodeRow>(
      m,
      `select c.code, c.case_id, c.donation_id, d.status from bank_reference_codes c left join donations d on d.id = c.donation_id where c.code = any($1)`,
      [candidates],
    );
    for (const candidate of candidates) {
      const found = rows.find((row) => row.code === candidate);
      if (found) return found;
    }
    return null;
  }

  /**
   * Records the transfer as a paid bank-transfer donation: the pledge it pays, or a new donation of the campaign.
   * The payer stays anonymous on the public page unless a pledge said otherwise.
   */
  async recordDonation(
    m: EntityManager,
    transferId: string,
    match: { caseId: string; pledgeId: string | null; code: string | null; matchedBy: 'code' | 'amount_date' | 'manual'; decidedBy?: string },
  ): Promise<string> {
    const [transfer] = await rowsOf<{ amount_minor: string; booked_on: string; donor_id: string | null }>(
      m,
      `select amount_minor, to_char(booked_on, 'YYYY-MM-DD') as booked_on, donor_id from bank_transfers where id = $1 for update`,
      [transferId],
    );
    const amount = Number(transfer.amount_minor);
    const at = new Date(`${transfer.booked_on}T12:00:00Z`);
    let donationId: string;
    let donorId = transfer.donor_id;
    if (match.pledgeId) {
      const [pledge] = await rowsOf<{ id: string; donor_id: string | null }>(
        m,
        `update donations set status = 'paid', amount_minor = $2, paid_minor = $2, paid_at = $3, updated_at = now() where id = $1 returning id, donor_id`,
        [match.pledgeId, amount, at],
      );
      donationId = pledge.id;
      if (pledge.donor_id && transfer.donor_id) {
        // One person, one identity: the payer's name joins the pledge's identity, which the donor controls.
        await moveDonorName(m, transfer.donor_id, pledge.donor_id);
        await m.query(`delete from donor_identities where id = $1`, [transfer.donor_id]);
        donorId = pledge.donor_id;
      }
    } else {
      const [donation] = await rowsOf<{ id: string }>(
        m,
        `insert into donations (case_id, donor_id, kind, status, amount_minor, currency, paid_minor, method, recorded_by, paid_at, created_at)
         values ($1, $2, 'offline', 'paid', $3, 'RUB', $3, 'bank_transfer', $4, $5, $5) returning id`,
        [match.caseId, transfer.donor_id, amount, match.decidedBy ?? null, at],
      );
      donationId = donation.id;
    }
    await m.query(
      `update bank_transfers set status = 'matched', matched_by = $2, case_id = $3, donation_id = $4, code = $5, donor_id = $6, decided_by = $7,
         decided_at = case when $7::uuid is null then null else now() end, updated_at = now() where id = $1`,
      [transferId, match.matchedBy, match.caseId, donationId, match.code, donorId, match.decidedBy ?? null],
    );
    await this.ledger.recordOffline(m, donationId, match.caseId, amount, 'RUB', at, `bank:${transferId}`);
    return donationId;
  }

  /** An outgoing payment settles the approved expense of the same amount nearest in date, if one is open. */
  async matchOutgoing(m: EntityManager, transferId: string, line: StatementLine): Promise<boolean> {
    const [expense] = await rowsOf<{ id: string; case_id: string }>(
      m,
      `select e.id, e.case_id from expenses e
        where e.status = 'paid' and e.currency = 'RUB' and e.amount_minor = $1 and abs(e.spent_on - $2::date) <= $3
          and not exists (select 1 from bank_transfers t where t.expense_id = e.id)
        order by abs(e.spent_on - $2::date), e.created_at limit 1`,
      [line.amountMinor, line.date, EXPENSE_WINDOW_DAYS],
    );
    if (!expense) return false;
    await m.query(`update bank_transfers set status = 'expense_matched', expense_id = $2, case_id = $3, updated_at = now() where id = $1`, [
      transferId,
      expense.id,
      expense.case_id,
    ]);
    return true;
  }
}
