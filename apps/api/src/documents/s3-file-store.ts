import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NotFound } from '../common/http/domain-error';
import type { AppConfig } from '../config/app-config';
import { contentKey, FileStore, StoredFile } from './file-store';
import { type LocalFileStore, openDecrypted } from './local-file-store';

export type S3Settings = NonNullable<AppConfig['s3']>;

/** The bucket's client, as the app and `npm run reencrypt` reach it. */
export function s3ClientFor(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
}

/**
 * Content-addressed objects in an S3-compatible bucket, encrypted like local files (file-cipher.ts). An upload is first hashed to a local
 * temp file (the key is its hash), then sent with a multipart upload, so memory stays flat.
 */
export class S3FileStore extends FileStore {
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    private readonly staging: LocalFileStore,
  ) {
    super();
    this.client = s3ClientFor(settings);
  }

  async put(body: Readable): Promise<StoredFile> {
    const staged = await this.staging.stage(body);
    return this.adopt(staged.tempPath, staged.sha256, staged.size);
  }

  async adopt(tempPath: string, sha256: string, size: number): Promise<StoredFile> {
    const key = contentKey(sha256);
    try {
      const exists = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key })).then(
        () => true,
        () => false,
      );
      if (!exists) {
        const upload = new Upload({
          client: this.client,
          // The temp file is already encrypted (the bucket is not trusted): its own size, not the plaintext's.
          params: { Bucket: this.settings.bucket, Key: key, Body: createReadStream(tempPath), ContentLength: (await stat(tempPath)).size },
          queueSize: 2,
          partSize: 8 * 1024 * 1024,
        });
        await upload.done();
      }
    } finally {
      await rm(tempPath, { force: true });
    }
    return { key, sha256, size };
  }

  async get(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return openDecrypted(object.Body as Readable);
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') throw new NotFound('File');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}
