import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts are case documents of their own kind: finance picks them by name for an expense (or uploads one there)
 * without reading the case's other documents.
 */
export class ReceiptDocumentKind1796040000000 implements MigrationInterface {
  name = 'ReceiptDocumentKind1796040000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table documents drop constraint documents_kind_check`);
    await db.query(`alter table documents add constraint documents_kind_check
      check (kind in ('motion','appeal','complaint','petition','ruling','indictment','evidence','correspondence','memo','receipt','other'))`);
    await db.query(`create index documents_receipts_idx on documents (case_id, created_at desc, id desc) where kind = 'receipt' and not privileged`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index documents_receipts_idx`);
    await db.query(`update documents set kind = 'other' where kind = 'receipt'`);
    await db.query(`alter table documents drop constraint documents_kind_check`);
    await db.query(`alter table documents add constraint documents_kind_check
      check (kind in ('motion','appeal','complaint','petition','ruling','indictment','evidence','correspondence','memo','other'))`);
  }
}
