import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Family intake: per-case links for relatives (only the token's HMAC is kept), their reports (content sealed
 * like medical data, no IP), the files they attach (in the file store, encrypted), and short-lived rate-limit
 * hits keyed by a keyed hash that cannot be turned back into an address.
 */
export class FamilyIntake1796031000000 implements MigrationInterface {
  name = 'FamilyIntake1796031000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table intake_links (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        token_hash bytea not null unique,
        label text,
        expires_at timestamptz,
        revoked_at timestamptz,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index intake_links_case_idx on intake_links (case_id, created_at desc)`);
    await db.query(`
      create table intake_reports (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        link_id uuid references intake_links(id) on delete set null,
        receipt_hash bytea not null unique,
        content text not null,
        language text not null check (language in ('ru', 'en')),
        emergency boolean not null default false,
        alert_id uuid references medical_alerts(id) on delete set null,
        status text not null default 'received' check (status in ('received', 'seen', 'acted_on')),
        seen_at timestamptz,
        conversions jsonb not null default '[]',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index intake_reports_case_idx on intake_reports (case_id, created_at desc, id desc)`);
    await db.query(`
      create table intake_files (
        id uuid primary key default gen_random_uuid(),
        report_id uuid not null references intake_reports(id) on delete cascade,
        storage_key text not null,
        name text not null,
        mime_type text not null,
        size bigint not null,
        sha256 text not null,
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index intake_files_report_idx on intake_files (report_id)`);
    await db.query(`
      create table public_rate_hits (
        bucket text not null,
        at timestamptz not null default now()
      )`);
    await db.query(`create index public_rate_hits_bucket_idx on public_rate_hits (bucket, at)`);
    await db.query(`alter table medical_alerts drop constraint if exists medical_alerts_kind_check`);
    await db.query(
      `alter table medical_alerts add constraint medical_alerts_kind_check check (kind in ('incident', 'no_news', 'no_contact', 'family_report', 'other'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table medical_alerts drop constraint medical_alerts_kind_check`);
    await db.query(`alter table medical_alerts add constraint medical_alerts_kind_check check (kind in ('incident', 'no_news', 'no_contact', 'other'))`);
    await db.query(`drop table public_rate_hits`);
    await db.query(`drop table intake_files`);
    await db.query(`drop table intake_reports`);
    await db.query(`drop table intake_links`);
  }
}
