import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runApiCli } from './support/cli';
import { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a long first admin passphrase';

function inviteToken(output: string): string {
  const match = /https?:\/\/\S+\/invite\/([\w-]+)/.exec(output);
  assert.ok(match, `an invite URL in: ${output}`);
  return match[1];
}

/** Accepts the invite and signs in: the contract's proof that the link works. */
async function acceptAndSignIn(baseUrl: string, token: string, email: string): Promise<void> {
  const client = new HttpClient(baseUrl);
  const accepted = await client.post('/api/auth/invites/accept', { token, password: PASSWORD });
  assert.equal(accepted.status, 204, JSON.stringify(accepted.body));
  const signedIn = await client.post('/api/auth/login', { email, password: PASSWORD });
  assert.equal(signedIn.status, 200);
  assert.equal(signedIn.body.user.role, 'admin');
  assert.equal((await client.get('/api/users')).status, 200, 'the new admin can manage users');
}

describe('npm run admin:create', () => {
  describe('with DATABASE_URL', () => {
    let t: TestApp;
    let env: Record<string, string>;
    before(async () => {
      t = await startTestApp({ seed: false });
      env = { DATABASE_URL: t.databaseUrl, APP_ENCRYPTION_KEY: t.config.encryptionKey.key.toString('hex'), PUBLIC_URL: 'https://habeas.example.org' };
    });
    after(() => t?.close());

    it('creates an admin whose printed invite link is accepted, and refuses to touch an account with a password', async () => {
      const created = await runApiCli('users/admin-create-cli.js', ['First.Admin@Example.org', 'Первый', 'администратор'], env);
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^Admin created first\.admin@example\.org\. .*https:\/\/habeas\.example\.org\/invite\/[\w-]+\n$/);
      await acceptAndSignIn(t.baseUrl, inviteToken(created.stdout), 'first.admin@example.org');
      const row = await t.db.query(`select name, role from users where email = 'first.admin@example.org'`);
      assert.deepEqual(row.rows[0], { name: 'Первый администратор', role: 'admin' });

      const again = await runApiCli('users/admin-create-cli.js', ['first.admin@example.org'], env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already has an account \(admin, password set\); nothing changed/);
    });

    it('gives a new link to an admin who never used the first one, and the old link stops working', async () => {
      const first = inviteToken((await runApiCli('users/admin-create-cli.js', ['late@example.org'], env)).stdout);
      const second = await runApiCli('users/admin-create-cli.js', ['late@example.org'], env);
      assert.match(second.stdout, /^New invite for the admin late@example\.org/);
      assert.equal((await t.client().post('/api/auth/invites/accept', { token: first, password: PASSWORD })).status, 400);
      await acceptAndSignIn(t.baseUrl, inviteToken(second.stdout), 'late@example.org');
    });

    it('refuses a missing or malformed email with usage', async () => {
      const none = await runApiCli('users/admin-create-cli.js', [], env);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /usage: npm run admin:create -- EMAIL \[NAME\]/);
      assert.equal((await runApiCli('users/admin-create-cli.js', ['not-an-email'], env)).code, 2);
    });
  });

  describe("with DATA_DIR's embedded database", () => {
    let dataDir: string;
    let app: NestFastifyApplication | undefined;
    let stopServer: (() => Promise<void>) | undefined;
    before(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'habeas-admin-create-'));
    });
    after(async () => {
      await app?.close();
      await stopServer?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('works on a stopped data folder (starting and stopping its database) and on a running one', async () => {
      const env = { DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:3131' };
      const stopped = await runApiCli('users/admin-create-cli.js', ['offline@example.org'], env);
      assert.equal(stopped.code, 0, stopped.stderr);

      const server = await startEmbeddedPostgres(dataDir, () => undefined);
      stopServer = () => server.stop();
      const running = await runApiCli('users/admin-create-cli.js', ['online@example.org', 'Online'], env);
      assert.equal(running.code, 0, running.stderr);

      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }, server.url);
      app = await createApp(config);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address();
      const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await acceptAndSignIn(baseUrl, inviteToken(stopped.stdout), 'offline@example.org');
      await acceptAndSignIn(baseUrl, inviteToken(running.stdout), 'online@example.org');
    });
  });
});
