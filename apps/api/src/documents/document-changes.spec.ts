import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changesOf } from './document-changes';

describe('document edit changes for the audit log', () => {
  it('keeps old and new values of the fields that really change', () => {
    const before = { title: 'scan_0042.pdf', kind: 'other', status: 'draft', filedAt: null, court: null };
    assert.deepEqual(changesOf(before, { title: 'Апелляционная жалоба', kind: 'other', filedAt: '2026-05-08T09:00:00.000Z' }), {
      title: { from: 'scan_0042.pdf', to: 'Апелляционная жалоба' },
      filedAt: { from: null, to: '2026-05-08T09:00:00.000Z' },
    });
    assert.deepEqual(changesOf({ ...before, filedAt: new Date('2026-05-08T09:00:00.000Z') }, { filedAt: '2026-05-08T09:00:00.000Z', privileged: true }), {});
  });
});
