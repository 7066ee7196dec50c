import { isAbsolute, relative, resolve } from 'node:path';
import { isContentKey } from '../documents/file-store';
import type { BackupManifest } from './backup-manifest';

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** What an archive may contain: the manifest, table dumps and content-addressed files. */
const ARCHIVE_ENTRY =
  /^(manifest\.json|tables\/?|tables\/[a-z_][a-z0-9_]{0,62}\.copy|files\/?|files\/[0-9a-f]{2}\/?|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/?|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

export class UnsafeArchive extends Error {}

/** Every path a manifest names must be one the backup itself would write; anything else is a crafted archive. */
export function assertSafeManifest(manifest: BackupManifest): void {
  if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.files) || typeof manifest.tables !== 'object' || !manifest.tables) {
    throw new UnsafeArchive('the manifest is malformed');
  }
  for (const table of Object.keys(manifest.tables)) {
    if (!TABLE_NAME.test(table)) throw new UnsafeArchive(`the manifest names an impossible table ${JSON.stringify(table)}`);
  }
  for (const file of manifest.files) {
    if (typeof file?.path !== 'string' || !isContentKey(file.path))
      throw new UnsafeArchive(`the manifest names an unsafe file path ${JSON.stringify(file?.path)}`);
  }
}

/** For tar's filter: plain files and folders at the places a backup writes; links, devices and strays are refused. */
export function isSafeArchiveEntry(path: string, type: string): boolean {
  const normalised = path.replace(/^\.\//, '');
  return (type === 'File' || type === 'OldFile' || type === 'Directory') && ARCHIVE_ENTRY.test(normalised);
}

/** `root/key`, proven to stay inside root (a last guard should a rule above ever loosen). */
export function insideRoot(root: string, key: string): string {
  const target = resolve(root, key);
  const rel = relative(resolve(root), target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UnsafeArchive(`${key} would be written outside ${root}`);
  return target;
}
