import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A paid expense's timeline item is told from the expense itself (its category and amount, in the reader's
 * language), so a change to an expense raises its case's version like the other timeline tables do.
 */
export class LawyerExpensesRaiseCaseVersion1796031003145 implements MigrationInterface {
  name = 'LawyerExpensesRaiseCaseVersion1796031003145';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `create trigger case_versions_insert after insert on expenses referencing new table as new_rows for each statement execute function bump_case_versions()`,
    );
    await db.query(
      `create trigger case_versions_update after update on expenses referencing old table as old_rows new table as new_rows for each statement execute function bump_case_versions()`,
    );
    await db.query(
      `create trigger case_versions_delete after delete on expenses referencing old table as old_rows for each statement execute function bump_case_versions()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await db.query(`drop trigger case_versions_${event} on expenses`);
  }
}
