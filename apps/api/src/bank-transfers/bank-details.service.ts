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
import { BankDetailsRepository } from './bank-details.repository';
import { paymentPayload, paymentQrSvg } from './payment-qr';
import { purposeFor } from './reference-code';

/** The fund's Russian bank account per campaign, and what a donor's banking app needs to pay into it. */
@Injectable()
export class BankDetailsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
    private readonly repository: BankDetailsRepository,
  ) {}

  detailsOf(caseId: string): Promise<BankDetails | null> {
    return this.repository.details(caseId);
  }

  /** Saves the details; the campaign's reference code is made once and kept (donors may have saved it). */
  async save(actor: Actor, caseId: string, input: ReturnType<typeof bankDetailsRequest.parse>, m?: EntityManager): Promise<BankDetails> {
    const write = async (tx: EntityManager) => {
      await this.repository.save(tx, caseId, input);
      await this.audit.record(actor, { action: 'case.bank_details_saved', entityType: 'case', entityId: caseId, details: { bic: input.bic } }, tx);
    };
    if (m) await write(m);
    else await this.db.transaction(write);
    return (await this.detailsOf(caseId))!;
  }

  /** What the donation page shows: details, the purpose with the code, and the payment QR for the amount (if any). */
  async publicTransfer(slug: string, amountMinor: number | undefined, pledgeCode?: string): Promise<PublicBankTransfer> {
    const caseId = await this.repository.publicCaseId(slug);
    const details = caseId ? await this.detailsOf(caseId) : null;
    if (!caseId || !details) throw new NotFound('Bank transfer details');
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
    const caseId = await this.repository.publicCaseId(slug);
    if (!caseId || !(await this.detailsOf(caseId))) throw new NotFound('Bank transfer details');
    await this.campaigns.throttle(ip);
    const code = await this.db.transaction(async (m) => {
      const donor = { id: await insertDonorIdentity(m, { name: input.name, email: input.email, showName: input.showName && Boolean(input.name) }) };
      return this.repository.insertPledge(m, caseId, donor.id, input.amountMinor);
    });
    return this.publicTransfer(slug, input.amountMinor, code);
  }
}
