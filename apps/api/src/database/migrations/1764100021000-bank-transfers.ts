import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Donations by bank transfer in Russia: the fund's account per campaign, reference codes, imported
 * statements (raw file sealed, deletable) and their lines. Payer details are sealed like other donor
 * data; erasing a donor clears them here too, and drops the raw statements that named them.
 */
export class BankTransfers1764100021000 implements MigrationInterface {
  name = 'BankTransfers1764100021000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table campaign_bank_details (
        case_id uuid primary key references cases(id) on delete cascade,
        recipient_name text not null,
        account char(20) not null,
        bank_name text not null,
        bic char(9) not null,
        correspondent_account char(20) not null,
        inn text,
        kpp text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table campaign_texts (
        case_id uuid not null references cases(id) on delete cascade,
        language text not null check (language in ('ru', 'en')),
        title text not null default '',
        summary text not null default '',
        other_ways text not null default '',
        updated_at timestamptz not null default now(),
        primary key (case_id, language)
      )`);
    // A campaign's own code (donation_id null) and one code per pledge of a donor who wants a receipt.
    await db.query(`
      create table bank_reference_codes (
        code text primary key,
        case_id uuid not null references cases(id) on delete cascade,
        donation_id uuid unique references donations(id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create unique index bank_reference_codes_campaign_idx on bank_reference_codes (case_id) where donation_id is null`);
    await db.query(`
      create table bank_statements (
        id uuid primary key default gen_random_uuid(),
        sha256 char(64) not null,
        file_name text,
        content text,
        encoding text not null,
        account char(20) not null,
        period_from date,
        period_to date,
        line_count integer not null,
        imported_by uuid references users(id),
        created_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await db.query(`create index bank_statements_sha_idx on bank_statements (sha256)`);
    await db.query(`
      create table bank_transfers (
        id uuid primary key default gen_random_uuid(),
        statement_id uuid not null references bank_statements(id),
        line_key char(64) not null unique,
        direction text not null check (direction in ('in', 'out')),
        status text not null check (status in ('matched', 'unmatched', 'not_donation', 'outgoing', 'expense_matched')),
        matched_by text check (matched_by in ('code', 'amount_date', 'manual')),
        document_number text not null,
        booked_on date not null,
        amount_minor bigint not null check (amount_minor > 0),
        currency char(3) not null default 'RUB',
        counterparty_name text,
        counterparty_account text,
        counterparty_inn text,
        purpose text,
        code text,
        case_id uuid references cases(id),
        donation_id uuid unique references donations(id),
        expense_id uuid unique references expenses(id),
        donor_id uuid references donor_identities(id) on delete set null,
        decided_by uuid references users(id),
        decided_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index bank_transfers_status_idx on bank_transfers (status, booked_on desc, id desc)`);
    await db.query(`create index bank_transfers_donor_idx on bank_transfers (donor_id)`);
    // Every statement a line appeared in (overlapping statements repeat lines).
    await db.query(`
      create table bank_statement_lines (
        statement_id uuid not null references bank_statements(id),
        transfer_id uuid not null references bank_transfers(id),
        primary key (statement_id, transfer_id)
      )`);
    await db.query(`create index bank_statement_lines_transfer_idx on bank_statement_lines (transfer_id)`);
    // Erasure happens in the donations area (one donor or all at once); the payer's traces here follow it.
    await db.query(`
      create function erase_bank_payer() returns trigger language plpgsql as $$
      begin
        update bank_transfers set counterparty_name = null, counterparty_account = null, counterparty_inn = null, purpose = null, updated_at = now()
         where donor_id = new.id;
        update bank_statements set content = null, file_name = null, deleted_at = coalesce(deleted_at, now())
         where content is not null and id in (select l.statement_id from bank_statement_lines l join bank_transfers t on t.id = l.transfer_id where t.donor_id = new.id);
        return new;
      end $$`);
    await db.query(`
      create trigger donor_identities_erase_bank_payer after update of erased_at on donor_identities
        for each row when (new.erased_at is not null and old.erased_at is null) execute function erase_bank_payer()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger donor_identities_erase_bank_payer on donor_identities`);
    await db.query(`drop function erase_bank_payer()`);
    for (const table of ['bank_statement_lines', 'bank_transfers', 'bank_statements', 'bank_reference_codes', 'campaign_texts', 'campaign_bank_details']) {
      await db.query(`drop table ${table}`);
    }
  }
}
