import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { Fixtures, type FixtureCase } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Writers that keep creating deadlines through an already signed-in session and remember every 2xx answer. */
function writeLoad(client: HttpClient, theCase: FixtureCase, writers = 4) {
  const acknowledged = new Map<string, string>();
  const statuses = new Map<number, number>();
  let running = true;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      const title = `outage-${n++}`;
      const response = await client
        .post(`/api/cases/${theCase.id}/deadlines`, { dueAt: '2031-01-01T09:00:00.000Z', title })
        .catch(() => ({ status: 0, body: {} as never }));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) acknowledged.set(response.body.id, title);
      // A failed request is retried by the next loop turn; no sleep is needed to stay polite, the answer is fast.
      if (response.status !== 201) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return {
    acknowledged,
    statuses,
    count: (status: number) => statuses.get(status) ?? 0,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** SIGKILL to every PostgreSQL process (the server runs in its own process group): a crash, not a shutdown. */
function crashPostgres(dataDir: string): void {
  const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(-pid, 'SIGKILL');
}

/** This file owns its PostgreSQL so it can kill or stop it under a running app. */
describe('the database goes away under a signed-in write load and comes back', () => {
  let dataDir: string;
  let server: EmbeddedDatabase;
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'habeas-outage-'));
    server = await startEmbeddedPostgres(dataDir, () => undefined, { database: 'outage' });
    await runMigrations(server.url);
    t = await startTestApp({ databaseUrl: server.url });
    f = await Fixtures.of(t);
  });
  after(async () => {
    await t?.close().catch(() => undefined);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const outage of ['killed with SIGKILL', 'stopped cleanly'] as const) {
    it(`${outage}: answers 503 meanwhile, recovers without a restart, and every acknowledged write is stored`, async () => {
      const lawyer = await f.newUser('lawyer');
      const theCase = await f.newCase({ members: [lawyer] });
      const load = writeLoad(lawyer.client, theCase);
      try {
        await waitFor('writes acknowledged before the outage', () => load.acknowledged.size >= 20);
        if (outage === 'killed with SIGKILL') crashPostgres(dataDir);
        else await server.stop();
        await waitFor('the app to report the database gone', async () => (await t.client().get('/api/health/ready')).status === 503);
        await waitFor('writes refused with 503 during the outage', () => load.count(503) >= 3);
        const during = await lawyer.client.get(`/api/cases/${theCase.id}/deadlines`);
        assert.equal(during.status, 503);
        assert.equal(during.body.statusCode, 503);

        server = await startEmbeddedPostgres(dataDir, () => undefined, { database: 'outage', port: server.port });
        await waitFor('ready again without restarting the app', async () => (await t.client().get('/api/health/ready')).status === 200, { timeoutMs: 60_000 });
        const afterRecovery = load.acknowledged.size;
        await waitFor('the same session writing again', () => load.acknowledged.size >= afterRecovery + 20, { timeoutMs: 60_000 });
      } finally {
        await load.stop();
      }

      const unexpected = [...load.statuses.keys()].filter((status) => status !== 201 && status !== 503);
      assert.deepEqual(unexpected, [], `only 201 or a clean 503: ${JSON.stringify([...load.statuses])}`);
      const ids = [...load.acknowledged.keys()];
      const stored = await t.db.query<{ id: string; title: string }>(`select id, title from deadlines where id = any($1)`, [ids]);
      const found = new Map(stored.rows.map((row) => [row.id, row.title]));
      const lost = ids.filter((id) => found.get(id) !== load.acknowledged.get(id));
      assert.deepEqual(lost, [], `${lost.length} of ${ids.length} acknowledged writes were lost`);
      const listed = await lawyer.client.get(`/api/cases/${theCase.id}/deadlines?limit=100&status=all`);
      assert.equal(listed.status, 200);
    });
  }
});
