import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, describe, it } from 'node:test';
import { FieldCipher } from '../common/crypto/field-cipher';
import { decryptingFileStream, encryptingFileStream, wrappingKeyIdOf } from './file-cipher';
import { reencryptFiles } from './file-reencrypt';

const oldKey = { id: '0ld0ld00', key: randomBytes(32) };
const newKey = { id: '0e50e500', key: randomBytes(32) };

describe('reencryptFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'habeas-files-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const place = (name: string, bytes: Buffer) => {
    const path = join(root, name.slice(0, 2), name.slice(2, 4), name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
    return path;
  };

  it('encrypts plain files and re-wraps files of an old key, so the new key alone reads them all', async () => {
    FieldCipher.configure(oldKey);
    const plainText = Buffer.from('%PDF-1.4 a file from before encryption');
    const sealedText = randomBytes(100_000);
    const plainPath = place('a'.repeat(64), plainText);
    const oldPath = place('b'.repeat(64), await buffer(Readable.from([sealedText]).pipe(encryptingFileStream())));
    writeFileSync(join(root, 'not-a-content-key'), 'left alone');

    FieldCipher.configure(newKey, [oldKey]);
    assert.deepEqual(await reencryptFiles(root), { encrypted: 1, rewrapped: 1 });
    assert.deepEqual(await reencryptFiles(root), { encrypted: 0, rewrapped: 0 }, 'a rerun changes nothing');

    FieldCipher.configure(newKey);
    for (const [path, plain] of [
      [plainPath, plainText],
      [oldPath, sealedText],
    ] as const) {
      const stored = readFileSync(path);
      assert.equal(wrappingKeyIdOf(stored), newKey.id);
      assert.ok((await buffer(Readable.from([stored]).pipe(decryptingFileStream()))).equals(plain));
      assert.equal(statSync(path).mode & 0o777, 0o600);
    }
    assert.equal(readFileSync(join(root, 'not-a-content-key'), 'utf8'), 'left alone');
  });
});
