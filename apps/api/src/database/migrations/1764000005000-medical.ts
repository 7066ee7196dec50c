import { MigrationInterface, QueryRunner } from 'typeorm';

export class Medical1764000005000 implements MigrationInterface {
  name = 'Medical1764000005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table medical_incidents (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        occurred_at timestamptz not null,
        type text not null check (type in ('ambulance_call', 'hospitalisation', 'transfer_to_hospital', 'return_from_hospital',
          'denied_care', 'medication_withheld', 'injury', 'hunger_strike', 'chronic_condition', 'check_up', 'other')),
        severity text not null check (severity in ('low', 'moderate', 'high', 'critical')),
        source text not null check (source in ('lawyer_visit', 'family', 'facility_statement', 'press', 'the_person')),
        facility text,
        description text not null,
        outcome text,
        vitals text not null,
        follow_up_needed boolean not null default false,
        created_by uuid references users(id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index medical_incidents_case_idx on medical_incidents (case_id, occurred_at desc, id desc)`);

    await db.query(`create table medical_settings (
        case_id uuid primary key references cases(id) on delete cascade,
        no_news_days integer not null default 7 check (no_news_days between 1 and 365),
        updated_at timestamptz not null default now()
      )`);

    // seq is bumped on every insert and update: SSE event ids and Last-Event-ID replay read it.
    await db.query(`create sequence medical_alert_seq`);
    await db.query(`
      create table medical_alerts (
        id uuid primary key default gen_random_uuid(),
        seq bigint not null default nextval('medical_alert_seq'),
        kind text not null check (kind in ('incident', 'no_news', 'no_contact', 'other')),
        case_id uuid not null references cases(id) on delete cascade,
        incident_id uuid references medical_incidents(id) on delete cascade,
        severity text not null check (severity in ('low', 'moderate', 'high', 'critical')),
        status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
        reason text not null default '',
        opened_at timestamptz not null default now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid references users(id),
        resolved_at timestamptz,
        resolved_by uuid references users(id),
        note text,
        escalated_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create unique index medical_alerts_seq_idx on medical_alerts (seq)`);
    await db.query(`create index medical_alerts_status_idx on medical_alerts (status, opened_at desc, id desc)`);
    await db.query(`create index medical_alerts_case_idx on medical_alerts (case_id)`);
    // At most one unresolved rule alert (no news, no contact) per case and kind: two instances cannot double it.
    await db.query(`create unique index medical_alerts_one_rule_alert on medical_alerts (case_id, kind) where kind <> 'incident' and status <> 'resolved'`);
    await db.query(`create unique index medical_alerts_one_per_incident on medical_alerts (incident_id) where incident_id is not null`);
    await db.query(`
      create function medical_alerts_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          new.seq := nextval('medical_alert_seq');
          new.updated_at := now();
        end if;
        perform pg_notify('medical_alerts', new.seq::text);
        return new;
      end $$`);
    await db.query(`create trigger medical_alerts_changed before insert or update on medical_alerts for each row execute function medical_alerts_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table medical_alerts`);
    await db.query(`drop function medical_alerts_changed()`);
    await db.query(`drop sequence medical_alert_seq`);
    await db.query(`drop table medical_settings`);
    await db.query(`drop table medical_incidents`);
  }
}
