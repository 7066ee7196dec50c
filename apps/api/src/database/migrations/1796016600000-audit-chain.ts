import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hash chain over the audit log (decision 0010): one global chain in commit order. Each entry's link is
 * written at commit by a deferred trigger under a transaction-scoped advisory lock, so the lock is held only
 * for the instant between linking and commit, and two instances never fork the chain. The links live in
 * their own append-only table: audit_log rows are never updated.
 */
export class AuditChain1796016600000 implements MigrationInterface {
  name = 'AuditChain1796016600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table audit_chain (
        seq bigint primary key,
        entry_id uuid not null unique,
        prev_hash text not null,
        hash text not null
      )`);
    // The hashed form: a JSON array (unambiguous), time as integer microseconds (independent of the session's zone).
    await db.query(`
      create function audit_entry_hash(prev text, seq bigint, entry_id uuid, at timestamptz, actor_id uuid, action text,
                                       entity_type text, entity_id text, ip text, details jsonb) returns text
      language sql immutable as $$
        select encode(sha256(convert_to(jsonb_build_array(prev, seq, entry_id,
          (extract(epoch from at) * 1000000)::bigint, actor_id, action, entity_type, entity_id, ip, details)::text, 'UTF8')), 'hex')
      $$`);
    await db.query(`
      create function audit_chain_link() returns trigger language plpgsql as $$
      declare
        head_seq bigint;
        head_hash text;
      begin
        -- A restored backup brings its links along (audit_chain is restored with audit_log).
        if exists (select 1 from audit_chain where entry_id = new.id) then return null; end if;
        perform pg_advisory_xact_lock(7220419, 1);
        select seq, hash into head_seq, head_hash from audit_chain order by seq desc limit 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        insert into audit_chain (seq, entry_id, prev_hash, hash)
        values (head_seq + 1, new.id, head_hash,
                audit_entry_hash(head_hash, head_seq + 1, new.id, new.at, new.actor_id, new.action, new.entity_type,
                                 new.entity_id, new.ip, new.details));
        return null;
      end $$`);
    await db.query(`
      create constraint trigger audit_log_chain after insert on audit_log
      deferrable initially deferred for each row execute function audit_chain_link()`);
    await db.query(`
      create trigger audit_chain_append_only before update or delete or truncate on audit_chain
      for each statement execute function audit_log_is_append_only()`);
    // Entries written before the chain existed are linked once, oldest first.
    await db.query(`
      do $$
      declare
        entry record;
        n bigint := 0;
        prev text := repeat('0', 64);
      begin
        for entry in select * from audit_log order by at, id loop
          n := n + 1;
          insert into audit_chain (seq, entry_id, prev_hash, hash)
          values (n, entry.id, prev, audit_entry_hash(prev, n, entry.id, entry.at, entry.actor_id, entry.action,
                  entry.entity_type, entry.entity_id, entry.ip, entry.details))
          returning hash into prev;
        end loop;
      end $$`);
    await db.query(`
      create table dossiers (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        requested_by uuid references users(id) on delete set null,
        requested_from_ip text,
        language text not null check (language in ('ru', 'en')),
        range_from date,
        range_to date,
        include_documents jsonb not null,
        status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
        progress integer not null default 0 check (progress between 0 and 100),
        error text,
        storage_key text,
        sha256 text,
        size bigint,
        audit_head text,
        created_at timestamptz not null default now(),
        finished_at timestamptz
      )`);
    await db.query(`create index dossiers_case_idx on dossiers (case_id, created_at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table dossiers`);
    await db.query(`drop trigger audit_log_chain on audit_log`);
    await db.query(`drop table audit_chain`);
    await db.query(`drop function audit_chain_link`);
    await db.query(`drop function audit_entry_hash`);
  }
}
