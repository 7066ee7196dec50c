import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1764000001000 implements MigrationInterface {
  name = 'Cases1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table cases (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique,
        title text not null,
        public_summary text not null default '',
        is_public boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`
      create table case_members (
        case_id uuid not null references cases(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        role_on_case text not null check (role_on_case in ('lead_counsel', 'counsel', 'medical_coordinator', 'coordinator')),
        created_at timestamptz not null default now(),
        primary key (case_id, user_id)
      )`);
    await db.query(`create index case_members_user_id_idx on case_members (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table case_members`);
    await db.query(`drop table cases`);
  }
}
