import type { Page } from '@habeas/contracts';
import { DomainError } from './http/domain-error';

/** Keyset cursor over (sort key, id): opaque to clients, never an OFFSET. */
export interface KeysetCursor {
  key: string;
  id: string;
}

/** The cursor key of a timestamp column: its UTC instant to the microsecond, as text that sorts like the column. */
export const cursorKey = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): KeysetCursor | undefined {
  if (!text) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the 400 below
  }
  throw new DomainError(400, 'cursor: invalid cursor');
}

/**
 * The keyset condition for the page after `after` in a list ordered by `(keyColumn, idColumn)`: `(key, id) > (…)`
 * (`<` for a descending list). Pushes the cursor's two values onto `params` and returns the SQL fragment.
 */
export function keysetAfter(
  params: unknown[],
  after: KeysetCursor,
  columns: { key: string; id: string; keyType?: 'timestamptz' | 'date' | 'text' | 'bigint'; idType?: 'uuid' | 'text'; descending?: boolean },
): string {
  params.push(after.key, after.id);
  const operator = columns.descending ? '<' : '>';
  return `(${columns.key}, ${columns.id}) ${operator} ($${params.length - 1}::${columns.keyType ?? 'timestamptz'}, $${params.length}::${columns.idType ?? 'uuid'})`;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says that
 * there is more, and the last returned row becomes the next cursor.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => KeysetCursor, map: (row: Row) => Item): Page<Item> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return {
    items: shown.map(map),
    nextCursor: more && shown.length > 0 ? encodeCursor(keyOf(shown[shown.length - 1])) : null,
  };
}
