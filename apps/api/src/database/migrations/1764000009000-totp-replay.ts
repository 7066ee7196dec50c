import { MigrationInterface, QueryRunner } from 'typeorm';

/** The last TOTP step used at sign-in, so a code cannot be replayed while it is still valid. */
export class TotpReplay1764000009000 implements MigrationInterface {
  name = 'TotpReplay1764000009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table users add column mfa_last_step bigint`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table users drop column mfa_last_step`);
  }
}
