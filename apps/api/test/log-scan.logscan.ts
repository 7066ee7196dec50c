import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * No secret or personal value reaches a log: not argon2 hashes, session or invite tokens, passwords,
 * emails, medical descriptions nor donor names. Runs after the API and browser suites (scripts/test.mjs),
 * whose apps log at debug level into HABEAS_TEST_LOG_DIR, and first drives its own app through the
 * failures that used to leak (failed queries with their parameters, 500s, searches in URLs).
 */
const ARGON2 = /\$argon2(?:id|i|d)\$v=\d+\$/;
const DEMO_EMAIL = /[\w.+-]+@demo\.local/;
const TOKEN_LIKE = /[A-Za-z0-9_-]{43}/g;

interface Needles {
  tokens: Set<string>;
  values: Map<string, string>; // value → kind
}

function emptyNeedles(): Needles {
  return { tokens: new Set(), values: new Map() };
}

function addValue(needles: Needles, kind: string, value: unknown, minimum = 6): void {
  if (typeof value === 'string' && value.trim().length >= minimum) needles.values.set(value.trim(), kind);
}

/** Lines that programs wrote (app logs, console output), not the test reporter's own lines and diagnostics. */
function programLines(text: string, fromRunner: boolean): string[] {
  const lines = text.split('\n');
  return fromRunner ? lines.filter((line) => line && !/^[\s✔✖ℹ▶─﹣]/.test(line)) : lines;
}

/** The line around `index`, with every secret in it masked, so a failure says where it leaked without leaking again. */
function excerpt(line: string, index: number, needles: Needles): string {
  let text = line.slice(Math.max(0, index - 120), index + 80);
  text = text.replace(TOKEN_LIKE, (token) => (needles.tokens.has(token) ? '‹token›' : token)).replace(ARGON2, '‹argon2›');
  text = text.replace(new RegExp(DEMO_EMAIL.source, 'g'), '‹email›');
  for (const [value, kind] of needles.values) text = text.split(value).join(`‹${kind}›`);
  return text;
}

/** Every hit once per line and kind, as `where: kind (×count) in «masked excerpt»` (the secret is not printed again). */
function scan(where: string, lines: string[], needles: Needles): string[] {
  const hits: string[] = [];
  lines.forEach((line, index) => {
    const at = `${where}:${index + 1}`;
    const found = new Map<string, { count: number; index: number }>();
    const note = (kind: string, position: number) => {
      const seen = found.get(kind);
      if (seen) seen.count++;
      else found.set(kind, { count: 1, index: position });
    };
    const argon2 = line.search(ARGON2);
    if (argon2 >= 0) note('argon2 hash', argon2);
    const email = line.search(DEMO_EMAIL);
    if (email >= 0) note("demo user's email", email);
    for (const match of line.matchAll(TOKEN_LIKE)) if (needles.tokens.has(match[0])) note('session or invite token', match.index ?? 0);
    for (const [value, kind] of needles.values) if (line.includes(value)) note(kind, line.indexOf(value));
    for (const [kind, { count, index: position }] of found) {
      hits.push(`${at}: ${kind}${count > 1 ? ` (×${count})` : ''} in «${excerpt(line, position, needles)}»`);
    }
  });
  return hits;
}

/** Collects what is written to this process's stdout and stderr (e.g. a library's console logger). */
function teeOutput(): { text(): string; stop(): void } {
  let captured = '';
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return (originals[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    text: () => captured,
    stop: () => streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write)),
  };
}

const demoValues = emptyNeedles();

