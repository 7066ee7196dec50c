import { MigrationInterface, QueryRunner } from 'typeorm';

export class MfaRecoverySettings1764000002000 implements MigrationInterface {
  name = 'MfaRecoverySettings1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table mfa_recovery_codes (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        code_hash bytea not null unique,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index mfa_recovery_codes_user_id_idx on mfa_recovery_codes (user_id)`);
    await db.query(`
      create table app_settings (
        key text primary key,
        value jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table app_settings`);
    await db.query(`drop table mfa_recovery_codes`);
  }
}
