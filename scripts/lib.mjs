import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

export const nxEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '', NX_TUI: 'false' };

/** A production install (the image, or `npm ci --omit=dev` after a build): dist is there and there is no build tool. */
export const prebuilt = !existsSync(join(root, 'node_modules/nx')) && existsSync(join(root, 'dist/apps/api/src/main.js'));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * One build at a time per checkout: a second `npm start` (or test run) waits for the first one's build
 * instead of rewriting dist/ under it. A lock left by a killed build is taken over.
 */
async function withBuildLock(task) {
  const lock = join(root, 'dist', '.build.lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
      if (holder > 0 && isAlive(holder)) {
        if (!announced) console.error(`another build of this checkout is running (pid ${holder}); waiting for it to finish`);
        announced = true;
        await new Promise((r) => setTimeout(r, 500));
      } else {
        rmSync(lock, { force: true });
      }
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Runs a command with its output held back: one line on success, everything it printed on failure. */
function runQuietly(label, command, args, options = {}) {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        console.log(`${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolvePromise();
      } else {
        process.stdout.write(output);
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`));
      }
    });
  });
}

/**
 * Builds the contracts, the API and the admin (cached by Nx); nothing to do in a production install.
 * `quiet` (npm start) prints one line instead of the build tools' report, unless the build fails.
 */
export function build(projects = ['contracts', 'api', 'admin'], { quiet = false } = {}) {
  if (prebuilt) return Promise.resolve();
  const args = ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'];
  return withBuildLock(() => (quiet ? runQuietly('built', 'npx', args, { env: nxEnv }) : run('npx', args, { env: nxEnv })));
}

/** A path given on the command line, against the folder the user ran `npm run` from (npm itself runs in the repository root). */
export function userPath(path) {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * How the API server runs, here and in docker/Dockerfile's CMD (production-install.e2e holds them equal), so the
 * bench measures what ships. V8's own heap sizing is kept: a heap limit holds resident memory under 300 MB but
 * doubles the p99 of the light reads (docs/decisions/0032-api-heap-size.md). Operator CLIs run with the same flags.
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps'];

/** Runs a compiled CLI of the API (`dist/apps/api/src/...`), passing its exit code on. */
export async function runCli(script, args) {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist/apps/api/src', script), ...args], { stdio: 'inherit', cwd: root });
  process.on('SIGINT', () => undefined); // Ctrl-C reaches the CLI directly; it cleans up and exits
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise((r) => child.on('exit', (c, signal) => r(c ?? (signal ? 1 : 0))));
  process.exit(code);
}
