import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import { insertDonorIdentity } from '../donations/donor-identity';
import { MoneyLedger } from '../donations/money-ledger.service';
import { rowsOf } from '../common/database/sql';
import { insertCode } from './bank-details.repository';
import { BankStatementsService } from './bank-statements.service';
import { renderStatement, type DemoDocument } from './demo-statement';
import { purposeFor } from './reference-code';

/** Clearly invented details (valid check digits, so the page works; names say they are not real). */
export const DEMO_BANK_DETAILS = {
  recipientName: 'ДЕМО: Фонд «Правовая защита» (вымышленный — не переводите)',
  account: '40703810500000004217',
  bankName: 'ДЕМО-БАНК (вымышленный)',
  bic: '049999123',
  correspondentAccount: '30101810600000000123',
  inn: '7770000002',
  kpp: '777001001',
};

const day = 24 * 3600 * 1000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString().slice(0, 10);

/** Vorontsov's campaign takes bank transfers; a sample statement with matched, unmatched and outgoing lines is imported. */
@Injectable()
export class BankTransfersDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly statements: BankStatementsService,
    private readonly ledger: MoneyLedger,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 55,
      name: 'bank transfers',
      seed: async ({ manager, ids }) => {
        const vorontsov = ids.get('case:vorontsov')!;
        await this.seedTexts(manager, vorontsov);
        const d = DEMO_BANK_DETAILS;
        await manager.query(
          `insert into campaign_bank_details (case_id, recipient_name, account, bank_name, bic, correspondent_account, inn, kpp) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [vorontsov, d.recipientName, d.account, d.bankName, d.bic, d.correspondentAccount, d.inn, d.kpp],
        );
        const code = await insertCode(manager, vorontsov, null);
        const pledge = await this.seedPledge(manager, vorontsov, 300000, 9);
        const expense = await this.seedExpense(manager, vorontsov, ids.get('user:finance')!, ids.get('user:admin')!, 450000, 6);
        const documents: DemoDocument[] = [
          {
            number: '118',
            date: isoDay(12),
            amountRub: '1500.00',
            direction: 'in',
            counterparty: 'Смирнова Ольга Викторовна',
            counterpartyAccount: '40817810000000000001',
            purpose: purposeFor(code),
          },
          {
            number: '7',
            date: isoDay(10),
            amountRub: '5000.00',
            direction: 'in',
            counterparty: 'Кузнецов Андрей Павлович',
            counterpartyAccount: '40817810000000000002',
            purpose: `пожертвование код ${code.toLowerCase()}`,
          },
          {
            number: '2231',
            date: isoDay(8),
            amountRub: '3000.00',
            direction: 'in',
            counterparty: 'Орлова Елена Игоревна',
            counterpartyAccount: '40817810000000000003',
            purpose: 'Пожертвование на защиту',
          },
          {
            number: '55',
            date: isoDay(7),
            amountRub: '700.00',
            direction: 'in',
            counterparty: 'Волков Денис Олегович',
            counterpartyAccount: '40817810000000000004',
            purpose: 'Перевод по номеру телефона',
          },
          {
            number: '903',
            date: isoDay(4),
            amountRub: '1200.00',
            direction: 'in',
            counterparty: 'ООО «Канцтовары»',
            counterpartyAccount: '40702810000000000005',
            counterpartyInn: '7707083893',
            purpose: 'Возврат излишне уплаченных средств по счёту 41',
          },
          {
            number: '31',
            date: isoDay(5),
            amountRub: '4500.00',
            direction: 'out',
            counterparty: 'Адвокатский кабинет Петрова А. В.',
            counterpartyAccount: '40802810000000000006',
            purpose: 'Оплата юридической помощи по соглашению №12',
          },
          {
            number: '32',
            date: isoDay(3),
            amountRub: '99.00',
            direction: 'out',
            counterparty: 'ДЕМО-БАНК',
            counterpartyAccount: '70601810000000000007',
            purpose: 'Комиссия за ведение счёта',
          },
        ];
        await this.statements.importStatement(
          null,
          { fileName: 'demo-statement-1c.txt', bytes: renderStatement(d.account, isoDay(14), isoDay(1), documents) },
          manager,
        );
        ids.set('bank:pledge', pledge);
        ids.set('bank:expense', expense);
      },
    });
  }

  /** Texts for the public page in both languages, from the case's own titles and summaries. */
  private async seedTexts(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      `insert into campaign_texts (case_id, language, title, summary, other_ways)
       select id, 'ru', title, public_summary, $2 from cases where id = $1::uuid union all select id, 'en', title_en, public_summary_en, $3 from cases where id = $1::uuid`,
      [
        caseId,
        'Наличными — в офисе фонда по будням с 10 до 18 (ДЕМО, адрес вымышленный). Из-за рубежа — картой через форму на этой странице.',
        "In cash at the fund's office on weekdays, 10:00–18:00 (DEMO, invented address). From abroad, by card with the form on this page.",
      ],
    );
  }

  private async seedPledge(m: EntityManager, caseId: string, amountMinor: number, daysAgo: number): Promise<string> {
    const donor = { id: await insertDonorIdentity(m, { email: 'pledge@example.org', showName: false }) };
    const [donation] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, method, created_at) values ($1, $2, 'offline', $3, 'RUB', 'bank_transfer', $4) returning id`,
      [caseId, donor.id, amountMinor, new Date(Date.now() - daysAgo * day)],
    );
    await insertCode(m, caseId, donation.id);
    return donation.id;
  }

  private async seedExpense(m: EntityManager, caseId: string, finance: string, admin: string, amountMinor: number, daysAgo: number): Promise<string> {
    const spentOn = isoDay(daysAgo);
    const payee = 'Адвокатский кабинет Петрова А. В.';
    const [row] = await rowsOf<{ id: string }>(
      m,
      `insert into expenses (case_id, category, payee, spent_on, amount_minor, currency, submitted_by, status, approved_by, approved_at)
       values ($1, 'legal_fees', $2, $3, $4, 'RUB', $5, 'paid', $6, now()) returning id`,
      [caseId, payee, spentOn, amountMinor, finance, admin],
    );
    await this.ledger.expensePaid(m, { id: row.id, caseId, category: 'legal_fees', payee, spentOn, amountMinor, currency: 'RUB' });
    return row.id;
  }
}
