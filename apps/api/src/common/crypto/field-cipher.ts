import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  key: Buffer;
}

/**
 * Where a sealed value lives: its table, column and row (the row's primary key as text). A v2 value
 * is bound to it as AES-GCM associated data, so a value copied to another row or column is refused.
 */
export interface SealedAt {
  table: string;
  column: string;
  row: string;
}

/** A sealed value that cannot be opened: wrong place, changed bytes, malformed, or an unknown key. */
export class SealedValueRefused extends Error {
  constructor(
    readonly at: SealedAt,
    reason: string,
  ) {
    // Names the place, never the value.
    super(`Encrypted value in ${at.table}.${at.column} of row ${at.row} is refused: ${reason}`);
  }
}

function associatedData(at: SealedAt): Buffer {
  if (!at.table || !at.column || !at.row) throw new Error('A sealed value needs its table, column and row');
  return Buffer.from(['habeas-field', at.table, at.column, at.row].join('\0'), 'utf8');
}

/**
 * AES-256-GCM for sensitive columns. A value reads `v2:<keyId>:<iv>:<tag>:<ciphertext>`: the key id lets
 * keys rotate (older keys stay readable while `npm run reencrypt` re-seals under the current one), and
 * the table, column and row are bound as associated data. `v1` values (no binding) are still read;
 * `npm run reencrypt` turns them into v2.
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

  static seal(plain: string, at: SealedAt): string {
    const { id, key } = FieldCipher.require();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(at));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v2', id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  static open(sealed: string, at: SealedAt): string {
    const [version, id, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' && version !== 'v2') throw new SealedValueRefused(at, 'not a sealed value');
    const key = FieldCipher.keys.get(id);
    if (!key) throw new SealedValueRefused(at, `it uses an unknown key id ${id}`);
    const nonce = Buffer.from(iv ?? '', 'base64');
    const authTag = Buffer.from(tag ?? '', 'base64');
    // GCM verifies a truncated tag as a prefix of the real one: a 4-byte tag would be forged in 2^32 tries.
    if (nonce.length !== IV_BYTES || authTag.length !== TAG_BYTES) throw new SealedValueRefused(at, 'malformed (IV or tag length)');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    if (version === 'v2') decipher.setAAD(associatedData(at));
    decipher.setAuthTag(authTag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(body ?? '', 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueRefused(at, 'it does not belong to this place or was changed');
    }
  }

  static keyIdOf(sealed: string): string {
    return sealed.split(':')[1];
  }

  /** True when the value is sealed the current way (v2 under the current key); reencrypt re-seals the rest. */
  static isCurrent(sealed: string): boolean {
    const [version, id] = sealed.split(':');
    return version === 'v2' && id === FieldCipher.currentKeyId();
  }

  private static require(): Key {
    if (!FieldCipher.current) throw new Error('FieldCipher is not configured');
    return FieldCipher.current;
  }
}

/** A field value: sealed as its JSON text (strings too, as every sealed column always has been). */
export function sealField(value: unknown, at: SealedAt): string {
  return FieldCipher.seal(JSON.stringify(value), at);
}

export function openField<T>(sealed: string, at: SealedAt): T {
  return JSON.parse(FieldCipher.open(sealed, at)) as T;
}

/** A nullable text field: empty and absent values stay null. */
export function sealText(value: string | null | undefined, at: SealedAt): string | null {
  return value === null || value === undefined || value === '' ? null : sealField(value, at);
}

export function openText(value: string | null | undefined, at: SealedAt): string | null {
  return value === null || value === undefined ? null : openField<string>(value, at);
}
