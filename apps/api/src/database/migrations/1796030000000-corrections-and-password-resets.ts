import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Earlier versions of corrected medical incidents and contact-log entries (sealed, like the medical originals:
 * a record is never silently rewritten), and one-time password reset links (only the token's hash is kept).
 */
export class CorrectionsAndPasswordResets1796030000000 implements MigrationInterface {
  name = 'CorrectionsAndPasswordResets1796030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table medical_incidents add column version integer not null default 1`);
    await db.query(`alter table contact_events add column version integer not null default 1`);
    await db.query(`
      create table medical_incident_versions (
        id uuid primary key default gen_random_uuid(),
        incident_id uuid not null references medical_incidents(id) on delete cascade,
        version integer not null check (version >= 1),
        content text not null,
        reason text not null,
        corrected_by uuid references users(id),
        corrected_at timestamptz not null default now(),
        unique (incident_id, version)
      )`);
    await db.query(`
      create table contact_event_versions (
        id uuid primary key default gen_random_uuid(),
        contact_event_id uuid not null references contact_events(id) on delete cascade,
        version integer not null check (version >= 1),
        content text not null,
        reason text not null,
        corrected_by uuid references users(id),
        corrected_at timestamptz not null default now(),
        unique (contact_event_id, version)
      )`);
    await db.query(`
      create table password_resets (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        token_hash bytea not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        issued_by uuid references users(id),
        created_at timestamptz not null default now()
      )`);
    await db.query(`create index password_resets_user_idx on password_resets (user_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table password_resets`);
    await db.query(`drop table contact_event_versions`);
    await db.query(`drop table medical_incident_versions`);
    await db.query(`alter table contact_events drop column version`);
    await db.query(`alter table medical_incidents drop column version`);
  }
}
