import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import S3rver from 's3rver';
import { FieldCipher } from '../src/common/crypto/field-cipher';
import { keyId } from '../src/config/local-secrets';
import { decryptingFileStream, wrappingKeyIdOf } from '../src/documents/file-cipher';
import { runApiCli } from './support/cli';
import { form } from './support/document-files';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const keyOf = (hash: string) => `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
const cookieHeader = (client: { cookies: Map<string, string> }) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe('npm run reencrypt with files in S3', () => {
  let t: TestApp;
  let server: S3rver;
  let directory: string;
  let s3Env: Record<string, string>;
  let s3: S3Client;
  const oldKey = randomBytes(32).toString('hex');
  const newKey = randomBytes(32).toString('hex');

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'habeas-s3-reencrypt-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'habeas-files', configs: [] }] });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    s3Env = { S3_ENDPOINT: endpoint, S3_BUCKET: 'habeas-files', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' };
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    t = await startTestApp({ env: { ...s3Env, APP_ENCRYPTION_KEY: oldKey } });
  });
  after(async () => {
    await t?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const objectBytes = async (key: string) =>
    Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'habeas-files', Key: key }))).Body!.transformToByteArray());
  const allKeys = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: 'habeas-files' }))).Contents ?? []).map((o) => o.Key!);

  it('re-wraps every object under the new key and encrypts plain ones, so the new key alone serves them', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const text = Buffer.from(`Ходатайство о медицинском освидетельствовании ${randomBytes(4).toString('hex')}\n`.repeat(3000));
    const created = await lawyer.post('/api/cases/vorontsov/documents', form(text, 'motion.txt', { title: 'Stored before rotation', kind: 'memo' }));
    assert.equal(created.status, 201, created.text);
    // An object stored before files were encrypted.
    const plain = Buffer.from('stored before encryption existed\n'.repeat(100));
    await s3.send(new PutObjectCommand({ Bucket: 'habeas-files', Key: keyOf(sha256(plain)), Body: plain }));

    const keys = await allKeys();
    assert.ok(keys.length >= 3, `the demo PDFs, the upload and the plain object: ${keys.join(', ')}`);
    const oldId = keyId(Buffer.from(oldKey, 'hex'));
    const newId = keyId(Buffer.from(newKey, 'hex'));
    assert.equal(wrappingKeyIdOf(await objectBytes(keyOf(sha256(text)))), oldId);

    const run = await runApiCli('database/reencrypt.js', [], {
      ...s3Env,
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: t.config.dataDir,
      APP_ENCRYPTION_KEY: newKey,
      APP_ENCRYPTION_KEYS_OLD: oldKey,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, new RegExp(`files in S3: 1 encrypted, ${keys.length - 1} re-wrapped under the current key`));

    for (const key of await allKeys()) {
      const stored = await objectBytes(key);
      assert.equal(wrappingKeyIdOf(stored), newId, key);
      assert.equal(stored.subarray(6, 8).toString(), 'v2', `${key}: the data key is sealed the current way`);
    }
    const again = await runApiCli('database/reencrypt.js', [], {
      ...s3Env,
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: t.config.dataDir,
      APP_ENCRYPTION_KEY: newKey,
    });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /files in S3: 0 encrypted, 0 re-wrapped/, 'a rerun finds nothing left to do, without the old key');

    const fresh = await startTestApp({ databaseUrl: t.databaseUrl, seed: false, env: { ...s3Env, APP_ENCRYPTION_KEY: newKey } });
    try {
      const reader = await fresh.signIn('lawyer@demo.local');
      const response = await fetch(`${fresh.baseUrl}/api/documents/${created.body.id}/download`, { headers: { cookie: cookieHeader(reader) } });
      assert.equal(response.status, 200);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(text), 'the upload reads back unchanged with the new key alone');
      const chunks: Buffer[] = [];
      for await (const chunk of Readable.from([await objectBytes(keyOf(sha256(plain)))]).pipe(decryptingFileStream())) chunks.push(chunk);
      assert.ok(Buffer.concat(chunks).equals(plain), 'the formerly plain object decrypts to what it was');
    } finally {
      await fresh.close();
      FieldCipher.configure({ id: oldId, key: Buffer.from(oldKey, 'hex') });
    }
  });
});
