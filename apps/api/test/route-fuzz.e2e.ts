/**
 * Property-based fuzzing of the whole live route table: every route the running app serves is called as a
 * signed-in admin with hostile values in its path, query and body (NUL and other control characters, bidi
 * overrides, lone surrogates, huge and odd numbers, wrong types, nested junk), built by fast-check from the
 * route's documented parameters. No answer may be a 5xx and the app must be healthy afterwards.
 *
 * Reproduce a failure with the printed seed: HABEAS_FUZZ_SEED=<seed> HABEAS_FUZZ_RUNS=<runs> node scripts/test.mjs route-fuzz
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import type { HttpClient } from './support/http-client';
import { liveRoutes } from './support/route-table';
import { WEBHOOK_SECRET } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

const SEED = Number(process.env.HABEAS_FUZZ_SEED ?? Date.now() % 2_147_483_647);
/** Inputs per route; the total stays well under a minute on a CI machine. */
const RUNS_PER_ROUTE = Number(process.env.HABEAS_FUZZ_RUNS ?? 10);

/**
 * Routes that call Stripe or Telegram: they answer 502/503 with a clear message when the service fails or is not
 * configured (CONTRACT §Resources for Stripe; Telegram alerts are off without TELEGRAM_BOT_TOKEN).
 */
const UPSTREAM_ROUTES = new Set(['POST /api/donations/reconciliation', 'POST /api/me/telegram']);

/** Routes that would end the fuzzing session itself; they are exercised by the identity tests. */
const SESSION_ENDERS = new Set(['POST /api/auth/logout']);

const nasty = [
  '\u0000',
  'a\u0000b',
  'ok\u0007bell',
  '\u001b[31mred',
  '\u202Egnp.exe',
  '\u2066isolated\u2069',
  '\uD800',
  '\uDFFF\uD800',
  '\uFFFF',
  '%00',
  '%',
  '../../../../etc/passwd',
  "' or 1=1 --",
  '"; drop table users; --',
  '$argon2id$v=19$m=1,t=1,p=1$',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '99999999999999999999999999',
  '2026-02-30',
  '2026-13-45T25:61:61Z',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'не ASCII ✓ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(5000),
];

function hostileString(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...nasty) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: realIds.length ? fc.constantFrom(...realIds) : fc.uuid() },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...realIds, 'vorontsov'), fc.constantFrom('\u0000', '\u202E', '%00', ' ')).map(([a, b]) => a + b) },
  );
}

function hostileValue(text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308)) },
    { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(text, text, { maxKeys: 3 }) },
  );
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

interface Target {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyFields: string[];
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as raw UTF-8 bytes
  }
}

/** One request as the signed-in client; a stream is cut once its headers arrived. */
async function send(baseUrl: string, client: HttpClient, method: string, url: string, payload: unknown): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  if (method !== 'GET') headers['x-csrf-token'] = client.csrf ?? '';
  let body: RequestInit['body'];
  if (payload instanceof FormData) body = payload;
  else if (payload !== undefined) {
    body = JSON.stringify(payload);
    headers['content-type'] = 'application/json';
  }
  try {
    const response = await fetch(baseUrl + url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, text: '(stream)' };
    }
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 599, text: (error as Error).message };
  }
}

