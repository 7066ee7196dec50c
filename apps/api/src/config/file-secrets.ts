import { readFileSync } from 'node:fs';
import { ConfigError } from './app-config';

/** Variables that may instead be given as `<NAME>_FILE`: a path whose content is the value (Docker/Kubernetes secrets). */
export const fileSecretNames = [
  'DATABASE_URL',
  'APP_ENCRYPTION_KEY',
  'APP_ENCRYPTION_KEYS_OLD',
  'SESSION_SECRET',
  'DEMO_PASSWORD',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'TELEGRAM_BOT_TOKEN',
  'BACKUP_PASSPHRASE',
] as const;

/** The environment with every `<NAME>_FILE` read into `<NAME>` (trailing newline dropped); both set is an error. */
export function withFileSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const resolved = { ...env };
  for (const name of fileSecretNames) {
    const path = env[`${name}_FILE`]?.trim();
    if (!path) continue;
    if (env[name]?.trim()) throw new ConfigError(`Invalid configuration: set ${name} or ${name}_FILE, not both`);
    try {
      resolved[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigError(`Invalid configuration: ${name}_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return resolved;
}
