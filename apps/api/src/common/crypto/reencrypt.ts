import { Client } from 'pg';
import { FieldCipher } from './field-cipher';

/** A value sealed by FieldCipher: `v1|v2:<keyId>:<iv>:<tag>:<ciphertext>`. */
const SEALED = '^v[12]:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$';
/** Append-only or foreign tables that never hold sealed values. */
const SKIPPED_TABLES = new Set(['audit_log', 'migrations']);
const BATCH = 500;

export interface ReencryptResult {
  table: string;
  column: string;
  rows: number;
}

/**
 * Re-seals every encrypted value in the public schema the current way: v2 (bound to its table, column and
 * row: the row's single-column primary key) under the current key. v1 values and values under older keys are
 * opened and sealed again; a value that does not open where it is (copied from another row) stops the run.
 * Columns are found by their content (text columns holding sealed values), so every area's encrypted fields
 * are covered without a list to keep in sync. Each batch is one transaction; rerunning continues where it stopped.
 */
export async function reencryptAll(databaseUrl: string): Promise<ReencryptResult[]> {
  const current = FieldCipher.currentKeyId();
  const client = new Client({ connectionString: databaseUrl, application_name: 'habeas-reencrypt' });
  await client.connect();
  const results: ReencryptResult[] = [];
  try {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public' and c.data_type = 'text' order by c.table_name, c.column_name`,
    );
    const keys = await client.query<{ table_name: string; column_name: string }>(
      `select tc.table_name, min(k.column_name) as column_name from information_schema.table_constraints tc
         join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
        where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY' group by tc.table_name having count(*) = 1`,
    );
    const primaryKeys = new Map(keys.rows.map((row) => [row.table_name, row.column_name]));
    for (const { table_name: table, column_name: column } of columns.rows) {
      if (SKIPPED_TABLES.has(table)) continue;
      const t = `"${table.replace(/"/g, '""')}"`;
      const c = `"${column.replace(/"/g, '""')}"`;
      const primaryKey = primaryKeys.get(table);
      const k = primaryKey ? `"${primaryKey.replace(/"/g, '""')}"::text` : 'null';
      let rows = 0;
      for (;;) {
        await client.query('begin');
        try {
          const batch = await client.query<{ ctid: string; row: string | null; value: string }>(
            `select ctid::text as ctid, ${k} as row, ${c} as value from ${t}
              where ${c} ~ $1 and (split_part(${c}, ':', 1) <> 'v2' or split_part(${c}, ':', 2) <> $2) limit ${BATCH} for update`,
            [SEALED, current],
          );
          for (const row of batch.rows) {
            if (row.row === null) throw new Error(`table ${table} has no single-column primary key to bind its sealed values to`);
            const at = { table, column, row: row.row };
            await client.query(`update ${t} set ${c} = $1 where ctid = $2::tid`, [FieldCipher.seal(FieldCipher.open(row.value, at), at), row.ctid]);
          }
          await client.query('commit');
          rows += batch.rowCount ?? 0;
          if ((batch.rowCount ?? 0) < BATCH) break;
        } catch (error) {
          await client.query('rollback');
          throw new Error(`re-encrypting ${table}.${column} failed: ${(error as Error).message}`);
        }
      }
      if (rows > 0) results.push({ table, column, rows });
    }
  } finally {
    await client.end();
  }
  return results;
}
