import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFound } from '../common/http/domain-error';
import { decryptingFileStream, encryptingFileStream } from './file-cipher';
import { contentKey, FileStore, isContentKey, StoredFile } from './file-store';

/** Folders of the store are the app's alone; files are written 0600 (see writeEncrypted). */
const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Pipes plaintext through the file cipher into `path` (mode 0600). */
export async function writeEncrypted(source: Readable | NodeJS.ReadableStream, through: Transform, path: string): Promise<void> {
  await pipeline(source, through, encryptingFileStream(), createWriteStream(path, { mode: FILE_MODE }));
}

/** Plaintext of a stored file (encrypted, or plain from before encryption); read errors surface on the returned stream. */
export function openDecrypted(source: Readable): Readable {
  const plain = decryptingFileStream();
  pipeline(source, plain).catch((error: Error) => plain.destroy(error));
  return plain;
}

/**
 * Content-addressed files under `DATA_DIR/files/ab/cd/<sha256>` (the plaintext's hash), each encrypted
 * under its own data key (file-cipher.ts); temp files in `DATA_DIR/files/tmp`, encrypted as they arrive.
 */
export class LocalFileStore extends FileStore {
  constructor(readonly root: string) {
    super();
    mkdirSync(root, { recursive: true, mode: FOLDER_MODE });
    chmodSync(root, FOLDER_MODE);
  }

  get tempDir(): string {
    return join(this.root, 'tmp');
  }

  async newTempPath(): Promise<string> {
    await mkdir(this.tempDir, { recursive: true, mode: FOLDER_MODE });
    return join(this.tempDir, randomUUID());
  }

  async put(body: Readable): Promise<StoredFile> {
    const staged = await this.stage(body);
    return this.adopt(staged.tempPath, staged.sha256, staged.size);
  }

  /** Streams `body` into a temp file, hashing the plaintext and encrypting as it goes; removes the temp file if the stream fails. */
  async stage(body: Readable): Promise<{ tempPath: string; sha256: string; size: number }> {
    const tempPath = await this.newTempPath();
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await writeEncrypted(body, counter, tempPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  async adopt(tempPath: string, sha256: string, size: number): Promise<StoredFile> {
    const key = contentKey(sha256);
    const target = join(this.root, key);
    await mkdir(dirname(target), { recursive: true, mode: FOLDER_MODE });
    if (existsSync(target)) await rm(tempPath, { force: true });
    else await rename(tempPath, target);
    return { key, sha256, size };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path).catch(() => {
      throw new NotFound('File');
    });
    return openDecrypted(createReadStream(path));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!isContentKey(key)) throw new NotFound('File');
    return join(this.root, key);
  }
}
