import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DemoSeedRegistry } from '../demo/demo-seed.registry';
import type { Mail } from '../mail/mail.service';
import { insertDonorIdentity } from './donor-identity';
import { MoneyLedger } from './money-ledger.service';
import { rowsOf } from '../common/database/sql';

interface DemoDonation {
  kind: 'one_off' | 'recurring';
  amount: number;
  currency: string;
  daysAgo: number;
  donor?: { name?: string; email?: string; message?: string; show: boolean };
  months?: number;
  refunded?: number;
  canceled?: boolean;
}

const day = 24 * 3600 * 1000;

/** Donations (anonymous, named, recurring, one refunded), offline money and expenses for both demo cases. */
@Injectable()
export class DonationsDemo implements OnModuleInit {
  constructor(
    private readonly registry: DemoSeedRegistry,
    private readonly ledger: MoneyLedger,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      order: 50,
      name: 'money',
      seed: async ({ manager, ids }) => {
        const vorontsov = ids.get('case:vorontsov')!;
        const second = ids.get('case:second-case')!;
        const finance = ids.get('user:finance')!;
        const admin = ids.get('user:admin')!;
        await manager.query(
          `insert into campaign_settings (case_id, statement_descriptor, currencies) values ($1, 'HABEAS FUND', '{EUR,USD,GBP}'), ($2, 'HABEAS', '{EUR,USD}')`,
          [vorontsov, second],
        );
        // One goal per campaign and currency: the case's own, the same on the public page, the Overview and in finance.
        await manager.query(
          `insert into campaign_goals (case_id, currency, amount_minor) values ($1, 'EUR', 2000000), ($1, 'RUB', 150000000), ($2, 'EUR', 100000)`,
          [vorontsov, second],
        );
        await manager.query(`insert into app_settings (key, value) values ('fund.settings', $1::jsonb) on conflict (key) do nothing`, [
          JSON.stringify({ legalName: { ru: 'АНО «Фонд правовой защиты „Хабеас“»', en: 'Habeas Legal Defence Fund (ANO)' } }),
        ]);
        const donations: Array<[string, DemoDonation]> = [
          [vorontsov, { kind: 'one_off', amount: 5000, currency: 'EUR', daysAgo: 40 }],
          [
            vorontsov,
            {
              kind: 'one_off',
              amount: 10000,
              currency: 'EUR',
              daysAgo: 35,
              donor: { name: 'Anna K.', email: 'anna@example.org', message: 'Stay strong, Vladimir!', show: true },
            },
          ],
          [
            vorontsov,
            {
              kind: 'one_off',
              amount: 2500,
              currency: 'USD',
              daysAgo: 30,
              donor: { name: 'Hidden Donor', email: 'hidden@example.org', message: 'Solidarity.', show: false },
            },
          ],
          [
            vorontsov,
            { kind: 'recurring', amount: 2000, currency: 'EUR', daysAgo: 62, months: 3, donor: { name: 'Pavel', email: 'pavel@example.org', show: true } },
          ],
          [vorontsov, { kind: 'recurring', amount: 1000, currency: 'GBP', daysAgo: 60, months: 2, canceled: true }],
          [vorontsov, { kind: 'one_off', amount: 20000, currency: 'EUR', daysAgo: 20, refunded: 20000, donor: { email: 'mistake@example.org', show: false } }],
          [vorontsov, { kind: 'one_off', amount: 7500, currency: 'EUR', daysAgo: 3 }],
          [second, { kind: 'one_off', amount: 3000, currency: 'EUR', daysAgo: 15 }],
          [second, { kind: 'recurring', amount: 1500, currency: 'USD', daysAgo: 31, months: 2, donor: { name: 'M. L.', show: true } }],
        ];
        let n = 0;
        for (const [caseId, d] of donations) await this.seedDonation(manager, caseId, d, ++n);
        await this.seedOffline(manager, vorontsov, finance, 30000, 'EUR', 'банковский перевод', 25);
        await this.seedOffline(manager, second, finance, 10000, 'EUR', 'наличными', 10);
        const expenses: Array<[string, string, string, number, string, number, boolean]> = [
          [vorontsov, 'legal_fees', 'Адвокатский кабинет А. Петрова', 25000, 'EUR', 28, true],
          [vorontsov, 'parcels_commissary', 'Служба передач СИЗО-1', 4500, 'EUR', 12, true],
          [vorontsov, 'medical', 'Независимый кардиолог', 8000, 'EUR', 2, false],
          [second, 'court_fees', 'Мещанский районный суд г. Москвы', 1500, 'EUR', 5, true],
        ];
        for (const [caseId, category, payee, amount, currency, daysAgo, approved] of expenses) {
          const spentOn = new Date(Date.now() - daysAgo * day).toISOString().slice(0, 10);
          const [row] = await rowsOf<{ id: string }>(
            manager,
            `insert into expenses (case_id, category, payee, spent_on, amount_minor, currency, submitted_by, status, approved_by, approved_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
            [
              caseId,
              category,
              payee,
              spentOn,
              amount,
              currency,
              finance,
              approved ? 'paid' : 'awaiting_approval',
              approved ? admin : null,
              approved ? new Date() : null,
            ],
          );
          if (approved) await this.ledger.expensePaid(manager, { id: row.id, caseId, category, payee, spentOn, amountMinor: amount, currency });
        }
      },
    });
  }

  private async seedDonation(m: EntityManager, caseId: string, d: DemoDonation, n: number): Promise<void> {
    const mails: Mail[] = [];
    let donorId: string | null = null;
    if (d.donor) {
      donorId = await insertDonorIdentity(m, { name: d.donor.name, email: d.donor.email, message: d.donor.message, showName: d.donor.show });
    }
    const created = new Date(Date.now() - d.daysAgo * day);
    const [donation] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, donor_id, kind, amount_minor, currency, method, stripe_session_id, stripe_subscription_id, subscription_status, created_at)
       values ($1, $2, $3, $4, $5, 'stripe', $6, $7, $8, $9) returning id`,
      [
        caseId,
        donorId,
        d.kind,
        d.amount,
        d.currency,
        `cs_demo_${n}`,
        d.kind === 'recurring' ? `sub_demo_${n}` : null,
        d.kind === 'recurring' ? 'active' : null,
        created,
      ],
    );
    const payments = d.kind === 'recurring' ? (d.months ?? 1) : 1;
    for (let month = 0; month < payments; month++) {
      const at = new Date(created.getTime() + month * 30 * day);
      await this.ledger.recordPayment(
        m,
        donation.id,
        { ref: `pi_demo_${n}_${month}`, invoiceId: d.kind === 'recurring' ? `in_demo_${n}_${month}` : null, amountMinor: d.amount, currency: d.currency, at },
        mails,
      );
      // A European card's fee as Stripe charges it: 1.5% + 0.25 in the payment's currency.
      const feeMinor = Math.round(d.amount * 0.015) + 25;
      await this.ledger.recordFee(m, `pi_demo_${n}_${month}`, {
        chargeId: `ch_demo_${n}_${month}`,
        balanceTransactionId: `txn_demo_${n}_${month}`,
        feeMinor,
        netMinor: d.amount - feeMinor,
        currency: d.currency,
      });
    }
    if (d.refunded) {
      await m.query(`insert into stripe_refund_facts (payment_ref, amount_refunded) values ($1, $2)`, [`pi_demo_${n}_0`, d.refunded]);
      await this.ledger.applyAdjustments(m, `pi_demo_${n}_0`, new Date(created.getTime() + day));
    }
    if (d.canceled) await m.query(`update donations set subscription_status = 'canceled', canceled_at = now() where id = $1`, [donation.id]);
  }

  private async seedOffline(m: EntityManager, caseId: string, by: string, amount: number, currency: string, method: string, daysAgo: number): Promise<void> {
    const at = new Date(Date.now() - daysAgo * day);
    const [donation] = await rowsOf<{ id: string }>(
      m,
      `insert into donations (case_id, kind, status, amount_minor, currency, paid_minor, method, recorded_by, paid_at, created_at) values ($1, 'offline', 'paid', $2, $3, $2, $4, $5, $6, $6) returning id`,
      [caseId, amount, currency, method, by, at],
    );
    await this.ledger.recordOffline(m, donation.id, caseId, amount, currency, at, `offline:${donation.id}`);
  }
}
