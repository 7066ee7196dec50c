import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedChange } from './legal-action-status';

describe('legal action status machine', () => {
  const allowed: Array<[string, string]> = [
    ['proposed', 'drafting'],
    ['proposed', 'dismissed'],
    ['drafting', 'filed'],
    ['drafting', 'proposed'],
    ['dismissed', 'proposed'],
  ];
  for (const [from, to] of allowed) {
    it(`lets a ${from} action become ${to}`, () => {
      assert.equal(refusedChange({ from: from as never, to: to as never, editsDraft: false, outcome: null }), null);
    });
  }

  it('refuses skipping steps and reopening a decided action', () => {
    assert.match(refusedChange({ from: 'proposed', to: 'decided', editsDraft: false, outcome: 'ok' })!, /cannot become decided/);
    assert.match(refusedChange({ from: 'decided', to: 'proposed', editsDraft: false, outcome: 'ok' })!, /nothing else/);
  });

  it('keeps a filed draft as it was filed', () => {
    assert.match(refusedChange({ from: 'filed', to: 'filed', editsDraft: true, outcome: null })!, /cannot change/);
  });

  it('asks for the outcome of a decided action', () => {
    assert.match(refusedChange({ from: 'filed', to: 'decided', editsDraft: false, outcome: null })!, /outcome/);
    assert.equal(refusedChange({ from: 'filed', to: 'decided', editsDraft: false, outcome: 'granted' }), null);
  });
});
