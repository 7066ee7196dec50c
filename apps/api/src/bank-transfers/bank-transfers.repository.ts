import type { BankTransferItem, BankTransferListQuery } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { openText } from '../common/crypto/field-cipher';
import { keysetAfter, type KeysetCursor } from '../common/pagination';
import { openDonorField } from '../donations/donor-identity';
import { num, rowsOf } from '../common/database/sql';
import { transferField } from './bank-transfer-fields';

export interface TransferRow {
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

/** Statement lines as finance reviews them, with the campaign and the payer's (sealed) name. */
@Injectable()
export class BankTransfersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Up to `limit` transfers, latest booked first, after `after` by (booked_on, id). */
  page(limit: number, after: KeysetCursor | undefined, status: BankTransferListQuery['status']): Promise<TransferRow[]> {
    const params: unknown[] = [limit];
    const where: string[] = [];
    if (status) where.push(`t.status = $${params.push(status)}`);
    if (after) where.push(keysetAfter(params, after, { key: 't.booked_on', id: 't.id', keyType: 'date', descending: true }));
    return rowsOf<TransferRow>(
      this.db,
      `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by t.booked_on desc, t.id desc limit $1`,
      params,
    );
  }

  async byId(id: string): Promise<TransferRow | undefined> {
    const [row] = await rowsOf<TransferRow>(this.db, `${SELECT} where t.id = $1`, [id]);
    return row;
  }

  /** The transfer's direction and status, locked until the decision on it commits. */
  async lockForDecision(m: EntityManager, id: string): Promise<{ status: string; direction: string } | undefined> {
    const [transfer] = await rowsOf<{ status: string; direction: string }>(m, `select status, direction from bank_transfers where id = $1 for update`, [id]);
    return transfer;
  }

  async markNotDonation(m: EntityManager, id: string, decidedBy: string): Promise<void> {
    await m.query(`update bank_transfers set status = 'not_donation', decided_by = $2, decided_at = now(), updated_at = now() where id = $1`, [id, decidedBy]);
  }
}

const SELECT = `select t.*, to_char(t.booked_on, 'YYYY-MM-DD') as booked_day, c.title as case_title, di.name as payer_name
  from bank_transfers t left join cases c on c.id = t.case_id left join donor_identities di on di.id = t.donor_id`;

export function toItem(row: TransferRow): BankTransferItem {
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
