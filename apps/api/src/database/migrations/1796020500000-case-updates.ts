import { MigrationInterface, QueryRunner } from 'typeorm';

/** Public updates of a case: drafted by any member, published only after a second lawyer of the case approves. */
export class CaseUpdates1796020500000 implements MigrationInterface {
  name = 'CaseUpdates1796020500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table case_updates (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete cascade,
        language text not null check (language in ('ru', 'en')),
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) between 1 and 10000),
        status text not null default 'draft' check (status in ('draft', 'published', 'unpublished')),
        author_id uuid references users(id) on delete set null,
        approved_by uuid references users(id) on delete set null,
        published_at timestamptz,
        unpublished_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint case_updates_approved_by_other check (approved_by is null or approved_by is distinct from author_id)
      )`);
    await db.query(`create index case_updates_case_idx on case_updates (case_id, created_at desc, id desc)`);
    await db.query(`create index case_updates_published_idx on case_updates (case_id, published_at desc) where status = 'published'`);
    // How to write to someone held there and what a parcel may hold: shown on the public page of a case.
    await db.query(`alter table facilities add column correspondence_rules text not null default ''`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table facilities drop column correspondence_rules`);
    await db.query(`drop table case_updates`);
  }
}
