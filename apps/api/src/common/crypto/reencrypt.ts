import { Client } from 'pg';
import { FieldCipher } from './field-cipher';

/** A value sealed by FieldCipher: `v1:<keyId>:<iv>:<tag>:<ciphertext>`. */
const SEALED = '^v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$';
/** Append-only or foreign tables that never hold sealed values. */
const SKIPPED_TABLES = new Set(['audit_log', 'migrations']);
const BATCH = 500;

export interface ReencryptResult {
  table: string;
  column: string;
  rows: number;
}

/**
 * Re-seals every encrypted value in the public schema under the current key. Columns are found by
 * their content (text columns holding sealed values), so every area's encrypted fields are covered
 * without a list to keep in sync. Each batch is one transaction; rerunning continues where it stopped.
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
    for (const { table_name: table, column_name: column } of columns.rows) {
      if (SKIPPED_TABLES.has(table)) continue;
      const t = `"${table.replace(/"/g, '""')}"`;
      const c = `"${column.replace(/"/g, '""')}"`;
      let rows = 0;
      for (;;) {
        await client.query('begin');
        try {
          const batch = await client.query<{ ctid: string; value: string }>(
            `select ctid::text as ctid, ${c} as value from ${t} where ${c} ~ $1 and split_part(${c}, ':', 2) <> $2 limit ${BATCH} for update`,
            [SEALED, current],
          );
          for (const row of batch.rows) {
            await client.query(`update ${t} set ${c} = $1 where ctid = $2::tid`, [FieldCipher.seal(FieldCipher.open(row.value)), row.ctid]);
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
