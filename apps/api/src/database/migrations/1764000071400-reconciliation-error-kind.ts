import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReconciliationErrorKind1764000071400 implements MigrationInterface {
  name = 'ReconciliationErrorKind1764000071400';

  async up(db: QueryRunner): Promise<void> {
    // What stopped a run, as a code the admin words in the reader's language (the error text stays as detail).
    await db.query(`alter table reconciliation_runs add column error_kind text check (error_kind in ('stripe_failed', 'stripe_unreachable', 'internal'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table reconciliation_runs drop column error_kind`);
  }
}
