import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated drafts have been stored as case documents (versioned, searchable, audited) since the documents area
 * took them; the fallback table was never written to again and its download route is gone.
 */
export class DropGeneratedDrafts1796029488923 implements MigrationInterface {
  name = 'DropGeneratedDrafts1796029488923';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop table generated_drafts`);
  }

  async down(db: QueryRunner): Promise<void> {
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
}
