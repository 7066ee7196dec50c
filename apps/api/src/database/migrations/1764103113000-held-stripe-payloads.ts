import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Held Stripe payloads become sealed text (the app seals the plain ones left at start-up) and are
 * deleted once their event is applied: resolved issues keep only the facts finance reads.
 */
export class HeldStripePayloads1764103113000 implements MigrationInterface {
  name = 'HeldStripePayloads1764103113000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table stripe_event_issues alter column payload type text using payload::text, alter column payload drop not null`);
    await db.query(`update stripe_event_issues set payload = null where resolved_at is not null`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`delete from stripe_event_issues where payload is null`);
    await db.query(`alter table stripe_event_issues alter column payload type jsonb using payload::jsonb, alter column payload set not null`);
  }
}
