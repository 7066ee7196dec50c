import type { AssignBankTransferRequest, BankTransferItem, BankTransferListQuery, Page } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { openText } from '../common/crypto/field-cipher';
import { openDonorField } from '../donations/donor-identity';
import { num, rowsOf } from '../donations/sql';
import { transferField } from './bank-transfer-fields';
import { BankTransferMatcher } from './bank-transfer-matcher';

interface TransferRow {
  id: string;
  statement_id: string;
  direction: 'in' | 'out';
  status: BankTransferItem['status'];
  matched_by: BankTransferItem['matchedBy'];
  document_number: string;
  booked_day: string;
  amount_minor: string;
  currency: string;
  counterparty_name: string | null;
  payer_name: string | null;
  counterparty_account: string | null;
  purpose: string | null;
  code: string | null;
  case_id: string | null;
  case_title: string | null;
  donation_id: string | null;
  expense_id: string | null;
  donor_id: string | null;
  key: string;
}

/** Finance's review of statement lines: what was matched, what waits for a decision, and the decisions. */
@Injectable()
export class BankTransfersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly matcher: BankTransferMatcher,
  ) {}

  /** Payer names and accounts are donor data: each listing of them is audited like the donations list. */
  async list(actor: Actor, query: BankTransferListQuery): Promise<Page<BankTransferItem>> {
    const params: unknown[] = [query.limit + 1];
    const where: string[] = [];
    if (query.status) where.push(`t.status = $${params.push(query.status)}`);
    const cursor = decodeCursor(query.cursor);
    if (cursor) where.push(`(t.booked_on, t.id) < ($${params.push(cursor.key)}::date, $${params.push(cursor.id)}::uuid)`);
    const rows = await rowsOf<TransferRow>(
      this.db,
      `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by t.booked_on desc, t.id desc limit $1`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => ({ key: row.booked_day, id: row.id }), toItem);
    await this.audit.recordReads(
      actor,
      'bank_transfer',
      page.items.filter((item) => item.direction === 'in').map((item) => item.id),
      'bank_transfer.payer_viewed',
    );
    return page;
  }

  /** Assigns an unmatched incoming transfer to a campaign (a donation, counted at once) or sets it aside. */
  async assign(actor: Actor, id: string, input: AssignBankTransferRequest): Promise<BankTransferItem> {
    const caseId = input.caseId ? (await this.access.resolve(actor, input.caseId, 'money:write')).id : null;
    await this.db.transaction(async (m) => {
      const [transfer] = await rowsOf<{ status: string; direction: string }>(m, `select status, direction from bank_transfers where id = $1 for update`, [id]);
      if (!transfer) throw new NotFound('Bank transfer');
      if (transfer.direction !== 'in' || transfer.status !== 'unmatched')
        throw new Conflict(`This transfer is ${transfer.status} and cannot be assigned again`);
      if (caseId) {
        await this.matcher.recordDonation(m, id, { caseId, pledgeId: null, code: null, matchedBy: 'manual', decidedBy: actor.id });
      } else {
        await m.query(`update bank_transfers set status = 'not_donation', decided_by = $2, decided_at = now(), updated_at = now() where id = $1`, [
          id,
          actor.id,
        ]);
      }
      await this.audit.record(
        actor,
        { action: caseId ? 'bank_transfer.assigned' : 'bank_transfer.not_donation', entityType: 'bank_transfer', entityId: id, details: { caseId } },
        m,
      );
    });
    const [row] = await rowsOf<TransferRow>(this.db, `${SELECT} where t.id = $1`, [id]);
    return toItem(row);
  }
}

const SELECT = `select t.*, to_char(t.booked_on, 'YYYY-MM-DD') as booked_day, c.title as case_title, di.name as payer_name
  from bank_transfers t left join cases c on c.id = t.case_id left join donor_identities di on di.id = t.donor_id`;

function toItem(row: TransferRow): BankTransferItem {
  return {
    id: row.id,
    statementId: row.statement_id,
    direction: row.direction,
    status: row.status,
    matchedBy: row.matched_by,
    documentNumber: row.document_number,
    bookedOn: row.booked_day,
    amountMinor: num(row.amount_minor),
    currency: row.currency,
    counterpartyName:
      row.direction === 'in'
        ? openDonorField('name', row.donor_id, row.payer_name)
        : openText(row.counterparty_name, transferField('counterparty_name', row.id)),
    counterpartyAccount: openText(row.counterparty_account, transferField('counterparty_account', row.id)),
    purpose: openText(row.purpose, transferField('purpose', row.id)),
    code: row.code,
    caseId: row.case_id,
    caseTitle: row.case_title,
    donationId: row.donation_id,
    expenseId: row.expense_id,
    donorId: row.donor_id,
  };
}
