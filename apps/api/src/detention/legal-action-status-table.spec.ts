import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { legalActionStatuses, type LegalActionStatus } from '@habeas/contracts';
import { OPEN_STATUSES, refusedChange } from './legal-action-status';

/** Every move of the status machine, written out: proposed → drafting → filed → decided; dismissed before filing. */
const allowed: Record<LegalActionStatus, LegalActionStatus[]> = {
  proposed: ['drafting', 'dismissed'],
  drafting: ['proposed', 'filed', 'dismissed'],
  filed: ['decided'],
  decided: [],
  dismissed: ['proposed'],
};

describe('legal action status machine, every pair', () => {
  for (const from of legalActionStatuses) {
    for (const to of legalActionStatuses) {
      const ok = from === to || allowed[from].includes(to);
      it(`${from} → ${to}: ${ok ? 'allowed' : 'refused'}`, () => {
        const refusal = refusedChange({ from, to, editsDraft: false, outcome: 'Upheld' });
        if (ok) assert.equal(refusal, null);
        else assert.equal(refusal, `a ${from} action cannot become ${to}; it can become ${allowed[from].join(', ') || 'nothing else'}`);
      });
    }
  }

  for (const from of legalActionStatuses) {
    const frozen = from === 'filed' || from === 'decided';
    it(`${frozen ? 'refuses' : 'allows'} editing the draft of a ${from} action`, () => {
      const refusal = refusedChange({ from, to: from, editsDraft: true, outcome: 'Upheld' });
      assert.equal(refusal, frozen ? 'the draft of a filed action is what was filed; it cannot change' : null);
    });
  }

  it('treats proposed and drafting cards as open, nothing else', () => {
    assert.deepEqual([...OPEN_STATUSES], ['proposed', 'drafting']);
  });
});
