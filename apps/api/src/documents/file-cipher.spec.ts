import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { before, describe, it } from 'node:test';
import { FieldCipher } from '../common/crypto/field-cipher';
import { decryptingFileStream, encryptingFileStream, FILE_MAGIC, wrappingKeyIdOf } from './file-cipher';

const KIB = 1024;

async function through(bytes: Buffer, transform: () => NodeJS.ReadWriteStream, pieces = 7): Promise<Buffer> {
  const step = Math.max(1, Math.ceil(bytes.length / pieces));
  const chunks = Array.from({ length: Math.ceil(bytes.length / step) }, (_, i) => bytes.subarray(i * step, (i + 1) * step));
  return buffer(Readable.from(chunks).pipe(transform()));
}

describe('file cipher', () => {
  before(() => FieldCipher.configure({ id: 'feedc0de', key: randomBytes(32) }));

  for (const size of [0, 1, 64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 200 * KIB]) {
    it(`round-trips ${size} bytes, and the stored form shows none of them`, async () => {
      const plain = Buffer.alloc(size, 'court ruling ');
      const stored = await through(plain, encryptingFileStream);
      assert.ok(stored.subarray(0, 4).equals(FILE_MAGIC));
      assert.equal(wrappingKeyIdOf(stored), 'feedc0de');
      if (size > 20) assert.equal(stored.includes(Buffer.from('court ruling')), false);
      assert.ok((await through(stored, decryptingFileStream, 13)).equals(plain));
    });
  }

  it('refuses a flipped byte, a dropped last chunk and a cut-off end', async () => {
    const stored = await through(randomBytes(150 * KIB), encryptingFileStream);
    const flipped = Buffer.from(stored);
    flipped[flipped.length - 100] ^= 1;
    await assert.rejects(through(flipped, decryptingFileStream), /integrity/);
    const header = stored.length - 2 * (64 * KIB + 16) - (22 * KIB + 16);
    await assert.rejects(through(stored.subarray(0, header + 2 * (64 * KIB + 16)), decryptingFileStream), /integrity/);
    await assert.rejects(through(stored.subarray(0, stored.length - 5), decryptingFileStream), /integrity|cut short/);
  });

  it('passes a file stored before encryption through unchanged', async () => {
    const old = Buffer.from('%PDF-1.4 an old plain file');
    assert.ok((await through(old, decryptingFileStream)).equals(old));
    assert.ok((await through(Buffer.from('ab'), decryptingFileStream)).equals(Buffer.from('ab')));
  });
});
