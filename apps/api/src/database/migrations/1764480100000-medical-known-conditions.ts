import { MigrationInterface, QueryRunner } from 'typeorm';

/** The person's known conditions per case: they make the vital-sign alert rules stricter. */
export class MedicalKnownConditions1764480100000 implements MigrationInterface {
  name = 'MedicalKnownConditions1764480100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table medical_settings add column known_conditions text[] not null default '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table medical_settings drop column known_conditions`);
  }
}
