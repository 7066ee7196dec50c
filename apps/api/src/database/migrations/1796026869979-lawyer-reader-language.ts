import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server texts are rendered in the reader's language: every user has one (Russian unless they chose English),
 * and an alert's reason keeps its parameters so it can be told in either language. Old "no news" and
 * "no contact" reasons were English sentences; their numbers and dates are recovered into the parameters.
 */
export class LawyerReaderLanguage1796026869979 implements MigrationInterface {
  name = 'LawyerReaderLanguage1796026869979';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table users add column language text not null default 'ru' check (language in ('ru', 'en'))`);
    await db.query(`alter table medical_alerts add column reason_params jsonb not null default '{}'`);
    await db.query(
      `update medical_alerts set reason_params = jsonb_build_object('count', (substring(reason from '(\\d+) days'))::int)
        where kind = 'no_news' and reason ~ '\\d+ days'`,
    );
    await db.query(
      `update medical_alerts set reason_params = jsonb_build_object('since', substring(reason from '(\\d{4}-\\d{2}-\\d{2})'))
        where kind = 'no_contact' and reason ~ '\\d{4}-\\d{2}-\\d{2}'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table medical_alerts drop column reason_params`);
    await db.query(`alter table users drop column language`);
  }
}
