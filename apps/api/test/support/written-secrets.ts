import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secret or personal values the tests send and receive, noted so the log scan can look for them in the
 * apps' logs: session and invite tokens, passwords, emails, medical descriptions, donor names.
 * Active only under `npm test` (HABEAS_TEST_LOG_DIR set); one JSON line per value.
 */
export type SecretKind = 'token' | 'password' | 'email' | 'description' | 'donor-name';

const dir = process.env.HABEAS_TEST_LOG_DIR;
const file = dir ? join(dir, `secrets-${process.pid}.jsonl`) : undefined;
const seen = new Set<string>();

export function noteSecret(kind: SecretKind, value: unknown): void {
  if (!file || typeof value !== 'string') return;
  const minimum = kind === 'token' ? 20 : kind === 'email' ? 5 : 6;
  if (value.length < minimum || seen.has(value)) return;
  seen.add(value);
  appendFileSync(file, JSON.stringify({ kind, value }) + '\n');
}

const requestFields: Record<string, SecretKind> = {
  password: 'password',
  currentPassword: 'password',
  newPassword: 'password',
  email: 'email',
  description: 'description',
  token: 'token',
};

/** Notes the secret fields of a request body and the tokens in a response (cookies, invite links). */
export function noteExchange(path: string, body: unknown, setCookies: string[], responseText: string): void {
  if (!file) return;
  if (body && typeof body === 'object' && !(body instanceof FormData) && !(body instanceof Uint8Array)) {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const kind = requestFields[key];
      if (kind) noteSecret(kind, value);
      if (key === 'name' && /checkout|donation/.test(path)) noteSecret('donor-name', value);
    }
  }
  for (const line of setCookies) {
    const match = /^(?:__Host-)?habeas_session=([^;]+)/.exec(line);
    if (match) noteSecret('token', match[1]);
  }
  for (const match of responseText.matchAll(/\/(?:invite|intake)\/([\w-]{20,})/g)) noteSecret('token', match[1]);
}
