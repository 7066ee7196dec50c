import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Document search at scale, with the extracted text sealed at rest (docs/decisions/0022-search-sealed-text-and-order.md).
 * - The words of a document are kept in two vectors: `search_head` (title, court, tags; generated) and `search_body`
 *   (the newest extracted text; written by the app from the plaintext it has just sealed). Only these vectors and
 *   `search_terms` (names and identifiers such as "3/2-2026-0508" found in the text, for the trigram index) stay readable.
 * - `dated_at` (filing date, else upload time) orders results newest first along a b-tree, so a common word is answered
 *   by walking the index until a page is full instead of sorting every match.
 * - Plain extracted text moves out of document_versions into `document_text_backlog`; the app seals it at start-up
 *   (or `npm run reencrypt` does) and empties the backlog. The migration itself has no key.
 */
export class DocumentSearchSealedText1796026973558 implements MigrationInterface {
  name = 'DocumentSearchSealedText1796026973558';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create extension if not exists pg_trgm`);
    await db.query(`
      create function document_head_vector(title text, court text, tags text[]) returns tsvector language sql immutable parallel safe as $$
        select setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('english', title), 'A') ||
               setweight(to_tsvector('russian', coalesce(court, '') || ' ' || array_to_string(tags, ' ')), 'B') ||
               setweight(to_tsvector('english', coalesce(court, '') || ' ' || array_to_string(tags, ' ')), 'B')
      $$`);
    await db.query(`
      create function document_body_vector(body text) returns tsvector language sql immutable parallel safe as $$
        select to_tsvector('russian', left(coalesce(body, ''), 400000)) || to_tsvector('english', left(coalesce(body, ''), 400000))
      $$`);
    await db.query(`
      create function document_terms(title text, court text, tags text[], terms text) returns text language sql immutable parallel safe as $$
        select title || ' ' || coalesce(court, '') || ' ' || array_to_string(tags, ' ') || ' ' || terms
      $$`);
    await db.query(`drop index documents_search_idx`);
    await db.query(`alter table documents drop column search`);
    await db.query(`drop function document_search_vector(uuid)`);
    await db.query(`
      alter table documents
        add column search_head tsvector generated always as (document_head_vector(title, court, tags)) stored,
        add column search_body tsvector not null default ''::tsvector,
        add column search_terms text not null default '',
        add column dated_at timestamptz generated always as (coalesce(filed_at, created_at)) stored`);
    await db.query(`
      create table document_text_backlog (
        version_id uuid primary key references document_versions(id) on delete cascade,
        text text not null
      )`);
    await db.query(`insert into document_text_backlog (version_id, text) select id, extracted_text from document_versions where extracted_text is not null`);
    await db.query(`update document_versions set extracted_text = null where extracted_text is not null`);
    await db.query(`create index documents_head_idx on documents using gin (search_head)`);
    await db.query(`create index documents_body_idx on documents using gin (search_body)`);
    await db.query(`create index documents_terms_idx on documents using gin (document_terms(title, court, tags, search_terms) gin_trgm_ops)`);
    await db.query(`create index documents_dated_idx on documents (dated_at desc, id desc)`);
    await db.query(`create index documents_case_dated_idx on documents (case_id, dated_at desc, id desc)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Sealed text cannot be opened here (no key): it stays sealed and the old vector starts empty.
    await db.query(`update document_versions v set extracted_text = b.text from document_text_backlog b where b.version_id = v.id`);
    await db.query(`drop table document_text_backlog`);
    await db.query(`drop index documents_head_idx, documents_body_idx, documents_terms_idx, documents_dated_idx, documents_case_dated_idx`);
    await db.query(`alter table documents drop column search_head, drop column search_body, drop column search_terms, drop column dated_at`);
    await db.query(`alter table documents add column search tsvector not null default ''::tsvector`);
    await db.query(`create index documents_search_idx on documents using gin (search)`);
    await db.query(`drop function document_head_vector(text, text, text[]), document_body_vector(text), document_terms(text, text, text[], text)`);
    await db.query(`
      create function document_search_vector(document_id uuid) returns tsvector language sql stable as $$
        select setweight(to_tsvector('russian', d.title), 'A') || setweight(to_tsvector('english', d.title), 'A')
          from documents d where d.id = document_id
      $$`);
  }
}
