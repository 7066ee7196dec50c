import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyFrom } from './archive-cipher';

/** The secrets a restore needs to read what it restores, as carried inside an archive made with --include-keys. */
export interface KeyBundle {
  /** Id of the key new values were sealed with when the backup was made. */
  current: string;
  keys: Array<{ id: string; key: string }>;
  /** A locally generated session secret (it also hashes recovery codes), when the backup came from DATA_DIR. */
  sessionSecret?: string;
  /** The locally generated secret behind the Web Push (VAPID) key pair: phones' push subscriptions are bound to it. */
  vapidSecret?: string;
}

/** base64(salt | iv | tag | AES-256-GCM(JSON)) under a key derived from the passphrase (scrypt, like the archive). */
export function wrapKeys(bundle: KeyBundle, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(passphrase, salt), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(bundle), 'utf8'), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unwrapKeys(wrapped: string, passphrase: string): KeyBundle {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(passphrase, bytes.subarray(0, 16)), bytes.subarray(16, 28));
  decipher.setAuthTag(bytes.subarray(28, 44));
  try {
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(44)), decipher.final()]).toString('utf8')) as KeyBundle;
  } catch {
    throw new Error('the keys in this backup cannot be opened with this BACKUP_PASSPHRASE');
  }
}

/**
 * Before a restore touches the database: every key that sealed the archived values must be available,
 * configured or carried by the archive; otherwise every read of those fields would fail after the restore.
 */
export function assertKeysAvailable(needed: string[], available: string[], bundle: KeyBundle | undefined, canInstall: boolean): void {
  const missing = needed.filter((id) => !available.includes(id));
  const carried = missing.filter((id) => bundle?.keys.some((key) => key.id === id));
  if (canInstall && carried.length === missing.length) return;
  if (missing.length === 0) return;
  const hint =
    carried.length === missing.length
      ? 'the archive carries them: set APP_ENCRYPTION_KEY / APP_ENCRYPTION_KEYS_OLD to them (`npm run restore -- FILE --print-keys` shows them) and run again'
      : bundle
        ? 'the archive does not carry them either; set APP_ENCRYPTION_KEY or APP_ENCRYPTION_KEYS_OLD to the key(s) in use when the backup was made'
        : 'set APP_ENCRYPTION_KEY or APP_ENCRYPTION_KEYS_OLD to the key(s) in use when the backup was made, or restore a backup made with --include-keys';
  throw new Error(`nothing restored: the archived data is sealed with encryption key ${missing.join(', ')}, which this installation does not have; ${hint}`);
}
