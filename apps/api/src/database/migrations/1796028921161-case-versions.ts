import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table a case's timeline or dashboard reads from, by the column naming the case. */
export const CASE_VERSIONED_TABLES = [
  'hearings',
  'deadlines',
  'custody_events',
  'documents',
  'medical_incidents',
  'medical_alerts',
  'contact_events',
  'legal_actions',
  'money_milestones',
];

/**
 * A version per case, raised in the same transaction as any change to what its timeline and the dashboard show
 * (statement triggers, so a bulk write raises it once). Reads serve a cached page while the version stands
 * (docs/decisions/0023-case-versions-for-timeline-and-dashboard.md). No foreign key: a deleted case's rows
 * cascade away and their triggers still run.
 */
export class CaseVersions1796028921161 implements MigrationInterface {
  name = 'CaseVersions1796028921161';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table case_versions (case_id uuid primary key, version bigint not null default 1)`);
    await db.query(`insert into case_versions (case_id) select id from cases`);
    for (const [name, column] of [
      ['bump_case_versions', 'case_id'],
      ['bump_case_versions_of_cases', 'id'],
    ]) {
      await db.query(`
        create function ${name}() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            insert into case_versions (case_id) select distinct ${column} from new_rows
              on conflict (case_id) do update set version = case_versions.version + 1;
          elsif tg_op = 'UPDATE' then
            insert into case_versions (case_id) select ${column} from new_rows union select ${column} from old_rows
              on conflict (case_id) do update set version = case_versions.version + 1;
          else
            insert into case_versions (case_id) select distinct ${column} from old_rows
              on conflict (case_id) do update set version = case_versions.version + 1;
          end if;
          return null;
        end $$`);
    }
    // A renamed facility changes custody titles on every case that names it.
    await db.query(`
      create function bump_all_case_versions() returns trigger language plpgsql as $$
      begin
        update case_versions set version = version + 1;
        return null;
      end $$`);
    const tables: Array<[string, string]> = [
      ...CASE_VERSIONED_TABLES.map((t): [string, string] => [t, 'bump_case_versions']),
      ['cases', 'bump_case_versions_of_cases'],
    ];
    for (const [table, fn] of tables) {
      await db.query(
        `create trigger case_versions_insert after insert on ${table} referencing new table as new_rows for each statement execute function ${fn}()`,
      );
      await db.query(
        `create trigger case_versions_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`,
      );
      await db.query(
        `create trigger case_versions_delete after delete on ${table} referencing old table as old_rows for each statement execute function ${fn}()`,
      );
    }
    await db.query(`create trigger case_versions_facilities after update or delete on facilities for each statement execute function bump_all_case_versions()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger case_versions_facilities on facilities`);
    for (const table of [...CASE_VERSIONED_TABLES, 'cases']) {
      for (const event of ['insert', 'update', 'delete']) await db.query(`drop trigger case_versions_${event} on ${table}`);
    }
    await db.query(`drop function bump_all_case_versions(), bump_case_versions(), bump_case_versions_of_cases()`);
    await db.query(`drop table case_versions`);
  }
}
