import { createReadStream, createWriteStream, readdirSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { encryptingFileStream, MAX_HEADER_BYTES, rewrappedHeader, wrappingKeyIdOf } from './file-cipher';
import { isContentKey } from './file-store';
import { FILE_MODE } from './local-file-store';

export interface FileReencryptResult {
  /** Files stored before encryption, now encrypted. */
  encrypted: number;
  /** Files whose data key was wrapped by an older app key, now wrapped by the current one. */
  rewrapped: number;
}

/** The header of a stored file: magic, length, wrapped key, nonce prefix (see file-cipher.ts). */
async function headOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Writes `produce()` to a temp file beside `path` and swaps it in: a stored file is never half-written. */
async function replace(path: string, produce: () => Promise<void>, temp: string): Promise<void> {
  try {
    await produce();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * For `npm run reencrypt`: every file of the local store ends up encrypted with its data key wrapped by
 * the current app key. Plain files (from before encryption) are encrypted; older wraps are re-wrapped
 * (only the header changes; the data key and the body stay). Safe to rerun.
 */
export async function reencryptFiles(root: string): Promise<FileReencryptResult> {
  const result: FileReencryptResult = { encrypted: 0, rewrapped: 0 };
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => isContentKey(name));
  } catch {
    return result;
  }
  for (const name of names) {
    const path = join(root, name);
    const temp = `${path}.reencrypt`;
    const head = await headOf(path);
    if (wrappingKeyIdOf(head) === undefined) {
      await replace(path, () => pipeline(createReadStream(path), encryptingFileStream(), createWriteStream(temp, { mode: FILE_MODE })), temp);
      result.encrypted++;
      continue;
    }
    const rewrapped = rewrappedHeader(head);
    if (!rewrapped) continue;
    const body = createReadStream(path, { start: rewrapped.replaces });
    const rest = async function* () {
      yield rewrapped.header;
      yield* body;
    };
    await replace(path, () => pipeline(Readable.from(rest()), createWriteStream(temp, { mode: FILE_MODE })), temp);
    result.rewrapped++;
  }
  return result;
}
