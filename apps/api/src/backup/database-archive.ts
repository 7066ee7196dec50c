import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { archivedSchema } from './backup-manifest';

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function inTransaction<T>(client: Client, begin: string[], work: () => Promise<T>): Promise<T> {
  for (const statement of begin) await client.query(statement);
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Runs `work` in one read-only repeatable-read snapshot, so every table dumped shows the same moment. */
export function inSnapshot<T>(client: Client, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, ['begin isolation level repeatable read read only'], work);
}

/**
 * Runs `work` in one transaction whose deferrable links (deadline ↔ document may point both ways) are checked at
 * its commit, once every table is in; a failure leaves the database as it was.
 */
export function inRestoreTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, ['begin', 'set constraints all deferred'], work);
}

/** The applied migrations, oldest first: an archive restores only into the same schema. */
export async function migrationNames(client: Client): Promise<string[]> {
  return (await client.query<{ name: string }>(`select name from migrations order by id`)).rows.map((row) => row.name);
}

/** The last link of the audit hash chain, so a restored log can be checked to end where the backup did. */
export async function auditHead(client: Client): Promise<string | null> {
  return (await client.query<{ hash: string }>(`select hash from audit_chain order by seq desc limit 1`)).rows[0]?.hash ?? null;
}

export async function rowCount(client: Client, table: string): Promise<number> {
  return Number((await client.query<{ n: string }>(`select count(*) as n from "${archivedSchema}"."${table}"`)).rows[0].n);
}

export async function truncateTables(client: Client, tables: string[]): Promise<void> {
  if (tables.length) await client.query(`truncate ${tables.map((table) => `"${archivedSchema}"."${table}"`).join(', ')}`);
}

/**
 * Tables that triggers derive from other tables' rows: a backup leaves them out, and a restore rebuilds them as it
 * loads those rows (loading them as well would count everything twice).
 */
export const DERIVED_TABLES = ['campaign_kept_gifts'];

/** Tables of the archived schema, parents before children (foreign keys), so a restore can insert in order. */
export async function tablesInDependencyOrder(client: Client): Promise<string[]> {
  const tables: Array<{ name: string }> = (
    await client.query(`select tablename as name from pg_tables where schemaname = $1 and tablename <> all($2) order by tablename`, [
      archivedSchema,
      DERIVED_TABLES,
    ])
  ).rows;
  const edges: Array<{ child: string; parent: string }> = (
    await client.query(
      `select c.relname as child, p.relname as parent
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
         join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and not k.condeferrable and n.nspname = $1 and c.relname <> p.relname`,
      [archivedSchema],
    )
  ).rows;
  const ordered: string[] = [];
  const remaining = new Set(tables.map((t) => t.name));
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) => !edges.some((e) => e.child === name && remaining.has(e.parent)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...remaining].join(', ')}`);
    for (const name of ready.sort()) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

/** COPYs one table (inside the caller's snapshot) to a file; returns its SHA-256. */
export async function dumpTable(client: Client, table: string, file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(client.query(copyTo(`copy "${archivedSchema}"."${table}" to stdout`)), hashing(hash), createWriteStream(file));
  return hash.digest('hex');
}

export async function loadTable(client: Client, table: string, file: string): Promise<void> {
  await pipeline(createReadStream(file), client.query(copyFrom(`copy "${archivedSchema}"."${table}" from stdin`)));
}
