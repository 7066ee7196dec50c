import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedFields } from './changed-fields';

describe('changedFields', () => {
  const current = { severity: 'moderate', description: 'Headache', facility: null, vitals: [{ at: '2026-01-01T10:00:00.000Z', systolic: 150 }] };

  for (const [name, patch, expected] of [
    ['a new value', { severity: 'high', reason: 'typo' }, ['severity']],
    ['the same value', { severity: 'moderate', reason: 'checked' }, []],
    ['null for an absent value', { facility: null, reason: 'x' }, []],
    ['a value where there was none', { facility: 'SIZO-1', reason: 'x' }, ['facility']],
    ['readings with the same content', { vitals: [{ at: '2026-01-01T10:00:00.000Z', systolic: 150 }], reason: 'x' }, []],
    ['readings with another value', { vitals: [{ at: '2026-01-01T10:00:00.000Z', systolic: 190 }], reason: 'x' }, ['vitals']],
    ['only a reason', { reason: 'x' }, []],
    ['an undefined field', { description: undefined, reason: 'x' }, []],
  ] as const) {
    it(`finds ${JSON.stringify(expected)} for ${name}`, () => {
      assert.deepEqual(changedFields(current, patch as Record<string, unknown>), expected);
    });
  }
});
