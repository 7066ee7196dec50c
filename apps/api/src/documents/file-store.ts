import type { Readable } from 'node:stream';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

/**
 * Where uploaded bytes live, content-addressed by SHA-256: local files under
 * DATA_DIR/files or an S3-compatible bucket. Chosen once from the config.
 */
export abstract class FileStore {
  /** Streams `body` into the store, hashing as it goes. */
  abstract put(body: Readable): Promise<StoredFile>;
  /** Takes over a complete file already hashed on local disk (an upload's temp file); the temp file is gone afterwards. */
  abstract adopt(tempPath: string, sha256: string, size: number): Promise<StoredFile>;
  abstract get(key: string): Promise<Readable>;
  abstract delete(key: string): Promise<void>;
}

/** `ab/cd/<sha256>`: two levels of fan-out keep directories small. */
export function contentKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const CONTENT_KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** A key of the shape contentKey() makes, and nothing else (no `..`, no absolute path). */
export function isContentKey(key: string): boolean {
  return CONTENT_KEY.test(key);
}
