import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { giftLimits } from './gift-limits';

describe('giftLimits', () => {
  const largest = { amountMinor: 1_000_000, currency: 'EUR' };
  for (const [currency, min, max, firstPreset] of [
    ['EUR', 100, 1_000_000, 1000],
    ['USD', 100, 1_000_000, 1000],
    ['JPY', 100, 1_000_000, 1000],
    ['KWD', 1000, 10_000_000, 10_000],
    ['RUB', 10_000, 100_000_000, 100_000],
  ] as const) {
    it(`sizes ${currency} by its exponent: ${min}…${max}, first preset ${firstPreset}`, () => {
      const limits = giftLimits(currency, largest);
      assert.deepEqual([limits.minAmountMinor, limits.maxAmountMinor, limits.presets[0]], [min, max, firstPreset]);
    });
  }

  it('carries the largest gift over from a first currency with another exponent', () => {
    assert.equal(giftLimits('EUR', { amountMinor: 500_000, currency: 'JPY' }).maxAmountMinor, 500_000);
    assert.equal(giftLimits('JPY', { amountMinor: 500_000, currency: 'JPY' }).maxAmountMinor, 500_000);
  });

  it('never lets the largest fall under the smallest', () => {
    const limits = giftLimits('EUR', { amountMinor: 1, currency: 'EUR' });
    assert.equal(limits.maxAmountMinor, limits.minAmountMinor);
  });
});
