import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';

/** Rows of any statement (TypeORM returns [rows, count] for UPDATE/DELETE and rows otherwise). */
export async function rowsOf<T>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const statementNames = new Map<string, string>();

/**
 * Rows of a statement sent as a named prepared statement on the transaction's own connection: PostgreSQL parses and
 * plans it once per connection instead of on every call. Only for fixed statement texts on hot paths (webhook
 * ingestion): each distinct text stays prepared on every connection that ran it. Outside a transaction (no
 * connection of its own) it is an ordinary query. Errors are TypeORM's `QueryFailedError`, as from `rowsOf`.
 */
export async function preparedRows<T>(manager: Pick<EntityManager, 'query' | 'queryRunner'>, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = connectionOf(manager.queryRunner);
  if (!client) return rowsOf<T>(manager, sql, params);
  let name = statementNames.get(sql);
  if (!name) {
    name = `h${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  try {
    return (await client.query({ name, text: sql, values: params })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  }
}

/** The pg connection a TypeORM query runner holds (set once it is connected, as inside a transaction). */
export function connectionOf(runner: QueryRunner | undefined): PoolClient | undefined {
  const connection = (runner as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  return runner && !runner.isReleased && connection && typeof connection.query === 'function' ? connection : undefined;
}

/** bigint columns come back as strings; amounts here always fit in a JS number. */
export const num = (value: string | number | null | undefined): number => Number(value ?? 0);
