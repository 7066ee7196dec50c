import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newReceiptCode, normaliseReceipt } from './receipt-code';

describe('receipt codes', () => {
  it('makes codes that read back as themselves', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReceiptCode();
      assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(normaliseReceipt(code), code);
    }
  });

  const typed: Array<[string, string | null]> = [
    ['k7q2 9xma 3dpf', 'K7Q2-9XMA-3DPF'],
    ['K7Q2-9XMA-3DPO', 'K7Q2-9XMA-3DP0'],
    ['k7q2-9xma-3dpl', 'K7Q2-9XMA-3DP1'],
    ['K7Q2-9XMA', null],
    ['K7Q2-9XMA-3DPU', null],
    ['', null],
  ];
  for (const [input, expected] of typed) {
    it(`reads «${input}» as ${expected ?? 'no code'}`, () => assert.equal(normaliseReceipt(input), expected));
  }
});
