import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  key: Buffer;
}

/**
 * AES-256-GCM for sensitive columns. Each value carries the id of the key that
 * sealed it (`v1:<keyId>:<iv>:<tag>:<ciphertext>`), so keys can be rotated:
 * older keys stay readable while everything is re-sealed under the current one.
 */
export class FieldCipher {
  private static current?: Key;
  private static readonly keys = new Map<string, Buffer>();

  static configure(current: Key, previous: Key[] = []): void {
    FieldCipher.current = current;
    FieldCipher.keys.set(current.id, current.key);
    for (const key of previous) FieldCipher.keys.set(key.id, key.key);
  }

  static currentKeyId(): string {
    return FieldCipher.require().id;
  }

  static seal(plain: string): string {
    const { id, key } = FieldCipher.require();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  static open(sealed: string): string {
    const [version, id, iv, tag, body] = sealed.split(':');
    const key = FieldCipher.keys.get(id);
    if (version !== 'v1' || !key) throw new Error(`Encrypted value uses an unknown key id ${id}`);
    const nonce = Buffer.from(iv ?? '', 'base64');
    const authTag = Buffer.from(tag ?? '', 'base64');
    // GCM verifies a truncated tag as a prefix of the real one: a 4-byte tag would be forged in 2^32 tries.
    if (nonce.length !== IV_BYTES || authTag.length !== TAG_BYTES) throw new Error('Encrypted value is malformed (IV or tag length)');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  static keyIdOf(sealed: string): string {
    return sealed.split(':')[1];
  }

  private static require(): Key {
    if (!FieldCipher.current) throw new Error('FieldCipher is not configured');
    return FieldCipher.current;
  }
}

/** Column transformer: strings (or JSON values) are sealed on write and opened on read. */
export const encrypted: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : FieldCipher.seal(JSON.stringify(value))),
  from: (value: string | null) => (value === null || value === undefined ? value : JSON.parse(FieldCipher.open(value))),
};
