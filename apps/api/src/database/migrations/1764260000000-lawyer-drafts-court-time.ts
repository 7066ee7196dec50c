import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fileable drafts and court time (issue 22): the advocate's registry number, IANA zones of courts, facilities and
 * hearings (Russian ones in Moscow time by default), legal-action triggers as data with "also because" triggers and
 * one open proposal per case and step (a lawyer may still start another draft by hand), and the rule and calendar behind a computed deadline.
 */
export class LawyerDraftsCourtTime1764260000000 implements MigrationInterface {
  name = 'LawyerDraftsCourtTime1764260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table users add column advocate_registry_number text not null default ''`);
    await db.query(`alter table facilities add column time_zone text not null default 'Europe/Moscow'`);
    await db.query(`alter table cases add column court_time_zone text not null default 'Europe/Moscow'`);
    await db.query(`alter table hearings add column time_zone text not null default 'Europe/Moscow'`);
    await db.query(`alter table deadlines add column term_rule jsonb`);
    await db.query(`alter table legal_actions add column trigger jsonb, add column also_because jsonb not null default '[]'`);
    // Later duplicates of an open proposal are set aside (reopenable): one proposed card per case and step remains.
    await db.query(`
      update legal_actions a set status = 'dismissed', updated_at = now()
        where a.status = 'proposed'
          and exists (select 1 from legal_actions b where b.case_id = a.case_id and b.step = a.step and b.status in ('proposed', 'drafting')
                        and (b.created_at, b.id) < (a.created_at, a.id))`);
    await db.query(`create index legal_actions_open_idx on legal_actions (case_id, step, created_at) where status in ('proposed', 'drafting')`);
    // Default templates nobody edited are replaced by the fileable ones at the next start.
    await db.query(`delete from legal_templates where is_default and created_by is null and created_at = updated_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index legal_actions_open_idx`);
    await db.query(`alter table legal_actions drop column trigger, drop column also_because`);
    await db.query(`alter table deadlines drop column term_rule`);
    await db.query(`alter table hearings drop column time_zone`);
    await db.query(`alter table cases drop column court_time_zone`);
    await db.query(`alter table facilities drop column time_zone`);
    await db.query(`alter table users drop column advocate_registry_number`);
  }
}
