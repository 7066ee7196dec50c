import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines and documents link to each other (a deadline from a document, a document filed for a deadline), so
 * their same-case links form a cycle no table order can satisfy when a backup is restored. Deferrable links
 * are still checked on every write (initially immediate); a restore defers them to its commit.
 */
const constraints: Array<[table: string, name: string]> = [
  ['deadlines', 'deadlines_source_hearing_id_same_case'],
  ['deadlines', 'deadlines_source_document_id_same_case'],
  ['documents', 'documents_hearing_id_same_case'],
  ['documents', 'documents_deadline_id_same_case'],
  ['expenses', 'expenses_receipt_document_id_same_case'],
  ['legal_actions', 'legal_actions_document_id_same_case'],
];

export class DeferrableSameCaseLinks1796023000000 implements MigrationInterface {
  name = 'DeferrableSameCaseLinks1796023000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, name] of constraints) await db.query(`alter table ${table} alter constraint ${name} deferrable initially immediate`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table, name] of constraints) await db.query(`alter table ${table} alter constraint ${name} not deferrable`);
  }
}
