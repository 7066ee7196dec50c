import { MigrationInterface, QueryRunner } from 'typeorm';

/** The defendant, facilities, case particulars, hearings, deadlines, custody events and calendar feeds (issue 4). */
export class CaseProceedings1764000003000 implements MigrationInterface {
  name = 'CaseProceedings1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table persons (
        id uuid primary key default gen_random_uuid(),
        full_name text not null,
        date_of_birth date,
        public_bio text not null default '',
        status text not null default 'detained' check (status in ('detained', 'house_arrest', 'released', 'convicted')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table facilities (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        kind text not null check (kind in ('temporary_detention_centre', 'pretrial_detention_centre', 'hospital', 'court', 'colony')),
        region text not null default '',
        address text not null default '',
        contact text not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      alter table cases
        add column defendant_id uuid references persons(id) on delete set null,
        add column court_case_number text not null default '',
        add column court text not null default '',
        add column judge text not null default '',
        add column investigating_agency text not null default '',
        add column charges jsonb not null default '[]',
        add column stage text not null default 'investigation'
          check (stage in ('investigation', 'pre_trial', 'trial', 'appeal', 'cassation', 'closed')),
        add column plea text check (plea in ('guilty', 'not_guilty', 'partial', 'no_plea')),
        add column custody_measure text check (custody_measure in ('detention', 'house_arrest', 'bail', 'travel_ban', 'none')),
        add column detained_until date,
        add column facility_id uuid references facilities(id) on delete set null,
        add column goal_amount_minor bigint check (goal_amount_minor is null or goal_amount_minor > 0),
        add column goal_currency char(3),
        add column custody_appeal_days integer not null default 3 check (custody_appeal_days between 1 and 60),
        add column verdict_appeal_days integer not null default 15 check (verdict_appeal_days between 1 and 60),
        add constraint cases_goal_complete check ((goal_amount_minor is null) = (goal_currency is null))`);
    await db.query(`
      create table hearings (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        kind text not null check (kind in ('arraignment', 'custody_extension', 'preliminary', 'trial_session', 'verdict', 'appeal')),
        scheduled_at timestamptz not null,
        court text not null default '',
        courtroom text not null default '',
        judge text not null default '',
        outcome text,
        decision text check (decision in ('custody', 'verdict')),
        notes text not null default '',
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index hearings_case_scheduled_idx on hearings (case_id, scheduled_at)`);
    await db.query(`
      create table deadlines (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        due_at timestamptz not null,
        title text not null,
        source_hearing_id uuid references hearings(id) on delete set null,
        source_document_id uuid,
        suggested boolean not null default false,
        done_at timestamptz,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index deadlines_case_due_idx on deadlines (case_id, due_at)`);
    await db.query(`create index deadlines_open_due_idx on deadlines (due_at) where done_at is null`);
    // One suggested appeal deadline per decision: logging the outcome twice does not duplicate it.
    await db.query(`create unique index deadlines_suggested_per_hearing on deadlines (source_hearing_id) where suggested`);
    await db.query(`
      create table custody_events (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        kind text not null check (kind in ('placed', 'transferred', 'hospitalised', 'returned', 'measure_extended', 'measure_changed', 'released')),
        occurred_at timestamptz not null,
        facility_id uuid references facilities(id) on delete set null,
        detained_until date,
        notes text not null default '',
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index custody_events_case_idx on custody_events (case_id, occurred_at)`);
    await db.query(`
      create table calendar_feeds (
        user_id uuid primary key references users(id) on delete cascade,
        token_hash text not null unique,
        created_at timestamptz not null default now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table calendar_feeds`);
    await db.query(`drop table custody_events`);
    await db.query(`drop table deadlines`);
    await db.query(`drop table hearings`);
    await db.query(`alter table cases
      drop constraint cases_goal_complete, drop column defendant_id, drop column court_case_number, drop column court, drop column judge,
      drop column investigating_agency, drop column charges, drop column stage, drop column plea, drop column custody_measure,
      drop column detained_until, drop column facility_id, drop column goal_amount_minor, drop column goal_currency,
      drop column custody_appeal_days, drop column verdict_appeal_days`);
    await db.query(`drop table facilities`);
    await db.query(`drop table persons`);
  }
}
