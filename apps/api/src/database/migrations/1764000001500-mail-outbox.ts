import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutbox1764000001500 implements MigrationInterface {
  name = 'MailOutbox1764000001500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table mail_outbox (
        id uuid primary key default gen_random_uuid(),
        recipient text not null,
        subject text not null,
        body text not null,
        status text not null default 'pending' check (status in ('pending', 'sent', 'logged', 'failed')),
        attempts integer not null default 0,
        last_error text,
        dedupe_key text unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await db.query(`create index mail_outbox_created_at_idx on mail_outbox (created_at desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table mail_outbox`);
  }
}
