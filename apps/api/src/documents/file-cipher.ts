import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { FieldCipher, type SealedAt } from '../common/crypto/field-cipher';

/**
 * Stored files are encrypted with a key of their own (AES-256-GCM), wrapped by the app key:
 *
 *   "HBF1" | u16 length | wrapped data key (FieldCipher: names the app key) | 8-byte nonce prefix |
 *   chunks of 64 KiB plaintext, each its ciphertext + 16-byte tag
 *
 * Each chunk's nonce is the prefix + its counter, and its associated data says whether it is the last
 * one, so chunks cannot be reordered, dropped or cut off at the end. Both directions stream with one
 * chunk in memory, and decryption releases a chunk only after its tag verified.
 */
export const FILE_MAGIC = Buffer.from('HBF1');
/**
 * A data key is sealed for this one purpose, so it cannot stand in for a sealed database field or the other
 * way round. It is not bound to its file: the header is written before the file's hash is known (streaming).
 */
const DATA_KEY: SealedAt = { table: 'stored_files', column: 'data_key', row: 'HBF1' };
const CHUNK = 64 * 1024;
const TAG = 16;

function nonceOf(prefix: Buffer, counter: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(counter, 8);
  return nonce;
}

function aad(last: boolean): Buffer {
  return Buffer.from([last ? 1 : 0]);
}

/** Encrypts a plaintext stream into the stored format under a fresh data key. */
export function encryptingFileStream(): Transform {
  const dataKey = randomBytes(32);
  const prefix = randomBytes(8);
  const wrapped = Buffer.from(FieldCipher.seal(dataKey.toString('base64'), DATA_KEY));
  const header = Buffer.alloc(6);
  FILE_MAGIC.copy(header, 0);
  header.writeUInt16BE(wrapped.length, 4);
  // Plaintext waiting for its chunk, kept as the pieces that arrived (no copying while a chunk fills up).
  let pieces: Buffer[] = [];
  let waiting = 0;
  let counter = 0;
  let started = false;
  /** Encrypts the first `length` waiting bytes as one chunk, pushing ciphertext piece by piece. */
  const seal = (stream: Transform, length: number, last: boolean) => {
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonceOf(prefix, counter++), { authTagLength: TAG });
    cipher.setAAD(aad(last));
    let left = length;
    while (left > 0) {
      const piece = pieces[0];
      const used = Math.min(piece.length, left);
      stream.push(cipher.update(piece.subarray(0, used)));
      left -= used;
      if (used === piece.length) pieces.shift();
      else pieces[0] = piece.subarray(used);
    }
    waiting -= length;
    stream.push(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
  };
  const start = (stream: Transform) => {
    if (!started) stream.push(Buffer.concat([header, wrapped, prefix]));
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      start(this);
      pieces.push(chunk);
      waiting += chunk.length;
      // Strictly more than a chunk waiting: this one is not the last.
      while (waiting > CHUNK) seal(this, CHUNK, false);
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      seal(this, waiting, true);
      pieces = [];
      done();
    },
  });
}

export class DamagedFile extends Error {}

/** Decrypts the stored format; a stream that does not start with the magic is a file stored before encryption and passes through. */
export function decryptingFileStream(): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let mode: 'header' | 'plain' | 'encrypted' = 'header';
  let dataKey: Buffer | undefined;
  let prefix: Buffer | undefined;
  let counter = 0;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', dataKey!, nonceOf(prefix!, counter++), { authTagLength: TAG });
    decipher.setAAD(aad(last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
    } catch {
      throw new DamagedFile('stored file failed its integrity check');
    }
  };
  const readHeader = (stream: Transform): boolean => {
    if (buffered.length < 6) return false;
    if (!buffered.subarray(0, 4).equals(FILE_MAGIC)) {
      mode = 'plain';
      stream.push(buffered);
      buffered = Buffer.alloc(0);
      return true;
    }
    const length = buffered.readUInt16BE(4);
    if (buffered.length < 6 + length + 8) return false;
    dataKey = Buffer.from(FieldCipher.open(buffered.subarray(6, 6 + length).toString(), DATA_KEY), 'base64');
    prefix = Buffer.from(buffered.subarray(6 + length, 6 + length + 8));
    buffered = buffered.subarray(6 + length + 8);
    mode = 'encrypted';
    return true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (mode === 'plain') return done(null, chunk);
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      try {
        if (mode === 'header' && !readHeader(this)) return done();
        if (mode === 'encrypted') {
          while (buffered.length > CHUNK + TAG) {
            this.push(open(buffered.subarray(0, CHUNK + TAG), false));
            buffered = buffered.subarray(CHUNK + TAG);
          }
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (mode === 'header') {
          // Shorter than any header: a tiny file stored before encryption.
          if (buffered.length >= 6 && buffered.subarray(0, 4).equals(FILE_MAGIC)) throw new DamagedFile('stored file is cut short');
          this.push(buffered);
        } else if (mode === 'encrypted') {
          if (buffered.length < TAG) throw new DamagedFile('stored file is cut short');
          this.push(open(buffered, true));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** The sealed data key from a stored file's first bytes; undefined for a plain (old) file. */
function wrappedKeyOf(head: Buffer): string | undefined {
  if (head.length < 6 || !head.subarray(0, 4).equals(FILE_MAGIC)) return undefined;
  return head.subarray(6, 6 + head.readUInt16BE(4)).toString();
}

/** The id of the app key that wraps a stored file's data key, from its first bytes; undefined for a plain (old) file. */
export function wrappingKeyIdOf(head: Buffer): string | undefined {
  const wrapped = wrappedKeyOf(head);
  return wrapped === undefined ? undefined : FieldCipher.keyIdOf(wrapped);
}

/** Bytes a stored file's header needs to be read in full (magic, length, wrapped key, nonce prefix). */
export const MAX_HEADER_BYTES = 6 + 0xffff + 8;

/**
 * For re-encryption: the file's header with its data key wrapped the current way (v2 under the current
 * key), and how many bytes of the old file it replaces (magic, length and wrapped key; the nonce prefix and
 * body stay). Null when the wrap is already current, or for a plain file.
 */
export function rewrappedHeader(head: Buffer): { header: Buffer; replaces: number } | null {
  const wrapped = wrappedKeyOf(head);
  if (wrapped === undefined || FieldCipher.isCurrent(wrapped)) return null;
  const fresh = Buffer.from(FieldCipher.seal(FieldCipher.open(wrapped, DATA_KEY), DATA_KEY));
  const header = Buffer.alloc(6);
  FILE_MAGIC.copy(header, 0);
  header.writeUInt16BE(fresh.length, 4);
  return { header: Buffer.concat([header, fresh]), replaces: 6 + Buffer.byteLength(wrapped) };
}
