import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts on phones: Web Push subscriptions, linked Telegram chats, per-user alert preferences (language, quiet hours),
 * on-call rotas with escalation policies (per case or team-wide), the escalation steps taken (once per alert and step),
 * and every delivery attempt.
 */
export class AlertChannels1796025000000 implements MigrationInterface {
  name = 'AlertChannels1796025000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table push_subscriptions (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id) on delete cascade,
        endpoint text not null unique,
        p256dh text not null,
        auth text not null,
        created_at timestamptz not null default now(),
        last_success_at timestamptz
      )`);
    await db.query(`create index push_subscriptions_user_idx on push_subscriptions (user_id)`);
    await db.query(`
      create table telegram_links (
        user_id uuid primary key references users(id) on delete cascade,
        chat_id bigint not null unique,
        linked_at timestamptz not null default now()
      )`);
    await db.query(`
      create table telegram_link_codes (
        code_hash text primary key,
        user_id uuid not null references users(id) on delete cascade,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await db.query(`
      create table alert_preferences (
        user_id uuid primary key references users(id) on delete cascade,
        language text not null default 'ru' check (language in ('ru', 'en')),
        quiet_start smallint check (quiet_start between 0 and 1439),
        quiet_end smallint check (quiet_end between 0 and 1439),
        updated_at timestamptz not null default now(),
        constraint alert_preferences_quiet_both check ((quiet_start is null) = (quiet_end is null))
      )`);
    await db.query(`
      create table on_call_policies (
        id uuid primary key default gen_random_uuid(),
        case_id uuid unique references cases(id) on delete cascade,
        escalate_after_minutes integer not null default 15 check (escalate_after_minutes between 1 and 1440),
        time_zone text not null default 'Europe/Moscow',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    // One team-wide policy (case_id null) at most.
    await db.query(`create unique index on_call_policies_team_idx on on_call_policies ((case_id is null)) where case_id is null`);
    await db.query(`
      create table on_call_shifts (
        id uuid primary key default gen_random_uuid(),
        policy_id uuid not null references on_call_policies(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        weekday smallint not null check (weekday between 1 and 7),
        start_minute smallint not null check (start_minute between 0 and 1439),
        end_minute smallint not null check (end_minute between 1 and 1440),
        position integer not null,
        check (end_minute > start_minute)
      )`);
    await db.query(`create index on_call_shifts_policy_idx on on_call_shifts (policy_id, position)`);
    await db.query(`
      create table on_call_overrides (
        id uuid primary key default gen_random_uuid(),
        policy_id uuid not null references on_call_policies(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        check (ends_at > starts_at)
      )`);
    await db.query(`create index on_call_overrides_policy_idx on on_call_overrides (policy_id, ends_at)`);
    await db.query(`
      create table alert_escalation_steps (
        alert_id uuid not null references medical_alerts(id) on delete cascade,
        step smallint not null,
        recipients uuid[] not null default '{}',
        at timestamptz not null default now(),
        primary key (alert_id, step)
      )`);
    await db.query(`
      create table alert_notifications (
        id uuid primary key default gen_random_uuid(),
        alert_id uuid references medical_alerts(id) on delete cascade,
        recipient_id uuid not null references users(id) on delete cascade,
        channel text not null check (channel in ('push', 'telegram')),
        target text not null,
        step smallint not null default 0,
        attempt smallint not null default 1,
        status text not null check (status in ('sent', 'failed', 'gone', 'quiet')),
        error text,
        at timestamptz not null default now()
      )`);
    await db.query(`create index alert_notifications_alert_idx on alert_notifications (alert_id, at)`);
    await db.query(`create index alert_notifications_recipient_idx on alert_notifications (recipient_id, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'alert_notifications',
      'alert_escalation_steps',
      'on_call_overrides',
      'on_call_shifts',
      'on_call_policies',
      'alert_preferences',
      'telegram_link_codes',
      'telegram_links',
      'push_subscriptions',
    ]) {
      await db.query(`drop table ${table}`);
    }
  }
}
