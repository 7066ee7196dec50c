import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broadcasts the end of a session to every API instance (channel `sessions_revoked`), whatever code
 * path ended it: a session revoked (payload: its id), or a user disabled or given another role
 * (payload: `user:<id>`). Long-lived connections (the alert stream) re-check and close on it.
 */
export class SessionRevocationNotify1764103111000 implements MigrationInterface {
  name = 'SessionRevocationNotify1764103111000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create function sessions_revoked_notify() returns trigger language plpgsql as $$
      begin
        if new.revoked_at is not null and old.revoked_at is null then
          perform pg_notify('sessions_revoked', new.id::text);
        end if;
        return null;
      end $$`);
    await db.query(`create trigger sessions_revoked_notify after update of revoked_at on sessions for each row execute function sessions_revoked_notify()`);
    await db.query(`
      create function users_access_changed_notify() returns trigger language plpgsql as $$
      begin
        if new.role is distinct from old.role or new.disabled_at is distinct from old.disabled_at then
          perform pg_notify('sessions_revoked', 'user:' || new.id::text);
        end if;
        return null;
      end $$`);
    await db.query(
      `create trigger users_access_changed_notify after update of role, disabled_at on users for each row execute function users_access_changed_notify()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger users_access_changed_notify on users`);
    await db.query(`drop function users_access_changed_notify()`);
    await db.query(`drop trigger sessions_revoked_notify on sessions`);
    await db.query(`drop function sessions_revoked_notify()`);
  }
}
