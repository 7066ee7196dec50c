import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case numbers and names, measured at 100,000 documents (decision 0022): a trigram scan for "%3/2-2025-0508%" took
 * 33 ms (digit trigrams such as "202" are in every document) and ILIKE over mixed-case text 50 µs a row.
 * - Numbers: each number of a text also goes into `search_body` as lexemes of its whole and of its parts before and
 *   after each separator ("3/2-2025-0508", "2025-0508", "0508", "3/2-2025"), so a whole or partial number is one
 *   GIN lookup.
 * - Names: `search_names` (generated, lower case) holds title, court, tags and the names of the text, with a trigram
 *   index; LIKE on it needs no lowering per row.
 */
export class DocumentSearchNumbersNames1796031638377 implements MigrationInterface {
  name = 'DocumentSearchNumbersNames1796031638377';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create function document_number_lexemes(terms text) returns tsvector language sql immutable parallel safe as $$
        select coalesce(array_to_tsvector(array_agg(distinct part)), ''::tsvector)
          from (select lower(token) as token from regexp_split_to_table(terms, ' ') as token where token ~ '[0-9]') numbers
          cross join lateral (
            select token as part
            union all
            select part from generate_series(2, length(token) - 1) i
                   cross join lateral (values (substr(token, i + 1)), (left(token, i - 1))) parts(part)
             where substr(token, i, 1) in ('/', '-', '.')
          ) parts
         where length(part) >= 2
      $$`);
    await db.query(`drop index documents_terms_idx`);
    await db.query(`alter table documents add column search_names text generated always as (lower(document_terms(title, court, tags, search_terms))) stored`);
    await db.query(`create index documents_names_idx on documents using gin (search_names gin_trgm_ops)`);
    await db.query(`update documents set search_body = search_body || document_number_lexemes(search_terms) where search_terms ~ '[0-9]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index documents_names_idx`);
    await db.query(`alter table documents drop column search_names`);
    await db.query(`create index documents_terms_idx on documents using gin (document_terms(title, court, tags, search_terms) gin_trgm_ops)`);
    await db.query(`drop function document_number_lexemes(text)`);
  }
}
