import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import * as tar from 'tar';
import { isContentKey } from '../documents/file-store';
import { encryptingStream } from './archive-cipher';
import { keysInUse } from '../common/crypto/keys-in-use';
import type { BackupManifest } from './backup-manifest';
import { wrapKeys, type KeyBundle } from './backup-keys';
import { auditHead, dumpTable, inSnapshot, migrationNames, rowCount, sha256OfFile, tablesInDependencyOrder } from './database-archive';

export interface BackupOptions {
  databaseUrl: string;
  /** The local file store (`DATA_DIR/files`); absent or empty is fine. */
  filesDir: string;
  out: string;
  passphrase?: string;
  /** Carry these keys in the archive, wrapped with the passphrase (which is then required). */
  keys?: KeyBundle;
}

/** The stored files (content keys); temp files of uploads in progress are not part of a backup. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => isContentKey(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/**
 * Writes one archive: every table of the schema from a single repeatable-read snapshot (so the
 * rows agree with each other), the file store, and a manifest of counts and checksums.
 */
export async function writeBackup(options: BackupOptions): Promise<BackupManifest> {
  if (options.keys && !options.passphrase) throw new Error('including the keys needs BACKUP_PASSPHRASE: an archive must never hold them in clear');
  const staging = mkdtempSync(join(tmpdir(), 'habeas-backup-'));
  try {
    const client = new Client({ connectionString: options.databaseUrl });
    await client.connect();
    const manifest: BackupManifest = {
      format: 'habeas-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: [],
      auditHead: null,
      tables: {},
      files: [],
    };
    try {
      await inSnapshot(client, async () => {
        manifest.migrations = await migrationNames(client);
        manifest.auditHead = await auditHead(client);
        manifest.keyIds = await keysInUse(client);
        mkdirSync(join(staging, 'tables'));
        for (const table of await tablesInDependencyOrder(client)) {
          const rows = await rowCount(client, table);
          const sha256 = await dumpTable(client, table, join(staging, 'tables', `${table}.copy`));
          manifest.tables[table] = { rows, sha256 };
        }
      });
    } finally {
      await client.end();
    }
    // Files are content-addressed and never changed in place, so copying after the snapshot only adds orphans.
    for (const path of listFiles(options.filesDir)) {
      const name = relative(options.filesDir, path);
      const target = join(staging, 'files', name);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
      manifest.files.push({ path: name, size: statSync(target).size, sha256: await sha256OfFile(target) });
    }
    mkdirSync(join(staging, 'files'), { recursive: true });
    if (options.keys) manifest.wrappedKeys = wrapKeys(options.keys, options.passphrase!);
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(options.out), { recursive: true });
    const packed = tar.create({ gzip: true, cwd: staging, portable: true }, ['manifest.json', 'tables', 'files']);
    const partial = `${options.out}.partial`;
    if (options.passphrase) await pipeline(packed, encryptingStream(options.passphrase), createWriteStream(partial, { mode: 0o600 }));
    else await pipeline(packed, createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, options.out); // the archive appears whole or not at all
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
