import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids of the field-encryption keys that sealed values in this database, so start-up, backup and
 * restore can say which keys are needed without scanning every table. Filled here from the data already
 * sealed; afterwards each start registers its current key and `npm run reencrypt` drops retired ones.
 */
export class EncryptionKeysInUse1764490100000 implements MigrationInterface {
  name = 'EncryptionKeysInUse1764490100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table encryption_keys (id text primary key, registered_at timestamptz not null default now())`);
    await db.query(`
      do $$
      declare r record;
      begin
        for r in
          select c.table_name, c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
           where c.table_schema = 'public' and c.data_type = 'text' and c.table_name not in ('migrations', 'encryption_keys')
        loop
          execute format(
            'insert into encryption_keys (id) select distinct split_part(%I, '':'', 2) from %I where %I ~ ''^v[0-9]+:[0-9a-f]{8}:'' on conflict do nothing',
            r.column_name, r.table_name, r.column_name);
        end loop;
      end $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table encryption_keys`);
  }
}
