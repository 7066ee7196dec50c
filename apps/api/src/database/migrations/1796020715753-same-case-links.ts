import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links between a case's objects stay inside the case: a hearing, deadline or document id of another case
 * cannot be stored on one's own objects, whichever code path writes it. Each link is a composite foreign key
 * (case_id, x_id) → target (case_id, id); the error filter turns a violation of a `*_same_case` constraint
 * into 404, exactly like an id that does not exist. `on delete set null (x_id)` keeps the row and only drops
 * the link. NOT VALID: enforced for every new write without rejecting rows written before.
 */
const links: Array<[table: string, column: string, target: string]> = [
  ['deadlines', 'source_hearing_id', 'hearings'],
  ['deadlines', 'source_document_id', 'documents'],
  ['documents', 'hearing_id', 'hearings'],
  ['documents', 'deadline_id', 'deadlines'],
  ['expenses', 'receipt_document_id', 'documents'],
  ['legal_actions', 'document_id', 'documents'],
];
const targets = [...new Set(links.map(([, , target]) => target))];

export class SameCaseLinks1796020715753 implements MigrationInterface {
  name = 'SameCaseLinks1796020715753';

  async up(db: QueryRunner): Promise<void> {
    for (const target of targets) {
      await db.query(`alter table ${target} add constraint ${target}_case_id_id_key unique (case_id, id)`);
    }
    for (const [table, column, target] of links) {
      await db.query(
        `alter table ${table} add constraint ${table}_${column}_same_case foreign key (case_id, ${column})
           references ${target} (case_id, id) on delete set null (${column}) not valid`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [table, column] of links) await db.query(`alter table ${table} drop constraint ${table}_${column}_same_case`);
    for (const target of targets) await db.query(`alter table ${target} drop constraint ${target}_case_id_id_key`);
  }
}
