import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';

/** The shipped edge configuration (docker/caddy/), imported verbatim inside `reverse_proxy`. */
export const shippedCaddyDir = join(__dirname, '../../../../../docker/caddy');

export interface Caddy {
  /** https://localhost:<port> — the certificate is issued by Caddy's own automation (local CA). */
  baseUrl: string;
  httpUrl: string;
  /** The root certificate of Caddy's local CA: the only trust anchor the test gives its TLS client. */
  rootCertificate(): string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Debian's caddy (`apt-get install caddy`; .ci/run installs it) in front of the given loopback replicas, with the
 * shipped `habeas-proxy.caddy` imported as the compose file's Caddyfile does. Instead of asking Let's Encrypt
 * (no Internet here) certificates come from Caddy's local CA (`local_certs`): the same automatic issuance, storage
 * and serving path, with another issuer.
 */
export async function startCaddy(upstreamPorts: number[]): Promise<Caddy> {
  const home = mkdtempSync(join(tmpdir(), 'habeas-caddy-'));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const caddyfile = `{
	admin off
	local_certs
	skip_install_trust
	http_port ${httpPort}
	https_port ${httpsPort}
}

localhost {
	reverse_proxy {
		to ${upstreamPorts.map((p) => `127.0.0.1:${p}`).join(' ')}
		import ${join(shippedCaddyDir, 'habeas-proxy.caddy')}
	}
}
`;
  writeFileSync(join(home, 'Caddyfile'), caddyfile);
  const child: ChildProcess = spawn('caddy', ['run', '--config', join(home, 'Caddyfile'), '--adapter', 'caddyfile'], {
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const rootPath = join(home, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  const caddy: Caddy = {
    baseUrl: `https://localhost:${httpsPort}`,
    httpUrl: `http://localhost:${httpPort}`,
    rootCertificate: () => readFileSync(rootPath, 'utf8'),
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`caddy exited: ${output}`);
    if (existsSync(rootPath)) {
      try {
        if ((await tlsRequest(caddy, 'GET', '/api/health/live')).status === 200) return caddy;
      } catch {
        // the certificate is still being issued, or the listener is not up yet
      }
    }
    if (attempt > 150) throw new Error(`caddy did not serve HTTPS: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface TlsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The subject and issuer of the certificate the server presented. */
  peer: { subject: string; issuer: string };
}

/** One HTTPS request that trusts only Caddy's root (no NODE_TLS_REJECT_UNAUTHORIZED, no global CA change). */
export function tlsRequest(caddy: Caddy, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(caddy.baseUrl + path, { method, headers: headers as Record<string, string>, ca: caddy.rootCertificate(), timeout: 10_000 }, (res) => {
      const certificate = res.socket && 'getPeerCertificate' in res.socket ? (res.socket as import('node:tls').TLSSocket).getPeerCertificate() : undefined;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          peer: { subject: String(certificate?.subject?.CN ?? ''), issuer: String(certificate?.issuer?.CN ?? '') },
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}
