import 'reflect-metadata';
import { FieldCipher } from '../common/crypto/field-cipher';
import { reencryptAll } from '../common/crypto/reencrypt';
import { ConfigError } from '../config/app-config';
import { loadConfig } from '../config/load-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/**
 * `npm run reencrypt`: re-seals every encrypted field under APP_ENCRYPTION_KEY, reading old values with
 * the keys in APP_ENCRYPTION_KEYS_OLD (comma-separated). Keep the old key(s) configured until it reports done.
 */
async function main(): Promise<void> {
  let config = loadConfig(process.env);
  let embedded: EmbeddedDatabase | undefined;
  if (config.embeddedDatabase) {
    embedded = await startEmbeddedPostgres(config.dataDir, (line) => process.stdout.write(line + '\n'));
    config = { ...config, databaseUrl: embedded.url };
  }
  try {
    FieldCipher.configure(config.encryptionKey, config.previousEncryptionKeys);
    const results = await reencryptAll(config.databaseUrl);
    for (const r of results) process.stdout.write(`re-encrypted ${r.rows} value(s) in ${r.table}.${r.column}\n`);
    process.stdout.write(`done: every encrypted field is sealed under key ${config.encryptionKey.id}\n`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `re-encryption failed: ${(error as Error).message}`}\n`);
  process.exit(1);
});
