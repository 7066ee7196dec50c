import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a secret kept in DATA_DIR/secrets, creating it (mode 0600) on first use.
 * Only for local runs: with an external database the operator supplies the secrets.
 */
export function localSecret(dataDir: string, name: string, bytes = 32): Buffer {
  // The data folder stays traversable: embedded PostgreSQL may run as another user (when started as root).
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const dir = join(dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, name);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(bytes).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** Accepts a key as 64 hex characters or base64 of 32 bytes. */
export function decodeKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(`Invalid configuration: ${name} must be 32 bytes (64 hex characters or base64)`);
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));
}

const OLD_KEYS = 'encryption.old.keys';

/** Earlier local encryption keys (one base64 key a line), still readable until re-encryption retires them. */
export function localOldKeys(dataDir: string): Buffer[] {
  const file = join(dataDir, 'secrets', OLD_KEYS);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => decodeKey(line, `${file} line`));
}

/** Replaces a local secret atomically (mode 0600): a crash leaves the old or the new file, never half of one. */
export function writeLocalSecret(dataDir: string, name: string, value: Buffer): void {
  const dir = join(dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = join(dir, `${name}.partial`);
  writeFileSync(partial, value.toString('base64') + '\n', { mode: 0o600 });
  renameSync(partial, join(dir, name));
}

/** Keeps exactly these keys as the local earlier keys (none: the file is emptied). */
export function writeLocalOldKeys(dataDir: string, keys: Buffer[]): void {
  const dir = join(dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = join(dir, `${OLD_KEYS}.partial`);
  writeFileSync(partial, keys.map((key) => key.toString('base64') + '\n').join(''), { mode: 0o600 });
  renameSync(partial, join(dir, OLD_KEYS));
}
