import { MigrationInterface, QueryRunner } from 'typeorm';

export class Donations1764000006000 implements MigrationInterface {
  name = 'Donations1764000006000';

  async up(db: QueryRunner): Promise<void> {
    // Until the cases area adds a goal to cases, the campaign's settings live here (one row per case).
    await db.query(`
      create table campaign_settings (
        case_id uuid primary key references cases(id) on delete cascade,
        goal_minor bigint check (goal_minor > 0),
        goal_currency char(3),
        statement_descriptor text check (char_length(statement_descriptor) <= 22),
        currencies text[] not null default '{EUR,USD,GBP}',
        max_amount_minor bigint not null default 1000000 check (max_amount_minor >= 100),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // Who gave: sealed at rest, separate from the ledger so it can be erased while amounts stay.
    await db.query(`
      create table donor_identities (
        id uuid primary key default gen_random_uuid(),
        name text,
        email text,
        message text,
        show_name boolean not null default false,
        erased_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table donations (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id),
        donor_id uuid references donor_identities(id) on delete set null,
        kind text not null check (kind in ('one_off', 'recurring', 'offline')),
        status text not null default 'pending'
          check (status in ('pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'disputed', 'canceled')),
        amount_minor bigint not null check (amount_minor > 0),
        currency char(3) not null,
        paid_minor bigint not null default 0,
        refunded_minor bigint not null default 0,
        disputed_minor bigint not null default 0,
        fee_minor bigint not null default 0,
        method text,
        stripe_session_id text unique,
        stripe_subscription_id text unique,
        subscription_status text check (subscription_status in ('active', 'canceled')),
        canceled_at timestamptz,
        recorded_by uuid references users(id),
        paid_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index donations_created_idx on donations (created_at desc, id desc)`);
    await db.query(`create index donations_case_idx on donations (case_id, created_at desc)`);
    await db.query(`create index donations_donor_idx on donations (donor_id)`);
    // One row per card payment (a one-off payment or one month of a recurring donation).
    await db.query(`
      create table donation_payments (
        id uuid primary key default gen_random_uuid(),
        donation_id uuid not null references donations(id),
        case_id uuid not null references cases(id),
        payment_ref text not null unique,
        invoice_id text unique,
        amount_minor bigint not null,
        currency char(3) not null,
        refunded_minor bigint not null default 0,
        disputed_minor bigint not null default 0,
        paid_at timestamptz not null,
        created_at timestamptz not null default now()
      )`);
    // Every money movement, for the ledger, the export and the charts.
    await db.query(`
      create table ledger_entries (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id),
        donation_id uuid references donations(id),
        expense_id uuid,
        kind text not null check (kind in ('payment', 'offline', 'refund', 'dispute', 'dispute_reversal', 'fee', 'expense')),
        amount_minor bigint not null,
        currency char(3) not null,
        category text,
        ref text,
        at timestamptz not null default now(),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index ledger_entries_at_idx on ledger_entries (at, id)`);
    await db.query(`create index ledger_entries_case_idx on ledger_entries (case_id, currency)`);
    await db.query(`
      create table campaign_totals (
        case_id uuid not null references cases(id),
        currency char(3) not null,
        kind text not null check (kind in ('one_off', 'recurring', 'offline')),
        raised_minor bigint not null default 0,
        refunded_minor bigint not null default 0,
        disputed_minor bigint not null default 0,
        fee_minor bigint not null default 0,
        donor_count integer not null default 0,
        updated_at timestamptz not null default now(),
        primary key (case_id, currency, kind)
      )`);
    await db.query(`
      create table campaign_spent_totals (
        case_id uuid not null references cases(id),
        currency char(3) not null,
        category text not null,
        amount_minor bigint not null default 0,
        primary key (case_id, currency, category)
      )`);
    await db.query(`
      create table stripe_events (
        id text primary key,
        type text not null,
        source text not null default 'webhook',
        processed_at timestamptz not null default now()
      )`);
    // Refund and dispute facts are kept per payment even before the payment is known, then applied.
    await db.query(`
      create table stripe_refund_facts (
        payment_ref text primary key,
        amount_refunded bigint not null,
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table stripe_dispute_facts (
        dispute_id text primary key,
        payment_ref text not null,
        amount_minor bigint not null,
        state text not null check (state in ('open', 'won', 'lost')),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index stripe_dispute_facts_payment_idx on stripe_dispute_facts (payment_ref)`);
    // Subscription events that arrived before their donation is known; replayed once it is.
    await db.query(`
      create table stripe_pending_events (
        event_id text primary key,
        wait_key text not null,
        payload jsonb not null,
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index stripe_pending_events_key_idx on stripe_pending_events (wait_key)`);
    await db.query(`
      create table expenses (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id),
        category text not null check (category in ('legal_fees', 'medical', 'parcels_commissary', 'travel', 'court_fees', 'other')),
        payee text not null,
        spent_on date not null,
        amount_minor bigint not null check (amount_minor > 0),
        currency char(3) not null,
        description text,
        receipt_document_id uuid,
        status text not null default 'awaiting_approval' check (status in ('awaiting_approval', 'paid')),
        submitted_by uuid not null references users(id),
        approved_by uuid references users(id),
        approved_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (approved_by is null or approved_by <> submitted_by)
      )`);
    await db.query(`create index expenses_case_idx on expenses (case_id, spent_on desc, id desc)`);
    await db.query(`
      create table money_milestones (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id),
        key text not null,
        title text not null,
        at timestamptz not null default now(),
        unique (case_id, key)
      )`);
    await db.query(`
      create table reconciliation_runs (
        id uuid primary key default gen_random_uuid(),
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        checked_count integer not null default 0,
        fixed_count integer not null default 0,
        error text
      )`);
    await db.query(`
      create table checkout_attempts (
        id bigserial primary key,
        ip text not null,
        at timestamptz not null default now()
      )`);
    await db.query(`create index checkout_attempts_ip_idx on checkout_attempts (ip, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'checkout_attempts',
      'reconciliation_runs',
      'money_milestones',
      'expenses',
      'stripe_pending_events',
      'stripe_dispute_facts',
      'stripe_refund_facts',
      'stripe_events',
      'campaign_spent_totals',
      'campaign_totals',
      'ledger_entries',
      'donation_payments',
      'donations',
      'donor_identities',
      'campaign_settings',
    ]) {
      await db.query(`drop table ${table}`);
    }
  }
}
