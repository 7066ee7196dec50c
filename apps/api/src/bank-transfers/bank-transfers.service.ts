import type { AssignBankTransferRequest, BankTransferItem, BankTransferListQuery, Page } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { BankTransfersRepository, toItem } from './bank-transfers.repository';
import { BankTransferMatcher } from './bank-transfer-matcher';

/** Finance's review of statement lines: what was matched, what waits for a decision, and the decisions. */
@Injectable()
export class BankTransfersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly matcher: BankTransferMatcher,
    private readonly transfers: BankTransfersRepository,
  ) {}

  /** Payer names and accounts are donor data: each listing of them is audited like the donations list. */
  async list(actor: Actor, query: BankTransferListQuery): Promise<Page<BankTransferItem>> {
    const rows = await this.transfers.page(query.limit + 1, decodeCursor(query.cursor), query.status);
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
      const transfer = await this.transfers.lockForDecision(m, id);
      if (!transfer) throw new NotFound('Bank transfer');
      if (transfer.direction !== 'in' || transfer.status !== 'unmatched')
        throw new Conflict(`This transfer is ${transfer.status} and cannot be assigned again`);
      if (caseId) {
        await this.matcher.recordDonation(m, id, { caseId, pledgeId: null, code: null, matchedBy: 'manual', decidedBy: actor.id });
      } else {
        await this.transfers.markNotDonation(m, id, actor.id);
      }
      await this.audit.record(
        actor,
        { action: caseId ? 'bank_transfer.assigned' : 'bank_transfer.not_donation', entityType: 'bank_transfer', entityId: id, details: { caseId } },
        m,
      );
    });
    return toItem((await this.transfers.byId(id))!);
  }
}
