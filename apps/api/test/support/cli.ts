import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled API folder (`dist/apps/api/src`), where the operator commands live. */
export const apiDist = join(__dirname, '../../src');

/**
 * Runs a compiled operator command (e.g. `users/admin-create-cli.js`) as its own process, with only the
 * given environment on top of PATH, the way `npm run …` runs it.
 */
export function runApiCli(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliResult> {
  return runCommand(process.execPath, [join(apiDist, script), ...args], { env, timeoutMs });
}

/** Runs any command with only PATH and the given environment (NODE_ENV=test and silent logs unless given). */
export function runCommand(command: string, args: string[], options: { env: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<CliResult> {
  const { env, cwd, timeoutMs = 120_000 } = options;
  const script = args[0] ?? command;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
