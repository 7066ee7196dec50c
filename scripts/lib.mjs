import { spawn } from 'node:child_process';

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

export const nxEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '', NX_TUI: 'false' };

/** Builds the contracts, the API and the admin (cached by Nx). */
export function build(projects = ['contracts', 'api', 'admin']) {
  return run('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'], { env: nxEnv });
}
