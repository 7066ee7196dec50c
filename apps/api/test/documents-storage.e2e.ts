import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import S3rver from 's3rver';
import { form, makePdf } from './support/document-files';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MB = 1024 * 1024;

function cookieHeader(client: { cookies: Map<string, string> }): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

describe('document uploads over the size limit', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: '4096' } });
  });
  after(async () => {
    await t?.close();
  });

  it('answers 413 and keeps neither a row nor a file', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const response = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.alloc(20_000, 0x61), 'big.txt', { title: 'Too big', kind: 'memo' }));
    assert.equal(response.status, 413);
    assert.equal(response.body.statusCode, 413);
    const { rows } = await t.db.query(`select count(*)::int as n from documents where title = 'Too big'`);
    assert.equal(rows[0].n, 0);
    assert.deepEqual(readdirSync(join(t.config.dataDir, 'files', 'tmp')), []);
    const small = await lawyer.post('/api/cases/vorontsov/documents', form(Buffer.alloc(4000, 0x61), 'small.txt', { title: 'Fits', kind: 'memo' }));
    assert.equal(small.status, 201);
  });
});

describe('documents in S3-compatible storage', () => {
  let t: TestApp;
  let server: S3rver;
  let directory: string;
  let endpoint: string;
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'habeas-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'habeas-files', configs: [] }] });
    const address = await server.run();
    endpoint = `http://127.0.0.1:${address.port}`;
    t = await startTestApp({
      env: { S3_ENDPOINT: endpoint, S3_BUCKET: 'habeas-files', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' },
    });
  });
  after(async () => {
    await t?.close();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores uploads encrypted in the bucket under their SHA-256 and streams them back unchanged', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const bytes = await makePdf('Stored in a bucket');
    const created = await lawyer.post('/api/cases/vorontsov/documents', form(bytes, 's3.pdf', { title: 'In S3', kind: 'evidence' }));
    assert.equal(created.status, 201, created.text);
    const hash = sha256(bytes);
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await s3.send(new GetObjectCommand({ Bucket: 'habeas-files', Key: `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}` }));
    const inBucket = Buffer.from(await object.Body!.transformToByteArray());
    assert.equal(inBucket.subarray(0, 4).toString(), 'HBF1', 'the object is encrypted (the bucket is not trusted)');
    assert.equal(inBucket.includes(Buffer.from('%PDF')), false);
    const response = await fetch(`${t.baseUrl}/api/documents/${created.body.id}/download`, { headers: { cookie: cookieHeader(lawyer) } });
    assert.equal(response.status, 200);
    assert.ok(Buffer.from(await response.arrayBuffer()).equals(bytes));
    assert.equal(readdirSync(join(t.config.dataDir, 'files')).filter((name) => name !== 'tmp').length, 0, 'nothing stored locally');
  });

  it('serves the demo PDFs seeded into the bucket', async () => {
    const admin = await t.signIn('admin@demo.local');
    const { rows } = await t.db.query(`select d.id, v.sha256 from documents d join document_versions v on v.document_id = d.id where d.privileged`);
    const response = await fetch(`${t.baseUrl}/api/documents/${rows[0].id}/download`, { headers: { cookie: cookieHeader(admin) } });
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.equal(sha256(bytes), rows[0].sha256);
  });
});

describe('a 200 MB upload', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(300 * MB) } });
  });
  after(async () => {
    await t?.close();
  });

  it('streams through without raising the process memory by 50 MB', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const total = 200 * MB;
    const chunk = Buffer.alloc(MB, 'habeas corpus\n');
    const hash = createHash('sha256');
    const boundary = '----habeas' + Date.now();
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHuge\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nevidence\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    let sent = 0;
    let headSent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!headSent) {
          headSent = true;
          controller.enqueue(new Uint8Array(head));
        } else if (sent < total) {
          hash.update(chunk);
          sent += chunk.length;
          controller.enqueue(chunk); // the same buffer each time: the test itself holds 1 MB
        } else {
          controller.enqueue(new Uint8Array(tail));
          controller.close();
        }
      },
    });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let peakUsage = process.memoryUsage();
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      if (usage.rss > peak) [peak, peakUsage] = [usage.rss, usage];
    }, 20);
    let response: Response;
    try {
      response = await fetch(`${t.baseUrl}/api/cases/vorontsov/documents`, {
        method: 'POST',
        headers: { cookie: cookieHeader(lawyer), 'x-csrf-token': lawyer.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
        duplex: 'half',
      } as RequestInit);
    } finally {
      clearInterval(sampler);
    }
    const created = (await response.json()) as { versions: Array<{ size: number; sha256: string }> };
    assert.equal(response.status, 201, JSON.stringify(created));
    assert.equal(created.versions[0].size, total);
    assert.equal(created.versions[0].sha256, hash.digest('hex'));
    const grew = (peak - baseline) / MB;
    console.log(`200 MB upload: RSS baseline ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, grew ${grew.toFixed(1)} MB`);
    assert.ok(grew < 50, `RSS grew by ${grew.toFixed(1)} MB (at the peak: ${JSON.stringify(peakUsage)})`);
  });
});

describe('an upload aborted halfway', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('leaves no partial file and no row behind', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const boundary = 'habeas-abort-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nAborted\r\n--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmemo\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const { request } = await import('node:http');
    const url = new URL(`${t.baseUrl}/api/cases/vorontsov/documents`);
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 8 * MB + 100),
        cookie: cookieHeader(lawyer),
        'x-csrf-token': lawyer.cookies.get('csrf') ?? '',
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(MB, 0x61)); // half of what was announced
    await new Promise((resolve) => setTimeout(resolve, 300));
    req.destroy();
    const tmp = join(t.config.dataDir, 'files', 'tmp');
    let left: string[] = ['?'];
    for (let i = 0; i < 50 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = readdirSync(tmp);
    }
    assert.deepEqual(left, [], 'the partial temp file is removed');
    const { rows } = await t.db.query(`select count(*)::int as n from documents where title = 'Aborted'`);
    assert.equal(rows[0].n, 0);
  });
});
