import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { apiDist } from './cli';

export interface AppProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM (a clean stop) and wait; SIGKILL after 30 s. */
  stop(): Promise<void>;
}

/** Starts the real production entry (`node dist/apps/api/src/main.js`, what `npm start` runs) with the given environment. */
export async function spawnApp(env: Record<string, string>, options: { cwd?: string; main?: string; nodeArgs?: string[] } = {}): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.main ?? join(apiDist, 'main.js')], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until /api/health/ready answers 200; fails early (with the output) if the process dies first. */
export async function waitUntilReady(app: AppProcess, timeoutMs = 120_000): Promise<void> {
  let ended = false;
  void app.exited.then(() => (ended = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (ended) throw new Error(`the app exited before it was ready:\n${app.output()}`);
    try {
      const response = await fetch(`${app.baseUrl}/api/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app was not ready within ${timeoutMs} ms:\n${app.output()}`);
}
