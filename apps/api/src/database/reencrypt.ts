import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../common/crypto/field-cipher';
import { keysInUse, pruneRetiredKeys } from '../common/crypto/keys-in-use';
import { reencryptAll } from '../common/crypto/reencrypt';
import { ConfigError, type AppConfig } from '../config/app-config';
import { loadConfig } from '../config/load-config';
import { keyId, writeLocalOldKeys, writeLocalSecret } from '../config/local-secrets';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { Client } from 'pg';
import { join } from 'node:path';
import { reencryptFiles } from '../documents/file-reencrypt';
import { reencryptS3Files } from '../documents/s3-file-reencrypt';
import { sealTextBacklog } from '../documents/search/extracted-text.repository';

const usage = 'usage: npm run reencrypt [-- --new-key]';

/** Texts an upgrade set aside in plaintext (migration 1796026973558) are sealed here too, if no app start did it yet. */
async function sealBacklogOf(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'habeas-reencrypt' });
  await client.connect();
  try {
    return await sealTextBacklog(client);
  } finally {
    await client.end();
  }
}

/**
 * With --new-key and a key kept in DATA_DIR/secrets: the current key joins encryption.old.keys and a new
 * one becomes encryption.key, before anything is re-sealed, so an interrupted run is finished by running again.
 */
function rotateLocalKey(config: AppConfig): AppConfig {
  if (!config.encryptionKeyManagedLocally) {
    throw new ConfigError(
      'The encryption key comes from APP_ENCRYPTION_KEY, so it is yours to rotate: set APP_ENCRYPTION_KEY to a new key (openssl rand -hex 32), ' +
        'put the old one in APP_ENCRYPTION_KEYS_OLD, restart every instance with both, then run `npm run reencrypt` (without --new-key)',
    );
  }
  const fresh = randomBytes(32);
  const previous = [config.encryptionKey, ...config.previousEncryptionKeys];
  writeLocalOldKeys(
    config.dataDir,
    previous.map((key) => key.key),
  );
  writeLocalSecret(config.dataDir, 'encryption.key', fresh);
  process.stdout.write(
    `new local key ${keyId(fresh)} written to ${config.dataDir}/secrets/encryption.key; ${config.encryptionKey.id} kept readable until done\n`,
  );
  return { ...config, encryptionKey: { id: keyId(fresh), key: fresh }, previousEncryptionKeys: previous };
}

/**
 * `npm run reencrypt`: re-seals every encrypted field under the current key, reading old values with the
 * earlier keys (APP_ENCRYPTION_KEYS_OLD, or DATA_DIR/secrets/encryption.old.keys for a local key). Safe to rerun.
 * With the embedded database the app must be stopped (checked: the data folder is claimed).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--new-key')) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  let config = loadConfig(process.env);
  let embedded: EmbeddedDatabase | undefined;
  if (config.embeddedDatabase) {
    // Refuses while the app runs on this data folder: it would go on sealing under the key being retired.
    embedded = await startEmbeddedPostgres(config.dataDir, (line) => process.stdout.write(line + '\n'));
    config = { ...config, databaseUrl: embedded.url };
  }
  try {
    if (args.includes('--new-key')) config = rotateLocalKey(config);
    FieldCipher.configure(config.encryptionKey, config.previousEncryptionKeys);
    const backlog = await sealBacklogOf(config.databaseUrl);
    if (backlog > 0) process.stdout.write(`sealed ${backlog} extracted document text(s) left in plaintext\n`);
    const results = await reencryptAll(config.databaseUrl);
    for (const r of results) process.stdout.write(`re-encrypted ${r.rows} value(s) in ${r.table}.${r.column}\n`);
    // Files (local or S3) before the keys are pruned: a data key wrapped by an old key still needs it.
    const files = config.s3 ? await reencryptS3Files(config.s3) : await reencryptFiles(join(config.dataDir, 'files'));
    process.stdout.write(`files${config.s3 ? ' in S3' : ''}: ${files.encrypted} encrypted, ${files.rewrapped} re-wrapped under the current key\n`);
    const client = new Client({ connectionString: config.databaseUrl });
    await client.connect();
    const [retired, stillUsed] = await pruneRetiredKeys(client, config.encryptionKey.id)
      .then(async (dropped) => [dropped, await keysInUse(client)])
      .finally(() => client.end());
    if (config.encryptionKeyManagedLocally) {
      const kept = config.previousEncryptionKeys.filter((key) => stillUsed.includes(key.id) && key.id !== config.encryptionKey.id);
      writeLocalOldKeys(
        config.dataDir,
        kept.map((key) => key.key),
      );
    }
    const dropped = retired.length
      ? `; key(s) ${retired.join(', ')} no longer needed${config.encryptionKeyManagedLocally ? ' and removed from DATA_DIR/secrets' : ''}`
      : '';
    process.stdout.write(`done: every encrypted field is sealed under key ${config.encryptionKey.id}${dropped}\n`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `re-encryption failed: ${(error as Error).message}`}\n`);
  process.exit(1);
});
