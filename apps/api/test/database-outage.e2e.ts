import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** This file owns its PostgreSQL so it can stop and start it under a running app. */
describe('the database goes away under load and comes back', () => {
  let dataDir: string;
  let server: EmbeddedDatabase;
  let t: TestApp;
  let admin: HttpClient;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'habeas-outage-'));
    server = await startEmbeddedPostgres(dataDir, () => undefined, { database: 'outage' });
    await runMigrations(server.url);
    t = await startTestApp({ databaseUrl: server.url });
    admin = await t.signIn('admin@demo.local');
  });
  after(async () => {
    await t?.close().catch(() => undefined);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is down, recovers without a restart, and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    let n = 0;
    const load = (async () => {
      while (running) {
        const slug = `outage-${n++}`;
        const response = await admin.post('/api/cases', { slug, title: `Outage case ${n}` }).catch(() => ({ status: 0, body: {} as never }));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201) acknowledged.push(slug);
        else assert.ok([503, 0].includes(response.status) || response.status === 201, `unexpected ${response.status}`);
        await sleep(20);
      }
    })();
    await sleep(500);
    await server.stop();
    await sleep(1500);
    const ready = await t.client().get('/api/health/ready');
    assert.equal(ready.status, 503, 'ready says the database is gone');
    const during = await admin.get('/api/cases');
    assert.equal(during.status, 503);
    assert.equal(during.body.statusCode, 503);
    server = await startEmbeddedPostgres(dataDir, () => undefined, { database: 'outage', port: server.port });
    let recovered = false;
    for (let i = 0; i < 100 && !recovered; i++) {
      recovered = (await t.client().get('/api/health/ready')).status === 200;
      if (!recovered) await sleep(100);
    }
    assert.ok(recovered, 'ready again without restarting the app');
    await sleep(500);
    running = false;
    await load;
    assert.ok((statuses.get(503) ?? 0) > 0, `some requests failed cleanly with 503: ${JSON.stringify([...statuses])}`);
    assert.equal(statuses.get(500) ?? 0, 0);
    const stored = await t.db.query(`select slug from cases where slug like 'outage-%'`);
    const slugs = new Set(stored.rows.map((row: { slug: string }) => row.slug));
    for (const slug of acknowledged) assert.ok(slugs.has(slug), `acknowledged ${slug} was lost`);
  });
});
