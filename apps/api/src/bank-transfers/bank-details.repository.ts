import type { BankDetails, bankDetailsRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../common/database/sql';
import { newReferenceCode } from './reference-code';

interface DetailsRow {
  recipient_name: string;
  account: string;
  bank_name: string;
  bic: string;
  correspondent_account: string;
  inn: string | null;
  kpp: string | null;
  code: string;
  updated_at: Date;
}

/** A campaign's bank details with its reference code, and the codes of pledges. */
@Injectable()
export class BankDetailsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async details(caseId: string): Promise<BankDetails | null> {
    const [row] = await rowsOf<DetailsRow>(
      this.db,
      `select b.*, c.code from campaign_bank_details b join bank_reference_codes c on c.case_id = b.case_id and c.donation_id is null where b.case_id = $1`,
      [caseId],
    );
    return row ? toDetails(row) : null;
  }

  /** Saves the details; the campaign's reference code is made once and kept (donors may have saved it). */
  async save(tx: EntityManager, caseId: string, input: ReturnType<typeof bankDetailsRequest.parse>): Promise<void> {
    await tx.query(
      `insert into campaign_bank_details (case_id, recipient_name, account, bank_name, bic, correspondent_account, inn, kpp) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (case_id) do update set recipient_name = excluded.recipient_name, account = excluded.account, bank_name = excluded.bank_name, bic = excluded.bic,
         correspondent_account = excluded.correspondent_account, inn = excluded.inn, kpp = excluded.kpp, updated_at = now()`,
      [caseId, input.recipientName, input.account, input.bankName, input.bic, input.correspondentAccount, input.inn ?? null, input.kpp ?? null],
    );
    const [existing] = await rowsOf(tx, `select 1 from bank_reference_codes where case_id = $1 and donation_id is null`, [caseId]);
    if (!existing) await insertCode(tx, caseId, null);
  }

  /** The id of the public campaign with this address. */
  async publicCaseId(slug: string): Promise<string | undefined> {
    const [found] = await rowsOf<{ id: string }>(this.db, `select id from cases where slug = $1 and is_public`, [slug]);
    return found?.id;
  }

  /** A pending bank-transfer donation of this donor, with its own reference code (returned). */
  async insertPledge(m: EntityManager, caseId: string, donorId: string, amountMinor: number): Promise<string> {
    const [donation] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, method) values ($1, $2, 'offline', $3, 'RUB', 'bank_transfer') returning id`,
      [caseId, donorId, amountMinor],
    );
    return insertCode(m, caseId, donation.id);
  }
}

/** A fresh code for the campaign (donationId null) or a pledge; retried on the rare collision. */
export async function insertCode(m: EntityManager, caseId: string, donationId: string | null): Promise<string> {
  for (;;) {
    const code = newReferenceCode();
    const inserted = await rowsOf(
      m,
      `insert into bank_reference_codes (code, case_id, donation_id) values ($1, $2, $3) on conflict (code) do nothing returning code`,
      [code, caseId, donationId],
    );
    if (inserted.length) return code;
  }
}

function toDetails(row: DetailsRow): BankDetails {
  return {
    recipientName: row.recipient_name,
    account: row.account,
    bankName: row.bank_name,
    bic: row.bic,
    correspondentAccount: row.correspondent_account,
    inn: row.inn,
    kpp: row.kpp,
    code: row.code,
    updatedAt: row.updated_at.toISOString(),
  };
}
