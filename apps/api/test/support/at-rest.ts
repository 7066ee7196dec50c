import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

export interface MarkerHit {
  marker: string;
  file: string;
}

function filesUnder(dir: string, since = 0): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) found.push(...filesUnder(path, since));
    else if (stat.isFile() && stat.mtimeMs >= since) found.push(path);
  }
  return found;
}

/** Every file under `dirs` (changed since `since`, ms) whose bytes contain a marker, as UTF-8. */
export function scanForMarkers(dirs: string[], markers: string[], since = 0): MarkerHit[] {
  const hits: MarkerHit[] = [];
  const needles = markers.map((marker) => ({ marker, bytes: Buffer.from(marker, 'utf8') }));
  for (const file of dirs.flatMap((dir) => filesUnder(dir, since))) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // removed while we walked (a WAL segment recycled, a temp file)
    }
    for (const { marker, bytes: needle } of needles) if (bytes.includes(needle)) hits.push({ marker, file });
  }
  return hits;
}

/**
 * Where this test database keeps its bytes on disk: its heap, index and TOAST files (`base/<oid>`) and the
 * cluster's write-ahead log. A CHECKPOINT first writes every dirty page of shared buffers out to those files.
 */
export async function databaseFiles(db: Pool): Promise<{ heap: string; wal: string }> {
  await db.query('checkpoint');
  const [{ setting }] = (await db.query<{ setting: string }>(`select setting from pg_settings where name = 'data_directory'`)).rows;
  const [{ oid }] = (await db.query<{ oid: string }>(`select oid::text from pg_database where datname = current_database()`)).rows;
  return { heap: join(setting, 'base', oid), wal: join(setting, 'pg_wal') };
}
