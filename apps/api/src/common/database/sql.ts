import type { EntityManager } from 'typeorm';

/** Rows of any statement (TypeORM returns [rows, count] for UPDATE/DELETE and rows otherwise). */
export async function rowsOf<T>(manager: Pick<EntityManager, 'query'>, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** bigint columns come back as strings; amounts here always fit in a JS number. */
export const num = (value: string | number | null | undefined): number => Number(value ?? 0);
