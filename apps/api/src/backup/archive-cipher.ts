import { createCipheriv, createDecipheriv, randomBytes, scryptSync, type DecipherGCM } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Encrypted archive layout: MAGIC | salt (16) | iv (12) | AES-256-GCM ciphertext | tag (16). */
export const MAGIC = Buffer.from('HABEASBK1');
const SALT = 16;
const IV = 12;
const TAG = 16;

export function keyFrom(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** A stream that encrypts everything written to it under a passphrase. */
export function encryptingStream(passphrase: string): Transform {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(passphrase, salt), iv);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!headerSent) {
        this.push(Buffer.concat([MAGIC, salt, iv]));
        headerSent = true;
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      if (!headerSent) this.push(Buffer.concat([MAGIC, salt, iv]));
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/** The inverse of encryptingStream; fails at the end if the passphrase is wrong or the bytes were changed. */
export function decryptingStream(passphrase: string): Transform {
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let held = Buffer.alloc(0); // the last TAG bytes seen so far may be the tag
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      let data = chunk;
      if (!decipher) {
        header = Buffer.concat([header, data]);
        const headerLength = MAGIC.length + SALT + IV;
        if (header.length < headerLength) return callback();
        if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return callback(new Error('not an encrypted Habeas backup'));
        const salt = header.subarray(MAGIC.length, MAGIC.length + SALT);
        const iv = header.subarray(MAGIC.length + SALT, headerLength);
        decipher = createDecipheriv('aes-256-gcm', keyFrom(passphrase, salt), iv);
        data = header.subarray(headerLength);
      }
      held = Buffer.concat([held, data]);
      if (held.length <= TAG) return callback();
      const ready = held.subarray(0, held.length - TAG);
      held = held.subarray(held.length - TAG);
      callback(null, decipher.update(ready));
    },
    flush(callback) {
      if (!decipher || held.length !== TAG) return callback(new Error('the backup archive is truncated'));
      decipher.setAuthTag(held);
      try {
        callback(null, decipher.final());
      } catch {
        callback(new Error('wrong passphrase, or the backup archive was changed'));
      }
    },
  });
}
