import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app';

describe('foundation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: false });
  });
  after(() => t.close());

  it('answers live and ready once the database is migrated', async () => {
    const live = await t.client().get('/api/health/live');
    assert.equal(live.status, 200);
    const ready = await t.client().get('/api/health/ready');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.details.migrations.status, 'up');
  });

  it('serves a valid OpenAPI document with the contract routes', async () => {
    const response = await t.client().get('/api/docs-json');
    assert.equal(response.status, 200);
    assert.match(response.body.openapi, /^3\./);
    for (const path of ['/api/auth/login', '/api/users', '/api/cases', '/api/audit-log', '/api/health/ready']) {
      assert.ok(response.body.paths[path], `missing ${path}`);
    }
    assert.ok(response.body.paths['/api/auth/login'].post.requestBody, 'login documents its body from the zod schema');
  });

  it('gives unknown API routes a JSON 404 with a request id', async () => {
    const response = await t.client().get('/api/no-such-thing');
    assert.equal(response.status, 404);
    assert.equal(response.body.statusCode, 404);
    assert.ok(response.body.message);
    assert.equal(response.body.requestId, response.headers.get('x-request-id'));
  });

  it('rejects malformed JSON with a 400, not a 500', async () => {
    const response = await t.client().post('/api/auth/login', '{not json', { 'content-type': 'application/json' });
    assert.equal(response.status, 400);
    assert.equal(response.body.statusCode, 400);
    assert.doesNotMatch(response.text, /at \w+ \(/, 'no stack trace');
  });

  it('rejects an unsupported content type with 415', async () => {
    const response = await t.client().post('/api/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(response.status, 415);
    assert.equal(response.body.statusCode, 415);
  });

  it('sends security headers with a strict script policy', async () => {
    const response = await t.client().get('/api/health/live');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('keeps a valid incoming request id and echoes it', async () => {
    const response = await t.client().get('/api/health/live', { 'x-request-id': 'abc-12345-xyz' });
    assert.equal(response.headers.get('x-request-id'), 'abc-12345-xyz');
  });
});
