import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supporters subscribed by e-mail to a case's updates and hearing announcements: the address sealed, found by a
 * keyed blind index; confirmed by double opt-in. Each announcement is sent once, in rate-limited batches.
 */
export class CaseSubscriptions1796032000000 implements MigrationInterface {
  name = 'CaseSubscriptions1796032000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table case_subscriptions (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        email text not null,
        email_index bytea not null,
        language text not null check (language in ('ru', 'en')),
        confirmed_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (case_id, email_index)
      )`);
    await db.query(`create index case_subscriptions_email_idx on case_subscriptions (email_index)`);
    await db.query(`create index case_subscriptions_confirmed_idx on case_subscriptions (case_id, id) where confirmed_at is not null`);
    await db.query(`
      create table subscription_announcements (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        kind text not null check (kind in ('update', 'hearing')),
        ref_id uuid not null,
        language text check (language in ('ru', 'en')),
        sent_up_to uuid,
        done_at timestamptz,
        created_at timestamptz not null default now(),
        unique (kind, ref_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table subscription_announcements`);
    await db.query(`drop table case_subscriptions`);
  }
}
