// `npm run backup -- <archive>` and `npm run restore -- <archive>`: the database named by DATABASE_URL,
// or the embedded one in DATA_DIR (the running app's server if it is up), and DATA_DIR/files.
// BACKUP_PASSPHRASE (from the environment, never the command line) encrypts / decrypts the archive.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config';
import { openCliDatabase } from '../database/cli-database';
import { writeBackup } from './backup.service';
import { restoreBackup } from './restore.service';

async function main(): Promise<void> {
  const [command, archive] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command) || !archive) {
    console.error('usage: npm run backup -- <archive file>   |   npm run restore -- <archive file>');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const passphrase = process.env.BACKUP_PASSPHRASE || undefined;
  const database = await openCliDatabase(config);
  const databaseUrl = database.url;
  const filesDir = resolve(config.dataDir, 'files');
  try {
    if (command === 'backup') {
      const manifest = await writeBackup({ databaseUrl, filesDir, out: resolve(archive), passphrase });
      const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
      console.log(
        `backup written to ${archive}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files${passphrase ? ', encrypted' : ''}`,
      );
    } else {
      const manifest = await restoreBackup({ databaseUrl, filesDir, archive: resolve(archive), passphrase });
      console.log(
        `restored ${archive} (made ${manifest.createdAt}): ${Object.keys(manifest.tables).length} tables, ${manifest.files.length} files; checksums verified`,
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
