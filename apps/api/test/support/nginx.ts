import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';

/** The shipped edge configuration (docker/nginx/habeas-proxy.conf), included verbatim. */
export const shippedProxyConf = join(__dirname, '../../../../../docker/nginx/habeas-proxy.conf');

/** Debian's nginx (`apt-get install nginx`; .ci/run installs it). Never skipped: without it the test fails. */
function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  return 'nginx';
}

export interface Nginx {
  baseUrl: string;
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * Runs nginx with its own prefix and configuration in a temporary folder, on a loopback port, in front of
 * the given loopback upstream ports — the compose file's shape with `app` replaced by local replicas.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'habeas-nginx-'));
  chmodSync(prefix, 0o755);
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir), { mode: 0o777 });
  chmodSync(join(prefix, 'temp'), 0o777);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const conf = `
${asRoot ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  upstream habeas {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    include ${shippedProxyConf};
  }
}
`;
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(nginxBinary(), ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs', 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const errorLog = () => (existsSync(join(prefix, 'logs', 'error.log')) ? readFileSync(join(prefix, 'logs', 'error.log'), 'utf8') : '') + output;
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errorLog()}`);
    try {
      await fetch(`${baseUrl}/api/health/live`);
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not listen: ${errorLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    baseUrl,
    errorLog,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
