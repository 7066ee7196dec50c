import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a version's text extraction failed or was cut short, shown in the document drawer. */
export class TextIssue1764103110000 implements MigrationInterface {
  name = 'TextIssue1764103110000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table document_versions add column text_issue text
        check (text_issue in ('too_large','memory','timeout','bomb','corrupt','unreadable','truncated'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table document_versions drop column text_issue`);
  }
}
