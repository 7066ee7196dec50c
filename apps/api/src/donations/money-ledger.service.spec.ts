import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../test/support/test-database';
import type { Mail } from '../mail/mail.service';
import type { DonorMails } from './donor-mails';
import { MoneyLedgerRepository } from './money-ledger.repository';
import { MoneyLedger } from './money-ledger.service';

/** The ledger against a real PostgreSQL, without the app: its SQL is most of its rules. */
describe('money ledger', () => {
  let url: string;
  let pool: Pool;
  let m: EntityManager;
  let ledger: MoneyLedger;
  const thanked: string[] = [];
  let caseId: string;
  const at = new Date('2026-05-10T12:00:00Z');

  before(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 2 });
    m = { query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows) } as unknown as EntityManager;
    const donorMails = {
      thanks: async (_m: unknown, donationId: string, _receiptId: string, amountMinor: number, currency: string) => {
        thanked.push(`${donationId}:${amountMinor}:${currency}`);
        return { to: 'donor@example.org', subject: 'Thanks', text: String(amountMinor) } satisfies Mail;
      },
    } as unknown as DonorMails;
    ledger = new MoneyLedger(donorMails, new MoneyLedgerRepository());
  });
  after(async () => {
    await pool?.end();
    if (url) await dropTestDatabase(url);
  });
  beforeEach(async () => {
    caseId = randomUUID();
    await pool.query(`insert into cases (id, slug, title) values ($1, $2, 'Case')`, [caseId, `case-${caseId.slice(0, 8)}`]);
  });

  /** A gift of a known donor (only a known donor is thanked by mail). */
  const donation = async (kind = 'one_off', currency = 'EUR') =>
    (
      await pool.query(
        `with donor as (insert into donor_identities default values returning id)
         insert into donations (case_id, donor_id, kind, amount_minor, currency) select $1, donor.id, $2, 5000, $3 from donor returning id`,
        [caseId, kind, currency],
      )
    ).rows[0].id as string;
  const row = async (id: string) =>
    (
      await pool.query(
        `select status, paid_minor::int as paid, refunded_minor::int as refunded, disputed_minor::int as disputed, fee_minor::int as fee, paid_at from donations where id = $1`,
        [id],
      )
    ).rows[0];
  const totals = async (currency = 'EUR') =>
    (
      await pool.query(
        `select kind, sum(raised_minor)::int as raised, sum(refunded_minor)::int as refunded, sum(disputed_minor)::int as disputed, sum(fee_minor)::int as fees,
                sum(donor_count)::int as donors
           from campaign_totals where case_id = $1 and currency = $2 group by kind order by kind`,
        [caseId, currency],
      )
    ).rows;
  const entries = async () =>
    (await pool.query(`select kind, amount_minor::int as amount, currency, ref from ledger_entries where case_id = $1 order by created_at, kind`, [caseId]))
      .rows;
  const milestones = async () => (await pool.query(`select key, title from money_milestones where case_id = $1 order by key`, [caseId])).rows;
  const pay = (id: string, ref: string, amountMinor = 5000, mails: Mail[] = []) =>
    ledger.recordPayment(m, id, { ref, amountMinor, currency: 'EUR', at }, mails);

  it('records a payment once: donation paid, totals, one ledger line, the first-gift thanks and milestone', async () => {
    const id = await donation();
    const mails: Mail[] = [];
    assert.equal(await pay(id, 'pi_1', 5000, mails), true);
    assert.equal(await pay(id, 'pi_1', 5000, mails), false, 'the same payment again');
    assert.deepEqual(
      { ...(await row(id)), paid_at: (await row(id)).paid_at.toISOString() },
      {
        status: 'paid',
        paid: 5000,
        refunded: 0,
        disputed: 0,
        fee: 0,
        paid_at: at.toISOString(),
      },
    );
    assert.deepEqual(await totals(), [{ kind: 'one_off', raised: 5000, refunded: 0, disputed: 0, fees: 0, donors: 1 }]);
    assert.deepEqual(await entries(), [{ kind: 'payment', amount: 5000, currency: 'EUR', ref: 'pi_1' }]);
    assert.equal(mails.length, 1);
    assert.ok(thanked.includes(`${id}:5000:EUR`));
    assert.deepEqual(await milestones(), [{ key: 'first_donation', title: 'First donation received' }]);
    const anonymous = (
      await pool.query(`insert into donations (case_id, kind, amount_minor, currency) values ($1, 'one_off', 700, 'EUR') returning id`, [caseId])
    ).rows[0].id as string;
    assert.equal(await pay(anonymous, 'pi_anonymous', 700, mails), true);
    assert.equal(mails.length, 1, 'an anonymous gift has nobody to thank');
    const [payment] = (
      await pool.query(`select donation_id, case_id, invoice_id, amount_minor::int as amount, currency from donation_payments where payment_ref = 'pi_1'`)
    ).rows;
    assert.deepEqual(payment, { donation_id: id, case_id: caseId, invoice_id: null, amount: 5000, currency: 'EUR' });
  });

  it('counts a donor once for a monthly gift, thanks only for the first month, and keeps the first paid date', async () => {
    const id = await donation('recurring');
    const mails: Mail[] = [];
    await pay(id, 'pi_m1', 1000, mails);
    await ledger.recordPayment(m, id, { ref: 'pi_m2', invoiceId: 'in_2', amountMinor: 1000, currency: 'EUR', at: new Date('2026-06-10T12:00:00Z') }, mails);
    assert.deepEqual(await totals(), [{ kind: 'recurring', raised: 2000, refunded: 0, disputed: 0, fees: 0, donors: 1 }]);
    assert.equal(mails.length, 1);
    assert.equal((await row(id)).paid, 2000);
    assert.equal((await row(id)).paid_at.toISOString(), at.toISOString());
    assert.equal((await pool.query(`select invoice_id from donation_payments where payment_ref = 'pi_m2'`)).rows[0].invoice_id, 'in_2');
  });

  it('turns a failed donation into a paid one, and refuses a payment for a donation that does not exist', async () => {
    const id = await donation();
    await pool.query(`update donations set status = 'failed' where id = $1`, [id]);
    await pay(id, 'pi_f');
    assert.equal((await row(id)).status, 'paid');
    assert.equal(await pay(randomUUID(), 'pi_none'), false);
    assert.equal((await pool.query(`select count(*)::int as n from donation_payments where payment_ref = 'pi_none'`)).rows[0].n, 0);
  });

  it('applies refunds by difference: partial, then full, in any order and any number of times', async () => {
    const id = await donation();
    await pay(id, 'pi_r');
    await pool.query(`insert into stripe_refund_facts (payment_ref, amount_refunded) values ('pi_r', 2000)`);
    assert.equal(await ledger.applyAdjustments(m, 'pi_r', at, 'evt_1'), true);
    assert.equal(await ledger.applyAdjustments(m, 'pi_r', at, 'evt_1'), false, 'nothing moves twice');
    assert.deepEqual(await row(id).then((r) => [r.status, r.refunded]), ['partially_refunded', 2000]);
    await pool.query(`update stripe_refund_facts set amount_refunded = 9000 where payment_ref = 'pi_r'`);
    assert.equal(await ledger.applyAdjustments(m, 'pi_r', at, 'evt_2'), true);
    assert.deepEqual(await row(id).then((r) => [r.status, r.refunded]), ['refunded', 5000], 'never more than was paid');
    assert.deepEqual(await totals(), [{ kind: 'one_off', raised: 5000, refunded: 5000, disputed: 0, fees: 0, donors: 1 }]);
    assert.deepEqual(await entries(), [
      { kind: 'payment', amount: 5000, currency: 'EUR', ref: 'pi_r' },
      { kind: 'refund', amount: -2000, currency: 'EUR', ref: 'evt_1' },
      { kind: 'refund', amount: -3000, currency: 'EUR', ref: 'evt_2' },
    ]);
    assert.equal(await ledger.applyAdjustments(m, 'pi_unknown'), false);
  });

  it('withholds disputed money while open or lost, gives it back when won, and finds the payment by its charge', async () => {
    const id = await donation();
    await pay(id, 'pi_d');
    await ledger.recordFee(m, 'pi_d', { chargeId: 'ch_d', balanceTransactionId: 'txn_d', feeMinor: 175, netMinor: 4825, currency: 'EUR' });
    await pool.query(`insert into stripe_dispute_facts (dispute_id, payment_ref, amount_minor, state) values ('dp_1', 'ch_d', 5000, 'open')`);
    assert.equal(await ledger.applyAdjustments(m, 'ch_d', at, 'evt_d1'), true);
    assert.deepEqual(await row(id).then((r) => [r.status, r.disputed]), ['disputed', 5000]);
    await pool.query(`update stripe_dispute_facts set state = 'won' where dispute_id = 'dp_1'`);
    assert.equal(await ledger.applyAdjustments(m, 'ch_d', at, 'evt_d2'), true);
    assert.deepEqual(await row(id).then((r) => [r.status, r.disputed]), ['paid', 0]);
    assert.deepEqual(
      (await entries()).map((e) => [e.kind, e.amount, e.ref]),
      [
        ['payment', 5000, 'pi_d'],
        ['dispute', -5000, 'evt_d1'],
        ['dispute_reversal', 5000, 'evt_d2'],
      ],
    );
    assert.deepEqual(await totals(), [{ kind: 'one_off', raised: 5000, refunded: 0, disputed: 0, fees: 175, donors: 1 }]);
  });

  it('withholds only what was not refunded, and a refunded-then-disputed payment ends refunded', async () => {
    const id = await donation();
    await pay(id, 'pi_rd');
    await pool.query(`insert into stripe_refund_facts (payment_ref, amount_refunded) values ('pi_rd', 3000)`);
    await pool.query(`insert into stripe_dispute_facts (dispute_id, payment_ref, amount_minor, state) values ('dp_rd', 'pi_rd', 5000, 'lost')`);
    await ledger.applyAdjustments(m, 'pi_rd', at);
    assert.deepEqual(await row(id).then((r) => [r.status, r.refunded, r.disputed]), ['disputed', 3000, 2000]);
    const [payment] = (await pool.query(`select refunded_minor::int as r, disputed_minor::int as d from donation_payments where payment_ref = 'pi_rd'`)).rows;
    assert.deepEqual(payment, { r: 3000, d: 2000 });
    assert.deepEqual(
      (await entries()).slice(1).map((e) => [e.kind, e.amount, e.ref]),
      [
        ['refund', -3000, 'pi_rd'],
        ['dispute', -2000, 'pi_rd'],
      ],
    );
  });

  it('records the fee once, in totals and on the donation only when it is in the same currency', async () => {
    const id = await donation();
    await pay(id, 'pi_fee');
    const fee = { chargeId: 'ch_fee', balanceTransactionId: 'txn_fee', feeMinor: 120, netMinor: 4880, currency: 'EUR' };
    assert.equal(await ledger.recordFee(m, 'pi_fee', fee), true);
    assert.equal(await ledger.recordFee(m, 'pi_fee', fee), false);
    assert.equal((await row(id)).fee, 120);
    const other = await donation();
    await pay(other, 'pi_usd_fee');
    assert.equal(await ledger.recordFee(m, 'pi_usd_fee', { ...fee, chargeId: 'ch_2', feeMinor: 99, currency: 'USD' }), true);
    assert.equal((await row(other)).fee, 0, 'a fee in another currency is not added to the gift');
    assert.deepEqual(await totals('USD'), [{ kind: 'one_off', raised: 0, refunded: 0, disputed: 0, fees: 99, donors: 0 }]);
    const [stored] = (
      await pool.query(
        `select charge_id, balance_transaction_id, fee_minor::int as fee, fee_currency, net_minor::int as net from donation_payments where payment_ref = 'pi_fee'`,
      )
    ).rows;
    assert.deepEqual(stored, { charge_id: 'ch_fee', balance_transaction_id: 'txn_fee', fee: 120, fee_currency: 'EUR', net: 4880 });
    assert.equal(await ledger.recordFee(m, 'pi_missing', fee), false);
  });

  it('records offline money and paid expenses in totals, ledger and milestones', async () => {
    const id = await donation('offline', 'RUB');
    await ledger.recordOffline(m, id, caseId, 700000, 'RUB', at, `offline:${id}`);
    assert.deepEqual(await totals('RUB'), [{ kind: 'offline', raised: 700000, refunded: 0, disputed: 0, fees: 0, donors: 1 }]);
    const expense = randomUUID();
    await ledger.expensePaid(m, {
      id: expense,
      caseId,
      category: 'legal_fees',
      payee: 'Коллегия адвокатов',
      spentOn: '2026-05-11',
      amountMinor: 150000,
      currency: 'RUB',
    });
    await ledger.expensePaid(m, {
      id: randomUUID(),
      caseId,
      category: 'legal_fees',
      payee: 'Коллегия адвокатов',
      spentOn: '2026-05-12',
      amountMinor: 50000,
      currency: 'RUB',
    });
    const spent = (
      await pool.query(`select category, amount_minor::int as amount from campaign_spent_totals where case_id = $1 and currency = 'RUB'`, [caseId])
    ).rows;
    assert.deepEqual(spent, [{ category: 'legal_fees', amount: 200000 }]);
    const lines = (
      await pool.query(
        `select kind, amount_minor::int as amount, category, ref, expense_id, at from ledger_entries where case_id = $1 order by at, created_at`,
        [caseId],
      )
    ).rows;
    assert.deepEqual(
      lines.map((l) => [l.kind, l.amount, l.category, l.ref, l.at.toISOString()]),
      [
        ['offline', 700000, null, `offline:${id}`, at.toISOString()],
        ['expense', -150000, 'legal_fees', 'Коллегия адвокатов', '2026-05-11T12:00:00.000Z'],
        ['expense', -50000, 'legal_fees', 'Коллегия адвокатов', '2026-05-12T12:00:00.000Z'],
      ],
    );
    assert.equal(lines[1].expense_id, expense);
    const keys = (await milestones()).map((k) => k.key);
    assert.ok(keys.includes(`expense:${expense}`));
    assert.equal((await milestones()).find((k) => k.key === `expense:${expense}`)!.title, 'Expense paid: legal fees, 1500.00 RUB');
  });

  it('marks 25/50/75/100 % of the goal once each, in the goal currency only', async () => {
    await pool.query(`insert into campaign_goals (case_id, currency, amount_minor) values ($1, 'EUR', 10000)`, [caseId]);
    const first = await donation();
    await pay(first, 'pi_g1', 2500);
    const usd = await donation('one_off', 'USD');
    await ledger.recordPayment(m, usd, { ref: 'pi_usd', amountMinor: 9000, currency: 'USD', at }, []);
    assert.deepEqual(
      (await milestones()).map((k) => k.key),
      ['first_donation', 'goal:EUR:25'],
    );
    const second = await donation();
    await pay(second, 'pi_g2', 4999);
    assert.deepEqual(
      (await milestones()).map((k) => k.key),
      ['first_donation', 'goal:EUR:25', 'goal:EUR:50'],
      '74.99 % is not 75 %',
    );
    const third = await donation();
    await pay(third, 'pi_g3', 2501);
    assert.deepEqual(
      (await milestones()).map((k) => k.key),
      ['first_donation', 'goal:EUR:100', 'goal:EUR:25', 'goal:EUR:50', 'goal:EUR:75'],
    );
    assert.equal((await milestones()).find((k) => k.key === 'goal:EUR:75')!.title, 'Fundraising reached 75% of the EUR goal');
  });

  it('counts refunds against the goal', async () => {
    await pool.query(`insert into campaign_goals (case_id, currency, amount_minor) values ($1, 'EUR', 10000)`, [caseId]);
    const id = await donation();
    await pay(id, 'pi_half', 6000);
    assert.deepEqual(
      (await milestones()).map((k) => k.key),
      ['first_donation', 'goal:EUR:25', 'goal:EUR:50'],
    );
    await pool.query(`insert into stripe_refund_facts (payment_ref, amount_refunded) values ('pi_half', 5000)`);
    await ledger.applyAdjustments(m, 'pi_half', at);
    const another = await donation();
    await pay(another, 'pi_other', 1500);
    assert.deepEqual(
      (await milestones()).map((k) => k.key),
      ['first_donation', 'goal:EUR:25', 'goal:EUR:50'],
      'net 2500, not 7500: no 75 % mark',
    );
  });
});
