import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { encryptingFileStream, MAX_HEADER_BYTES, rewrappedHeader, wrappingKeyIdOf } from './file-cipher';
import type { FileReencryptResult } from './file-reencrypt';
import { isContentKey } from './file-store';
import { s3ClientFor, type S3Settings } from './s3-file-store';

async function* keysOf(client: S3Client, bucket: string): AsyncGenerator<string> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key && isContentKey(object.Key)) yield object.Key;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

async function read(client: S3Client, bucket: string, key: string, range?: string): Promise<Readable> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }));
  return object.Body as Readable;
}

async function headOf(client: S3Client, bucket: string, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await read(client, bucket, key, `bytes=0-${MAX_HEADER_BYTES - 1}`)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Replaces the object with `body`, streamed in parts (memory stays at one part); a reader sees the old or the new object, both readable. */
async function replace(client: S3Client, bucket: string, key: string, body: Readable): Promise<void> {
  await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body }, queueSize: 1, partSize: 8 * 1024 * 1024 }).done();
}

/**
 * For `npm run reencrypt` with S3: like the local store (file-reencrypt.ts), every object ends up encrypted with
 * its data key wrapped the current way. A plain object (from before encryption) is encrypted; an older wrap is
 * replaced by streaming the new header followed by the rest of the object (the data key and body stay). Safe to rerun.
 */
export async function reencryptS3Files(settings: S3Settings, client: S3Client = s3ClientFor(settings)): Promise<FileReencryptResult> {
  const result: FileReencryptResult = { encrypted: 0, rewrapped: 0 };
  for await (const key of keysOf(client, settings.bucket)) {
    const head = await headOf(client, settings.bucket, key);
    if (wrappingKeyIdOf(head) === undefined) {
      const plain = await read(client, settings.bucket, key);
      const encrypted = plain.pipe(encryptingFileStream());
      plain.on('error', (error) => encrypted.destroy(error));
      await replace(client, settings.bucket, key, encrypted);
      result.encrypted++;
      continue;
    }
    const rewrapped = rewrappedHeader(head);
    if (!rewrapped) continue;
    const rest = await read(client, settings.bucket, key, `bytes=${rewrapped.replaces}-`);
    const body = async function* () {
      yield rewrapped.header;
      yield* rest;
    };
    await replace(client, settings.bucket, key, Readable.from(body()));
    result.rewrapped++;
  }
  return result;
}
