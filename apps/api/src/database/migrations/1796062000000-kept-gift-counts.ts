import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public campaign page shows how many gifts still count (`KEPT_GIFT`: money received and not all of it
 * refunded or disputed). Counting them on every view read 50,000 index entries of a large case (5 ms). The count is
 * now kept by statement triggers on `donations`, in the same transaction as every change to a donation, whatever
 * code makes it (webhooks, offline gifts, corrections, erasure, seeders, a restore), so it cannot drift from the
 * rows. Like `campaign_totals` it is split into up to 16 stripes per case, one per connection
 * (`pg_backend_pid() % 16`), so concurrent payments do not queue on one row; readers sum the stripes.
 *
 * The table is derived: backups leave it out and a restore rebuilds it as the donations load (database-archive.ts).
 * No foreign key to `cases`: a case with donations cannot be deleted, and one without leaves at most stripes of 0.
 */
export class KeptGiftCounts1796062000000 implements MigrationInterface {
  name = 'KeptGiftCounts1796062000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table campaign_kept_gifts (case_id uuid not null, stripe smallint not null, gifts bigint not null, primary key (case_id, stripe))`);
    await db.query(`
      create function count_kept_gifts() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into campaign_kept_gifts (case_id, stripe, gifts)
          select case_id, pg_backend_pid() % 16, count(*) from new_rows
           where paid_minor - refunded_minor - disputed_minor > 0 group by case_id
          on conflict (case_id, stripe) do update set gifts = campaign_kept_gifts.gifts + excluded.gifts;
        elsif tg_op = 'UPDATE' then
          insert into campaign_kept_gifts (case_id, stripe, gifts)
          select case_id, pg_backend_pid() % 16, sum(change) from (
              select case_id, 1 as change from new_rows where paid_minor - refunded_minor - disputed_minor > 0
              union all
              select case_id, -1 from old_rows where paid_minor - refunded_minor - disputed_minor > 0) changes
           group by case_id having sum(change) <> 0
          on conflict (case_id, stripe) do update set gifts = campaign_kept_gifts.gifts + excluded.gifts;
        else
          insert into campaign_kept_gifts (case_id, stripe, gifts)
          select case_id, pg_backend_pid() % 16, -count(*) from old_rows
           where paid_minor - refunded_minor - disputed_minor > 0 group by case_id
          on conflict (case_id, stripe) do update set gifts = campaign_kept_gifts.gifts + excluded.gifts;
        end if;
        return null;
      end $$`);
    await db.query(`
      create function clear_kept_gifts() returns trigger language plpgsql as $$
      begin
        delete from campaign_kept_gifts;
        return null;
      end $$`);
    for (const [event, tables] of [
      ['insert', 'referencing new table as new_rows'],
      ['update', 'referencing old table as old_rows new table as new_rows'],
      ['delete', 'referencing old table as old_rows'],
    ]) {
      await db.query(`create trigger kept_gifts_${event} after ${event} on donations ${tables} for each statement execute function count_kept_gifts()`);
    }
    await db.query(`create trigger kept_gifts_truncate after truncate on donations for each statement execute function clear_kept_gifts()`);
    await db.query(
      `insert into campaign_kept_gifts (case_id, stripe, gifts)
       select case_id, 0, count(*) from donations where paid_minor - refunded_minor - disputed_minor > 0 group by case_id`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) await db.query(`drop trigger kept_gifts_${event} on donations`);
    await db.query(`drop function clear_kept_gifts()`);
    await db.query(`drop function count_kept_gifts()`);
    await db.query(`drop table campaign_kept_gifts`);
  }
}
