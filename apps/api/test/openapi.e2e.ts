import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestExamples } from '../src/common/openapi/examples';
import { startTestApp, type TestApp } from './support/test-app';

describe('Swagger UI and the OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  before(async () => {
    t = await startTestApp({ seed: false });
    doc = (await t.client().get('/api/docs-json')).body;
  });
  after(() => t?.close());

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );

  it('gives every operation a summary and documented errors with the error schema', () => {
    assert.ok(operations().length > 50);
    for (const { path, method, operation } of operations()) {
      assert.ok(operation.summary, `${method} ${path} has a summary`);
      assert.equal(operation.responses['400'].content['application/json'].schema.$ref, '#/components/schemas/Error', `${method} ${path}`);
    }
    assert.deepEqual(doc.components.schemas.Error.required, ['statusCode', 'message']);
  });

  it('asks for the session cookie, and the CSRF header on changes, except on public routes', () => {
    const find = (method: string, path: string) => operations().find((o) => o.method === method && o.path === path)!.operation;
    assert.deepEqual(find('get', '/api/cases').security, [{ cookie: [] }]);
    assert.deepEqual(find('post', '/api/cases').security, [{ cookie: [], csrf: [] }]);
    assert.equal(find('post', '/api/auth/login').security, undefined);
    assert.equal(find('get', '/api/public/campaigns/{slug}').security, undefined);
    assert.equal(doc.components.securitySchemes.csrf.name, 'x-csrf-token');
    assert.equal(doc.components.securitySchemes.cookie.name, 'habeas_session');
  });

  it('shows an example on the main requests, and a file field on every upload', () => {
    const find = (method: string, path: string) => operations().find((o) => o.method === method && o.path === path)?.operation;
    for (const { method, path } of requestExamples) {
      const operation = find(method, path);
      assert.ok(operation, `the example's route ${method} ${path} exists`);
      assert.ok(operation.requestBody.content['application/json'].example, `${method} ${path} shows its example`);
    }
    const uploads = operations().filter(({ operation }) => JSON.stringify(operation).includes('multipart/form-data'));
    assert.ok(uploads.length >= 3, `uploads: ${uploads.map((u) => u.path).join(', ')}`);
    for (const { method, path, operation } of uploads) {
      const form = operation.requestBody?.content?.['multipart/form-data']?.schema;
      assert.equal(form?.properties?.file?.format, 'binary', `${method} ${path} offers a file picker`);
      assert.ok(form.required.includes('file'), `${method} ${path} requires the file`);
    }
    assert.deepEqual(find('post', '/api/cases/{id}/documents').requestBody.content['multipart/form-data'].schema.required, ['file', 'title', 'kind']);
  });

  it('serves a Swagger UI that copies the csrf cookie into the x-csrf-token header', async () => {
    const init = await t.client().get('/api/docs/swagger-ui-init.js');
    assert.equal(init.status, 200);
    assert.match(init.text, /requestInterceptor/);
    assert.match(init.text, /request\.headers\['x-csrf-token'\] = decodeURIComponent/);
  });
});
