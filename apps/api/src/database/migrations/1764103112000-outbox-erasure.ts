import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail about a person can be erased with them: `erase_key` names whom a mail is about (`donor:<id>`).
 * Delivered mails lose recipient, subject and body after the retention period, so those become nullable.
 * Thank-you mails written before this get their donor's key from the donation their dedupe key names.
 */
export class OutboxErasure1764103112000 implements MigrationInterface {
  name = 'OutboxErasure1764103112000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table mail_outbox add column erase_key text, add column purged_at timestamptz,
      alter column recipient drop not null, alter column subject drop not null, alter column body drop not null`);
    await db.query(`create index mail_outbox_erase_key_idx on mail_outbox (erase_key) where erase_key is not null`);
    await db.query(`create index mail_outbox_unpurged_idx on mail_outbox (created_at) where purged_at is null`);
    await db.query(`
      update mail_outbox o set erase_key = 'donor:' || d.donor_id::text
        from donations d
       where d.donor_id is not null and o.dedupe_key in ('donation-thanks:' || d.id::text)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table mail_outbox drop column erase_key, drop column purged_at`);
  }
}
