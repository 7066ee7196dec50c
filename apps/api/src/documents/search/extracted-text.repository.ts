import { openField, sealField, type SealedAt } from '../../common/crypto/field-cipher';
import { searchTermsOf } from './search-terms';

/** A TypeORM DataSource or EntityManager, or a pg Client (reencrypt runs without Nest). */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

function rowsOf<R>(result: unknown): R[] {
  return Array.isArray(result) ? (result as R[]) : (result as { rows: R[] }).rows;
}

const at = (versionId: string): SealedAt => ({ table: 'document_versions', column: 'extracted_text', row: versionId });

/** Extracted text is sealed like every other sensitive field, bound to its row of document_versions. */
export function sealExtractedText(versionId: string, text: string): string {
  return sealField(text, at(versionId));
}

export function openExtractedText(versionId: string, sealed: string): string {
  return openField<string>(sealed, at(versionId));
}

/**
 * The search columns of a document, from the plaintext of its newest extracted version (a no-op for an older version
 * whose extraction finished late). The plaintext is a query parameter: only the vector and the terms are stored.
 */
const WRITE_SEARCH = `
  update documents d set search_body = document_body_vector($3) || document_number_lexemes($4), search_terms = $4
   where d.id = $1 and $2 = (select v.id from document_versions v where v.document_id = $1 and v.text_status = 'done' order by v.number desc limit 1)`;

export async function writeExtraction(
  db: Queryable,
  version: { id: string; documentId: string },
  result: { status: string; issue: string | null; text: string | null },
): Promise<void> {
  const sealed = result.text === null ? null : sealExtractedText(version.id, result.text);
  await db.query(`update document_versions set text_status = $2, text_issue = $3, extracted_text = $4 where id = $1`, [
    version.id,
    result.status,
    result.issue,
    sealed,
  ]);
  if (result.text !== null) await db.query(WRITE_SEARCH, [version.documentId, version.id, result.text, searchTermsOf(result.text)]);
}

/**
 * Seals the plain texts the migration 1796026973558 set aside (at start-up, or by `npm run reencrypt`). Each row is
 * one statement that deletes it from the backlog, so instances starting together seal each text once.
 */
export async function sealTextBacklog(db: Queryable, batch = 100): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = rowsOf<{ version_id: string; text: string }>(
      await db.query(`select version_id, text from document_text_backlog order by version_id limit ${batch}`),
    );
    if (rows.length === 0) return sealed;
    for (const row of rows) {
      await db.query(
        `with gone as (delete from document_text_backlog where version_id = $1 returning version_id),
              sealed as (update document_versions v set extracted_text = $2 from gone where v.id = gone.version_id returning v.id, v.document_id)
         update documents d set search_body = document_body_vector($3) || document_number_lexemes($4), search_terms = $4 from sealed
          where d.id = sealed.document_id
            and sealed.id = (select v.id from document_versions v where v.document_id = d.id and v.text_status = 'done' order by v.number desc limit 1)`,
        [row.version_id, sealExtractedText(row.version_id, row.text), row.text, searchTermsOf(row.text)],
      );
      sealed += 1;
    }
  }
}
