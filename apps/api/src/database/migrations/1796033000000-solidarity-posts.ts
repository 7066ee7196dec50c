import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous solidarity posts on a case's public page: the message sealed until approved, the photo (re-encoded,
 * without metadata) in the file store. Only the day of posting is kept — no time, no address, no device — and
 * nothing links a post to a donation or a subscription.
 */
export class SolidarityPosts1796033000000 implements MigrationInterface {
  name = 'SolidarityPosts1796033000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table solidarity_posts (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        message text not null,
        photo_key text,
        status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
        posted_on date not null default current_date,
        moderated_by uuid references users(id) on delete set null,
        moderated_at timestamptz
      )`);
    await db.query(`create index solidarity_posts_case_idx on solidarity_posts (case_id, status, posted_on desc, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table solidarity_posts`);
  }
}
