import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestExamples } from './examples';

describe('Swagger request examples', () => {
  it('are each accepted by the contract schema of their route', () => {
    for (const { method, path, schema, example } of requestExamples) {
      const result = schema.safeParse(example);
      assert.ok(result.success, `${method} ${path}: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
    }
  });
});