describe('route fuzz: hostile values on every route never cause a 5xx', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let admin: HttpClient;
  let targets: Target[];
  let realIds: string[];
  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: { STRIPE_SECRET_KEY: 'sk_test_fuzz', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url } });
    admin = await t.signIn('admin@demo.local');
    const docs = (await t.client().get('/api/docs-json')).body as { paths: Record<string, Record<string, OpenApiOperation>> };
    targets = liveRoutes(t.app).map(({ key }) => {
      const [method, path] = key.split(' ');
      const operation = docs.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? {};
      const json = operation.requestBody?.content?.['application/json']?.schema;
      return {
        method,
        path,
        params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(json?.properties ?? {}),
      };
    });
    // Real ids of every kind, so hostile bodies also reach the code behind the lookups.
    realIds = [];
    for (const table of [
      'cases',
      'documents',
      'medical_incidents',
      'medical_alerts',
      'hearings',
      'deadlines',
      'donations',
      'expenses',
      'legal_actions',
      'legal_templates',
    ]) {
      const rows = await t.db.query(`select id::text from ${table} order by random() limit 2`).catch(() => ({ rows: [] as Array<{ id: string }> }));
      realIds.push(...rows.rows.map((row: { id: string }) => row.id));
    }
  });
  after(async () => {
    await t.close();
    await stripe.close();
  });

  it('answers every route with hostile path, query and body values without a 5xx, and stays healthy', { timeout: 240_000 }, async () => {
    const text = hostileString(realIds);
    const value = hostileValue(text);
    const failures: string[] = [];
    let requests = 0;
    const runnable = targets.filter((target) => !SESSION_ENDERS.has(`${target.method} ${target.path}`));
    console.log(`route fuzz: seed ${SEED}, ${runnable.length} routes × ${RUNS_PER_ROUTE} runs (HABEAS_FUZZ_SEED / HABEAS_FUZZ_RUNS)`);
    for (const [index, target] of runnable.entries()) {
      const input = fc.record({
        params: fc.tuple(...target.params.map(() => text)),
        query: fc.tuple(...target.query.map(() => fc.option(text, { nil: undefined }))),
        extraQuery: fc.option(fc.tuple(text, text), { nil: undefined }),
        body: fc.oneof(
          fc
            .tuple(...target.bodyFields.map(() => fc.option(value, { nil: undefined })))
            .map((values) => Object.fromEntries(target.bodyFields.map((field, i) => [field, values[i]]).filter(([, v]) => v !== undefined))),
          value,
          fc.constant(undefined),
        ),
        multipart: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, extraQuery, body, multipart }) => {
          let path = target.path;
          target.params.forEach((name, i) => (path = path.replace(`:${name}`, encodeSegment(params[i]) || '%20')));
          const search = new URLSearchParams();
          target.query.forEach((name, i) => query[i] !== undefined && search.set(name, query[i]!.replace(/[\uD800-\uDFFF]/g, '\uFFFD')));
          if (extraQuery) search.set(extraQuery[0].replace(/[\uD800-\uDFFF]/g, '') || 'x', extraQuery[1].replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
          const url = `${path}${search.size ? `?${search}` : ''}`;
          let payload: unknown = target.method === 'GET' || target.method === 'DELETE' ? undefined : body;
          if (payload !== undefined && multipart && typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
            const form = new FormData();
            for (const [key, item] of Object.entries(payload)) form.set(key || 'field', typeof item === 'string' ? item : JSON.stringify(item));
            form.set('file', new Blob(['hostile\u0000bytes'], { type: 'text/plain' }), 'evil\u202Etxt.exe');
            payload = form;
          }
          requests++;
          const response = await send(t.baseUrl, admin, target.method, url, payload);
          const upstream = UPSTREAM_ROUTES.has(`${target.method} ${target.path}`) && (response.status === 502 || response.status === 503);
          if (response.status >= 500 && !upstream)
            failures.push(`${target.method} ${url.slice(0, 200)} → ${response.status} ${String(response.text).slice(0, 200)}`);
          // A route may legitimately end the admin's session (e.g. its own sessions); sign in again and go on.
          if (response.status === 401) admin = await t.signIn('admin@demo.local');
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    console.log(`route fuzz: ${requests} requests over ${runnable.length} routes, ${failures.length} answered 5xx`);
    assert.deepEqual(failures.slice(0, 30), [], `seed ${SEED}: ${failures.length} requests answered 5xx`);
    assert.equal((await t.client().get('/api/health/ready')).status, 200, 'ready afterwards');
    const fresh = await t.signIn('admin@demo.local');
    assert.equal((await fresh.get('/api/cases')).status, 200, 'still serves a signed-in user');
    assert.equal((await t.client().get('/api/public/campaigns/vorontsov')).status, 200, 'still serves the public page');
  });
});
