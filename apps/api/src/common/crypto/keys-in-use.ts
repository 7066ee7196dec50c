import { Client } from 'pg';
import { ConfigError } from '../../config/app-config';

interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

interface Keys {
  encryptionKey: { id: string };
  previousEncryptionKeys: Array<{ id: string }>;
}

/** Ids of the keys that sealed values in this database (table `encryption_keys`; empty before its migration). */
export async function keysInUse(db: Queryable): Promise<string[]> {
  const exists = await db.query<{ found: boolean }>(`select to_regclass('public.encryption_keys') is not null as found`);
  if (!exists.rows[0].found) return [];
  return (await db.query<{ id: string }>(`select id from encryption_keys order by registered_at, id`)).rows.map((row) => row.id);
}

export function configuredKeyIds(config: Keys): string[] {
  return [config.encryptionKey.id, ...config.previousEncryptionKeys.map((key) => key.id)];
}

/**
 * At start: refuse (one line naming the key) when the database holds values sealed under a key this
 * instance does not have, instead of serving 500s on every read of them.
 */
export async function refuseMissingKeys(databaseUrl: string, config: Keys): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'habeas-keys' });
  await client.connect();
  try {
    const configured = configuredKeyIds(config);
    const missing = (await keysInUse(client)).filter((id) => !configured.includes(id));
    if (missing.length > 0) {
      throw new ConfigError(
        `Refusing to start: the database holds values sealed with encryption key ${missing.join(', ')}, which is not configured ` +
          `(this instance has ${configured.join(', ')}); set APP_ENCRYPTION_KEY or APP_ENCRYPTION_KEYS_OLD to it, or restore it into DATA_DIR/secrets`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Records the key this instance seals new values with (at start, before it writes anything). */
export async function registerCurrentKey(db: Queryable, id: string): Promise<void> {
  await db.query(`insert into encryption_keys (id) values ($1) on conflict do nothing`, [id]);
}

/** Every key id found on a sealed text value of the public schema (a full scan: for reencrypt, not for start-up). */
async function keysFoundInData(db: Queryable): Promise<string[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type = 'text' and c.table_name not in ('migrations', 'encryption_keys')`,
  );
  const found = new Set<string>();
  for (const { table_name: table, column_name: column } of columns.rows) {
    const c = `"${column.replace(/"/g, '""')}"`;
    const ids = await db.query<{ id: string }>(
      `select distinct split_part(${c}, ':', 2) as id from "${table.replace(/"/g, '""')}" where ${c} ~ '^v[0-9]+:[0-9a-f]{8}:'`,
    );
    for (const row of ids.rows) found.add(row.id);
  }
  return [...found];
}

/** After `npm run reencrypt`: forget the keys no sealed value uses any more; returns the ids dropped. */
export async function pruneRetiredKeys(db: Queryable, current: string): Promise<string[]> {
  const kept = [current, ...(await keysFoundInData(db))];
  await registerCurrentKey(db, current);
  const dropped = await db.query<{ id: string }>(`delete from encryption_keys where not (id = any($1::text[])) returning id`, [kept]);
  return dropped.rows.map((row) => row.id);
}
