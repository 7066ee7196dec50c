import type { BankDetails, PublicBankTransfer } from '@habeas/contracts';
import { bankDetailsRequest, bankPledgeRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { CampaignsService } from '../donations/campaigns.service';
import { insertDonorIdentity } from '../donations/donor-identity';
import { rowsOf } from '../donations/sql';
import { paymentPayload, paymentQrSvg } from './payment-qr';
import { newReferenceCode, purposeFor } from './reference-code';

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

/** The fund's Russian bank account per campaign, and what a donor's banking app needs to pay into it. */
@Injectable()
export class BankDetailsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
  ) {}

  async detailsOf(caseId: string): Promise<BankDetails | null> {
    const [row] = await rowsOf<DetailsRow>(
      this.db,
      `select b.*, c.code from campaign_bank_details b join bank_reference_codes c on c.case_id = b.case_id and c.donation_id is null where b.case_id = $1`,
      [caseId],
    );
    return row ? toDetails(row) : null;
  }

  /** Saves the details; the campaign's reference code is made once and kept (donors may have saved it). */
  async save(actor: Actor, caseId: string, input: ReturnType<typeof bankDetailsRequest.parse>, m?: EntityManager): Promise<BankDetails> {
    const write = async (tx: EntityManager) => {
      await tx.query(
        `insert into campaign_bank_details (case_id, recipient_name, account, bank_name, bic, correspondent_account, inn, kpp) values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (case_id) do update set recipient_name = excluded.recipient_name, account = excluded.account, bank_name = excluded.bank_name, bic = excluded.bic,
           correspondent_account = excluded.correspondent_account, inn = excluded.inn, kpp = excluded.kpp, updated_at = now()`,
        [caseId, input.recipientName, input.account, input.bankName, input.bic, input.correspondentAccount, input.inn ?? null, input.kpp ?? null],
      );
      const [existing] = await rowsOf(tx, `select 1 from bank_reference_codes where case_id = $1 and donation_id is null`, [caseId]);
      if (!existing) await insertCode(tx, caseId, null);
      await this.audit.record(actor, { action: 'case.bank_details_saved', entityType: 'case', entityId: caseId, details: { bic: input.bic } }, tx);
    };
    if (m) await write(m);
    else await this.db.transaction(write);
    return (await this.detailsOf(caseId))!;
  }

  /** What the donation page shows: details, the purpose with the code, and the payment QR for the amount (if any). */
  async publicTransfer(slug: string, amountMinor: number | undefined, pledgeCode?: string): Promise<PublicBankTransfer> {
    const [found] = await rowsOf<{ id: string }>(this.db, `select id from cases where slug = $1 and is_public`, [slug]);
    const details = found ? await this.detailsOf(found.id) : null;
    if (!found || !details) throw new NotFound('Bank transfer details');
    const code = pledgeCode ?? details.code;
    const purpose = purposeFor(code);
    const sumMinor = amountMinor && amountMinor > 0 ? amountMinor : null;
    const qrPayload = paymentPayload({
      name: details.recipientName,
      personalAcc: details.account,
      bankName: details.bankName,
      bic: details.bic,
      correspAcc: details.correspondentAccount,
      purpose,
      payeeInn: details.inn,
      kpp: details.kpp,
      sumMinor,
    });
    return {
      recipientName: details.recipientName,
      account: details.account,
      bankName: details.bankName,
      bic: details.bic,
      correspondentAccount: details.correspondentAccount,
      inn: details.inn,
      kpp: details.kpp,
      purpose,
      code,
      amountMinor: sumMinor,
      qrPayload,
      qrSvg: await paymentQrSvg(qrPayload),
    };
  }

  /**
   * A donor who wants a receipt pledges an amount: a pending bank-transfer donation with its own code.
   * The code is random; only the sealed donor identity links it to the person.
   */
  async pledge(slug: string, input: ReturnType<typeof bankPledgeRequest.parse>, ip: string): Promise<PublicBankTransfer> {
    const [found] = await rowsOf<{ id: string }>(this.db, `select id from cases where slug = $1 and is_public`, [slug]);
    if (!found || !(await this.detailsOf(found.id))) throw new NotFound('Bank transfer details');
    await this.campaigns.throttle(ip);
    const code = await this.db.transaction(async (m) => {
      const donor = { id: await insertDonorIdentity(m, { name: input.name, email: input.email, showName: input.showName && Boolean(input.name) }) };
      const [donation] = await rowsOf<{ id: string }>(
        m,
        `insert into donations (case_id, donor_id, kind, amount_minor, currency, method) values ($1, $2, 'offline', $3, 'RUB', 'bank_transfer') returning id`,
        [found.id, donor.id, input.amountMinor],
      );
      return insertCode(m, found.id, donation.id);
    });
    return this.publicTransfer(slug, input.amountMinor, code);
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
