import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents and their versions. `documents.search` holds the title (weight A), tags (B) and the
 * text of the newest extracted version (C), in Russian and English; the service refreshes it
 * with document_search_vector() whenever one of those changes.
 * hearing_id / deadline_id carry no foreign key yet: those tables belong to the cases area.
 */
export class Documents1764000004000 implements MigrationInterface {
  name = 'Documents1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table documents (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id) on delete restrict,
        kind text not null check (kind in ('motion','appeal','complaint','petition','ruling','indictment','evidence','correspondence','memo','other')),
        title text not null check (length(title) between 1 and 300),
        court text,
        status text not null default 'draft' check (status in ('draft','filed','accepted','rejected','decided')),
        filed_at timestamptz,
        hearing_id uuid,
        deadline_id uuid,
        privileged boolean not null default false,
        tags text[] not null default '{}',
        created_by uuid not null references users(id),
        search tsvector not null default ''::tsvector,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.query(`create index documents_case_created_idx on documents (case_id, created_at desc, id desc)`);
    await db.query(`create index documents_search_idx on documents using gin (search)`);
    await db.query(`
      create table document_versions (
        id uuid primary key default gen_random_uuid(),
        document_id uuid not null references documents(id) on delete restrict,
        number int not null check (number >= 1),
        original_name text not null,
        storage_key text not null,
        mime_type text not null,
        size bigint not null check (size >= 0),
        sha256 char(64) not null,
        uploaded_by uuid not null references users(id),
        uploaded_at timestamptz not null default now(),
        text_status text not null default 'pending' check (text_status in ('pending','done','failed','unsupported')),
        extracted_text text,
        unique (document_id, number)
      )`);
    // A function the service calls (not a trigger), so a restore that COPYs rows back keeps them exactly as they were.
    await db.query(`
      create function document_search_vector(document_id uuid) returns tsvector language sql stable as $$
        select setweight(to_tsvector('russian', d.title), 'A') ||
               setweight(to_tsvector('english', d.title), 'A') ||
               setweight(to_tsvector('russian', array_to_string(d.tags, ' ')), 'B') ||
               setweight(to_tsvector('english', array_to_string(d.tags, ' ')), 'B') ||
               setweight(to_tsvector('russian', coalesce(t.body, '')), 'C') ||
               setweight(to_tsvector('english', coalesce(t.body, '')), 'C')
          from documents d
          left join lateral (select left(v.extracted_text, 400000) as body from document_versions v
                              where v.document_id = d.id and v.text_status = 'done'
                              order by v.number desc limit 1) t on true
         where d.id = document_id
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table document_versions`);
    await db.query(`drop table documents`);
    await db.query(`drop function document_search_vector(uuid)`);
  }
}