describe('log scan: no secret or personal value is ever logged', () => {
  let t: TestApp;
  let dir: string;
  let logFile: string;
  let tee: ReturnType<typeof teeOutput>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'habeas-log-scan-'));
    logFile = join(dir, 'scenario.log');
    tee = teeOutput();
    t = await startTestApp({ env: { LOG_FILE: logFile, LOG_LEVEL: 'trace' } });
  });
  after(async () => {
    tee.stop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads the demo's personal data through the API, as the values to look for. */
  async function collectDemoValues(admin: HttpClient): Promise<void> {
    for (const user of (await admin.get('/api/users?limit=100')).body.items) addValue(demoValues, 'user email', user.email, 5);
    for (const donation of (await admin.get('/api/donations?limit=100')).body.items) {
      addValue(demoValues, 'donor name', donation.donorName);
      addValue(demoValues, 'donor email', donation.donorEmail, 5);
    }
    for (const slug of ['vorontsov', 'second-case']) {
      for (const incident of (await admin.get(`/api/cases/${slug}/medical-incidents?limit=100`)).body.items) {
        addValue(demoValues, 'medical description', incident.description, 12);
      }
    }
    assert.ok([...demoValues.values.values()].includes('medical description'), 'the demo has medical descriptions to look for');
    assert.ok([...demoValues.values.values()].includes('donor name'), 'the demo has donor names to look for');
  }

  it('writes none after the failures that used to leak (failed queries, 500s, searches in URLs)', async () => {
    const needles = emptyNeedles();
    const admin = await t.signIn('admin@demo.local');
    needles.tokens.add(admin.cookies.get('habeas_session')!);
    await collectDemoValues(admin);

    const password = 'scan-me-if-you-can-2718';
    addValue(needles, 'password', password);
    const user = { email: 'log-scan@demo.local', name: 'Scan Person', role: 'lawyer', password };
    assert.equal((await admin.post('/api/users', user)).status, 201);
    assert.equal((await admin.post('/api/users', user)).status, 409, 'a failed insert carrying a password hash');
    const nul = await admin.post('/api/users', { ...user, email: 'log-scan-2@demo.local', name: 'Scan\u0000Person' });
    assert.ok(nul.status < 500, `a NUL byte in a value: ${nul.status}`);
    const invite = await admin.post('/api/users', { email: 'log-scan-invite@demo.local', name: 'Invited Scan', role: 'medical' });
    assert.equal(invite.status, 201);
    const inviteToken = /\/invite\/([\w-]+)/.exec(JSON.stringify(invite.body))?.[1];
    assert.ok(inviteToken, 'an invite link');
    needles.tokens.add(inviteToken);

    const medic = await t.signIn('medic@demo.local');
    needles.tokens.add(medic.cookies.get('habeas_session')!);
    const description = 'Bruising on both wrists seen by the lawyer at the visit';
    addValue(needles, 'medical description', description);
    const incident = { occurredAt: new Date().toISOString(), type: 'injury', severity: 'moderate', source: 'lawyer_visit', description };
    assert.equal((await medic.post('/api/cases/vorontsov/medical-incidents', incident)).status, 201);
    const broken = await medic.post('/api/cases/vorontsov/medical-incidents', { ...incident, facility: 'SIZO\u0000-1' });
    assert.ok(broken.status < 500, `a NUL byte beside a description: ${broken.status}`);

    const donor = 'Yevgenia Secret-Supporter';
    addValue(needles, 'donor name', donor);
    await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 5000, currency: 'EUR', anonymous: false, name: donor });
    await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 5000, currency: 'EUR', anonymous: false, name: `${donor}\u0000` });
    await admin.get(`/api/cases/vorontsov/documents?q=${encodeURIComponent(donor)}`);
    await admin.get(`/api/donations?limit=5&cursor=${encodeURIComponent(donor)}`);
    await t.client().post('/api/auth/login', { email: 'admin@demo.local', password: `${password}-wrong` });

    for (const [value, kind] of demoValues.values) needles.values.set(value, kind);
    const logged = readFileSync(logFile, 'utf8');
    assert.ok(logged.split('\n').length > 20, 'the app wrote its log');
    const hits = [...scan('scenario.log', logged.split('\n'), needles), ...scan('stdout/stderr', tee.text().split('\n'), needles)];
    assert.deepEqual(hits, []);
  });

  it('finds none in the logs of the whole API and browser suites', async (context) => {
    const suiteDir = process.env.HABEAS_TEST_LOG_DIR;
    if (!suiteDir || !existsSync(suiteDir)) return context.skip('run by `npm test` after the suites (HABEAS_TEST_LOG_DIR)');
    const needles = emptyNeedles();
    for (const [value, kind] of demoValues.values) needles.values.set(value, kind);
    const files = readdirSync(suiteDir);
    for (const name of files.filter((file) => file.startsWith('secrets-'))) {
      for (const line of readFileSync(join(suiteDir, name), 'utf8').split('\n').filter(Boolean)) {
        const { kind, value } = JSON.parse(line) as { kind: string; value: string };
        if (kind === 'token' && value.length === 43) needles.tokens.add(value);
        else addValue(needles, kind, value, kind === 'email' ? 5 : 6);
      }
    }
    const hits: string[] = [];
    let lines = 0;
    for (const name of files.filter((file) => file.endsWith('.log') || file.endsWith('.out'))) {
      const content = programLines(readFileSync(join(suiteDir, name), 'utf8'), name.endsWith('.out'));
      lines += content.length;
      hits.push(...scan(name, content, needles));
    }
    console.log(`log scan: ${lines} lines in ${files.length} files, ${needles.tokens.size} tokens and ${needles.values.size} values looked for`);
    if (files.some((file) => file.startsWith('api-'))) assert.ok(lines > 0, 'the suites wrote logs to scan');
    assert.deepEqual(hits.slice(0, 50), [], `${hits.length} hits`);
  });
});
