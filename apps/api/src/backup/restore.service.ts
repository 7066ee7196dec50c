import {
  closeSync,
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import * as tar from 'tar';
import { runMigrations } from '../database/migrate';
import { decryptingStream, MAGIC } from './archive-cipher';
import type { BackupManifest } from './backup-manifest';
import { assertKeysAvailable, unwrapKeys, type KeyBundle } from './backup-keys';
import { assertSafeManifest, insideRoot, isSafeArchiveEntry, UnsafeArchive } from './manifest-paths';
import { inRestoreTransaction, loadTable, migrationNames, rowCount, sha256OfFile, tablesInDependencyOrder, truncateTables } from './database-archive';

export interface RestoreOptions {
  databaseUrl: string;
  filesDir: string;
  archive: string;
  passphrase?: string;
  /** Ids of the encryption keys this installation has (current and earlier). */
  availableKeyIds: string[];
  /** For a key kept in DATA_DIR: store the keys the archive carries, so the restored data can be read. */
  installKeys?: (bundle: KeyBundle) => void;
  /** Only for a throwaway database nothing will decrypt (checking the audit chain inside a backup): no key check. */
  withoutKeys?: boolean;
}

function isEncrypted(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    readSync(fd, head, 0, MAGIC.length, 0);
    return head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

async function unpack(options: RestoreOptions, into: string): Promise<BackupManifest> {
  const encrypted = isEncrypted(options.archive);
  if (encrypted && !options.passphrase) throw new Error('this backup is encrypted: set BACKUP_PASSPHRASE');
  let packed = options.archive;
  if (encrypted) {
    // Decrypt whole before unpacking: nothing is read from the archive until its tag has been verified.
    packed = join(into, 'archive.tar.gz');
    await pipeline(createReadStream(options.archive), decryptingStream(options.passphrase!), createWriteStream(packed, { mode: 0o600 }));
  }
  const refused: string[] = [];
  const filter = (path: string, entry: tar.ReadEntry | Stats) => {
    const safe = isSafeArchiveEntry(path, 'type' in entry ? entry.type : 'File');
    if (!safe) refused.push(path);
    return safe;
  };
  await pipeline(createReadStream(packed), tar.extract({ cwd: into, strict: true, filter }));
  if (refused.length)
    throw new UnsafeArchive(
      `the archive holds entries a backup never writes: ${refused
        .slice(0, 5)
        .map((p) => JSON.stringify(p))
        .join(', ')}`,
    );
  const manifest = JSON.parse(readFileSync(join(into, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 'habeas-backup' || manifest.version !== 1) throw new Error('not a Habeas backup (version 1)');
  assertSafeManifest(manifest);
  for (const [table, expected] of Object.entries(manifest.tables)) {
    if ((await sha256OfFile(join(into, 'tables', `${table}.copy`))) !== expected.sha256) throw new Error(`table ${table} is damaged in the archive`);
  }
  for (const file of manifest.files) {
    if ((await sha256OfFile(join(into, 'files', file.path))) !== file.sha256) throw new Error(`file ${file.path} is damaged in the archive`);
  }
  return manifest;
}

/** `--print-keys`: the keys an archive made with --include-keys carries, for an operator who supplies keys by environment. */
export async function readCarriedKeys(archive: string, passphrase: string | undefined): Promise<KeyBundle | undefined> {
  const staging = mkdtempSync(join(tmpdir(), 'habeas-restore-'));
  try {
    const manifest = await unpack({ archive, passphrase, databaseUrl: '', filesDir: '', availableKeyIds: [] }, staging);
    return manifest.wrappedKeys && passphrase ? unwrapKeys(manifest.wrappedKeys, passphrase) : undefined;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Restores an archive into an empty database and an empty file store: verifies every checksum first,
 * migrates the schema to the archive's version, loads all tables in one transaction, then the files.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  if (existsSync(options.filesDir) && readdirSync(options.filesDir).length > 0) throw new Error(`the file store ${options.filesDir} is not empty`);
  const staging = mkdtempSync(join(tmpdir(), 'habeas-restore-'));
  try {
    const manifest = await unpack(options, staging);
    const bundle = manifest.wrappedKeys && options.passphrase ? unwrapKeys(manifest.wrappedKeys, options.passphrase) : undefined;
    if (!options.withoutKeys) assertKeysAvailable(manifest.keyIds ?? [], options.availableKeyIds, bundle, Boolean(options.installKeys));
    await runMigrations(options.databaseUrl);
    const client = new Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      const migrations = await migrationNames(client);
      if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations)) {
        throw new Error(`schema mismatch: the archive was made at migration ${manifest.migrations.at(-1)}, this code is at ${migrations.at(-1)}`);
      }
      const tables = (await tablesInDependencyOrder(client)).filter((table) => table !== 'migrations');
      // Migrations may seed a few rows of their own (settings, default templates); users and cases say whether it is in use.
      for (const table of ['users', 'cases']) {
        const rows = await rowCount(client, table);
        if (rows > 0) throw new Error(`the database is not empty (table ${table} has ${rows} rows)`);
      }
      await inRestoreTransaction(client, async () => {
        const seeded: string[] = [];
        for (const table of tables) {
          if ((await rowCount(client, table)) > 0) seeded.push(table);
        }
        await truncateTables(client, seeded);
        for (const table of tables) {
          if (manifest.tables[table]) await loadTable(client, table, join(staging, 'tables', `${table}.copy`));
        }
        for (const table of tables) {
          const rows = await rowCount(client, table);
          if (manifest.tables[table] && rows !== manifest.tables[table].rows)
            throw new Error(`table ${table}: restored ${rows} rows, archive has ${manifest.tables[table].rows}`);
        }
      });
    } finally {
      await client.end();
    }
    if (bundle) options.installKeys?.(bundle);
    for (const file of manifest.files) {
      const target = insideRoot(options.filesDir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(staging, 'files', file.path), target);
    }
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
