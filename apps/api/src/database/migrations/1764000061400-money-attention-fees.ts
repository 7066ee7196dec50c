import { MigrationInterface, QueryRunner } from 'typeorm';

export class MoneyAttentionFees1764000061400 implements MigrationInterface {
  name = 'MoneyAttentionFees1764000061400';

  async up(db: QueryRunner): Promise<void> {
    // A signed event that could not be applied stays here, with its reason, until a retry applies it.
    await db.query(`
      create table stripe_event_issues (
        event_id text primary key,
        type text not null,
        reason text not null,
        wait_key text,
        payload jsonb not null,
        attempts integer not null default 1,
        first_seen_at timestamptz not null default now(),
        last_tried_at timestamptz not null default now(),
        resolved_at timestamptz
      )`);
    await db.query(`create index stripe_event_issues_open_idx on stripe_event_issues (first_seen_at) where resolved_at is null`);
    await db.query(`create index stripe_event_issues_wait_idx on stripe_event_issues (wait_key) where resolved_at is null`);
    await db.query(`
      insert into stripe_event_issues (event_id, type, reason, wait_key, payload, first_seen_at, last_tried_at)
      select event_id, payload->>'type', 'unknown_subscription', wait_key, payload, created_at, created_at from stripe_pending_events`);
    await db.query(`drop table stripe_pending_events`);

    // Stripe's fee and the net of each payment, from the charge's balance transaction (known a little later).
    await db.query(`alter table donation_payments add column charge_id text, add column balance_transaction_id text,
      add column fee_minor bigint, add column fee_currency char(3), add column net_minor bigint`);
    await db.query(`create index donation_payments_charge_idx on donation_payments (charge_id)`);
    await db.query(`create index donation_payments_fee_missing_idx on donation_payments (paid_at) where fee_minor is null`);
    await db.query(`
      create table stripe_payouts (
        id text primary key,
        amount_minor bigint not null,
        currency char(3) not null,
        status text not null,
        arrival_date date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    await db.query(`alter table reconciliation_runs add column failed_count integer not null default 0`);

    await db.query(`alter table donations drop constraint if exists donations_subscription_status_check`);
    await db.query(
      `alter table donations add constraint donations_subscription_status_check check (subscription_status in ('active', 'past_due', 'canceled'))`,
    );
    await db.query(`alter table donations add column payment_failed_at timestamptz, add column update_card_url text`);
    await db.query(`alter table donor_identities add column language text not null default 'ru' check (language in ('ru', 'en'))`);
    // Private links donors use without an account; only the SHA-256 of the token is stored.
    await db.query(`
      create table donor_links (
        id uuid primary key default gen_random_uuid(),
        donor_id uuid not null references donor_identities(id) on delete cascade,
        token_sha256 text not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz
      )`);
    await db.query(`create index donor_links_donor_idx on donor_links (donor_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table donor_links`);
    await db.query(`alter table donor_identities drop column language`);
    await db.query(`alter table donations drop column payment_failed_at, drop column update_card_url`);
    await db.query(`alter table donations drop constraint donations_subscription_status_check`);
    await db.query(`alter table donations add constraint donations_subscription_status_check check (subscription_status in ('active', 'canceled'))`);
    await db.query(`alter table reconciliation_runs drop column failed_count`);
    await db.query(`drop table stripe_payouts`);
    await db.query(
      `alter table donation_payments drop column charge_id, drop column balance_transaction_id, drop column fee_minor, drop column fee_currency, drop column net_minor`,
    );
    await db.query(`
      create table stripe_pending_events (
        event_id text primary key, wait_key text not null, payload jsonb not null, created_at timestamptz not null default now()
      )`);
    await db.query(`drop table stripe_event_issues`);
  }
}
