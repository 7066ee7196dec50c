import { MigrationInterface, QueryRunner } from 'typeorm';

export class Detention1764000007000 implements MigrationInterface {
  name = 'Detention1764000007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table contact_events (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases (id) on delete cascade,
        kind text not null check (kind in ('visit', 'call', 'letter', 'parcel', 'money_transfer')),
        status text not null check (status in ('requested', 'held', 'refused', 'sent', 'delivered', 'not_delivered', 'accepted', 'returned')),
        occurred_at timestamptz not null,
        facility text,
        visitor text,
        refusal_reason text,
        refused_by text,
        channel text check (channel in ('prison_letter_service', 'post')),
        direction text check (direction in ('to_detainee', 'from_detainee')),
        delivered_at timestamptz,
        contents text,
        amount_minor bigint,
        currency char(3),
        notes text,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((amount_minor is null) = (currency is null))
      )`);
    await db.query(`create index contact_events_case_idx on contact_events (case_id, occurred_at desc, id desc)`);

    await db.query(`
      create table case_contact_settings (
        case_id uuid primary key references cases (id) on delete cascade,
        no_contact_days integer not null default 14 check (no_contact_days between 1 and 365),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    // Fallback for the medical alerts inbox (another area): one open "no contact" alert per case.
    await db.query(`
      create table no_contact_alerts (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases (id) on delete cascade,
        last_contact_at timestamptz,
        status text not null default 'open' check (status in ('open', 'resolved')),
        opened_at timestamptz not null default now(),
        resolved_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create unique index no_contact_alerts_one_open_idx on no_contact_alerts (case_id) where status = 'open'`);

    await db.query(`
      create table legal_templates (
        id uuid primary key default gen_random_uuid(),
        step text not null,
        language text not null check (language in ('ru', 'en')),
        title text not null,
        body text not null,
        is_default boolean not null default false,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create unique index legal_templates_one_default_idx on legal_templates (step, language) where is_default`);

    await db.query(`
      create table legal_actions (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases (id) on delete cascade,
        step text not null,
        status text not null default 'proposed' check (status in ('proposed', 'drafting', 'filed', 'decided', 'dismissed')),
        title text not null,
        language text not null default 'ru' check (language in ('ru', 'en')),
        draft_text text not null default '',
        missing_fields text[] not null default '{}',
        deadline_at timestamptz,
        owner_id uuid references users (id),
        trigger_type text check (trigger_type in ('medical_incident', 'contact')),
        trigger_id uuid,
        trigger_summary text,
        -- The filed document lives in the documents area; no foreign key so the areas stay independent.
        document_id uuid,
        document_version integer,
        outcome text,
        filed_at timestamptz,
        decided_at timestamptz,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index legal_actions_case_idx on legal_actions (case_id, created_at)`);
    await db.query(`create index legal_actions_status_idx on legal_actions (status, created_at, id)`);
    await db.query(`create unique index legal_actions_trigger_step_idx on legal_actions (trigger_type, trigger_id, step) where trigger_id is not null`);

    // Fallback store for generated drafts until the documents area takes them as document versions.
    await db.query(`
      create table generated_drafts (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases (id) on delete cascade,
        title text not null,
        kind text not null,
        file_name text not null,
        mime_type text not null,
        bytes bytea not null,
        version integer not null,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index generated_drafts_case_idx on generated_drafts (case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table generated_drafts`);
    await db.query(`drop table legal_actions`);
    await db.query(`drop table legal_templates`);
    await db.query(`drop table no_contact_alerts`);
    await db.query(`drop table case_contact_settings`);
    await db.query(`drop table contact_events`);
  }
}
