// `npm run backup -- <archive> [--include-keys]` and `npm run restore -- <archive> [--print-keys]`: the database
// named by DATABASE_URL, or the embedded one in DATA_DIR (the running app's server if it is up), and DATA_DIR/files.
// BACKUP_PASSPHRASE (from the environment, never the command line) encrypts / decrypts the archive.
import { resolve } from 'node:path';
import { configuredKeyIds } from '../common/crypto/keys-in-use';
import type { AppConfig } from '../config/app-config';
import { withFileSecrets } from '../config/file-secrets';
import { loadConfig } from '../config/load-config';
import { writeLocalOldKeys, writeLocalSecret } from '../config/local-secrets';
import { openCliDatabase } from '../database/cli-database';
import type { KeyBundle } from './backup-keys';
import { writeBackup } from './backup.service';
import { readCarriedKeys, restoreBackup } from './restore.service';

const usage = 'usage: npm run backup -- <archive file> [--include-keys]   |   npm run restore -- <archive file> [--print-keys]';

/** The keys of this installation; the session secret only when it was generated in DATA_DIR (else it comes from the environment or the key). */
function keyBundle(config: AppConfig): KeyBundle {
  const keys = [config.encryptionKey, ...config.previousEncryptionKeys].map(({ id, key }) => ({ id, key: key.toString('base64') }));
  const env = withFileSecrets(process.env);
  const localSession = config.embeddedDatabase && !env.SESSION_SECRET?.trim();
  const localVapid = config.embeddedDatabase && !env.VAPID_PRIVATE_KEY?.trim();
  return {
    current: config.encryptionKey.id,
    keys,
    sessionSecret: localSession ? config.sessionSecret.toString('base64') : undefined,
    vapidSecret: localVapid ? Buffer.from(config.push.privateKey, 'base64url').toString('base64') : undefined,
  };
}

/** Restoring into DATA_DIR: the archive's keys become this data folder's keys (its database is empty, so nothing else needs the old ones). */
function installIntoDataDir(config: AppConfig, bundle: KeyBundle): void {
  const current = bundle.keys.find((key) => key.id === bundle.current) ?? bundle.keys[0];
  writeLocalSecret(config.dataDir, 'encryption.key', Buffer.from(current.key, 'base64'));
  writeLocalOldKeys(
    config.dataDir,
    bundle.keys.filter((key) => key !== current).map((key) => Buffer.from(key.key, 'base64')),
  );
  if (bundle.sessionSecret) writeLocalSecret(config.dataDir, 'session.key', Buffer.from(bundle.sessionSecret, 'base64'));
  if (bundle.vapidSecret) writeLocalSecret(config.dataDir, 'vapid.key', Buffer.from(bundle.vapidSecret, 'base64'));
}

async function main(): Promise<void> {
  const [command, archive, ...flags] = process.argv.slice(2);
  const allowed = command === 'backup' ? ['--include-keys'] : ['--print-keys'];
  if (!['backup', 'restore'].includes(command) || !archive || archive.startsWith('--') || flags.some((flag) => !allowed.includes(flag))) {
    console.error(usage);
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const passphrase = withFileSecrets(process.env).BACKUP_PASSPHRASE || undefined;
  if (flags.includes('--print-keys')) {
    const bundle = await readCarriedKeys(resolve(archive), passphrase);
    if (!bundle) throw new Error('this archive carries no keys (made without --include-keys, or BACKUP_PASSPHRASE is not set)');
    for (const key of bundle.keys) console.log(`${key.id} ${Buffer.from(key.key, 'base64').toString('hex')}${key.id === bundle.current ? ' (current)' : ''}`);
    return;
  }
  const database = await openCliDatabase(config);
  const databaseUrl = database.url;
  const filesDir = resolve(config.dataDir, 'files');
  try {
    if (command === 'backup') {
      const keys = flags.includes('--include-keys') ? keyBundle(config) : undefined;
      const manifest = await writeBackup({ databaseUrl, filesDir, out: resolve(archive), passphrase, keys });
      const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
      const unreadable = (manifest.keyIds ?? []).filter((id) => !configuredKeyIds(config).includes(id));
      console.log(
        `backup written to ${archive}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files${passphrase ? ', encrypted' : ''}; ` +
          `encryption key(s) in use: ${(manifest.keyIds ?? []).join(', ') || 'none'}${keys ? ' (included, wrapped with BACKUP_PASSPHRASE)' : ' (not included: keep them safe separately)'}`,
      );
      if (unreadable.length) console.error(`warning: key ${unreadable.join(', ')} is in use in the database but not configured here, so not in this backup`);
    } else {
      const manifest = await restoreBackup({
        databaseUrl,
        filesDir,
        archive: resolve(archive),
        passphrase,
        availableKeyIds: configuredKeyIds(config),
        installKeys: config.encryptionKeyManagedLocally ? (bundle) => installIntoDataDir(config, bundle) : undefined,
      });
      console.log(
        `restored ${archive} (made ${manifest.createdAt}): ${Object.keys(manifest.tables).length} tables, ${manifest.files.length} files; checksums verified` +
          (manifest.wrappedKeys && config.encryptionKeyManagedLocally ? `; its keys are now in ${config.dataDir}/secrets` : ''),
      );
    }
  } finally {
    await database.release();
  }
}

main().catch((error: Error) => {
  console.error(`${process.argv[2] ?? 'backup'} failed: ${error.message}`);
  process.exit(1);
});
