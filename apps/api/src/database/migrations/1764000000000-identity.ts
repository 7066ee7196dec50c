import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764000000000 implements MigrationInterface {
  name = 'Identity1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null unique check (email = lower(email)),
        name text not null,
        role text not null check (role in ('admin', 'lawyer', 'medical', 'finance')),
        password_hash text,
        disabled_at timestamptz,
        mfa_secret text,
        mfa_enabled_at timestamptz,
        last_sign_in_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table sessions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        token_hash bytea not null unique,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await db.query(`create index sessions_user_id_idx on sessions (user_id)`);
    await db.query(`
      create table user_invites (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        token_hash bytea not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await db.query(`
      create table login_attempts (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        ip text not null,
        at timestamptz not null default now()
      )`);
    await db.query(`create index login_attempts_email_at_idx on login_attempts (email, at)`);
    await db.query(`create index login_attempts_ip_at_idx on login_attempts (ip, at)`);
    await db.query(`
      create table audit_log (
        id uuid primary key default gen_random_uuid(),
        at timestamptz not null default now(),
        actor_id uuid,
        action text not null,
        entity_type text not null,
        entity_id text,
        ip text,
        details jsonb not null default '{}'
      )`);
    await db.query(`create index audit_log_at_id_idx on audit_log (at, id)`);
    await db.query(`create index audit_log_entity_idx on audit_log (entity_type, entity_id, at)`);
    await db.query(`create index audit_log_actor_idx on audit_log (actor_id, at)`);
    await db.query(`
      create function audit_log_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end $$`);
    await db.query(`
      create trigger audit_log_append_only before update or delete or truncate on audit_log
      for each statement execute function audit_log_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger audit_log_append_only on audit_log`);
    await db.query(`drop function audit_log_is_append_only`);
    await db.query(`drop table audit_log`);
    await db.query(`drop table login_attempts`);
    await db.query(`drop table user_invites`);
    await db.query(`drop table sessions`);
    await db.query(`drop table users`);
  }
}
