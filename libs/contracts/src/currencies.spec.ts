import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currency, currencyExponent, decimalToMinor, minorToDecimal } from './currencies';

describe('ISO 4217 currencies', () => {
  for (const [code, exponent] of [
    ['EUR', 2],
    ['RUB', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
  ] as const) {
    it(`knows that ${code} has ${exponent} decimals`, () => assert.equal(currencyExponent(code), exponent));
  }

  it('accepts ISO codes in any case and refuses made-up ones', () => {
    assert.equal(currency.parse('eur'), 'EUR');
    for (const bad of ['XYZ', 'EU', 'EURO', 'XAU', '123']) assert.equal(currency.safeParse(bad).success, false, `${bad} was accepted`);
  });

  it('writes minor units with the exponent of the currency', () => {
    assert.equal(minorToDecimal(5000, 'JPY'), '5000');
    assert.equal(minorToDecimal(5000, 'EUR'), '50.00');
    assert.equal(minorToDecimal(1500, 'KWD'), '1.500');
    assert.equal(minorToDecimal(-5, 'EUR'), '-0.05');
    assert.equal(minorToDecimal(7, 'KWD'), '0.007');
  });

  it('reads typed amounts and refuses more decimals than the currency has', () => {
    assert.equal(decimalToMinor('12,50', 'EUR'), 1250);
    assert.equal(decimalToMinor('1 000', 'RUB'), 100000);
    assert.equal(decimalToMinor('5000', 'JPY'), 5000);
    assert.equal(decimalToMinor('12.5', 'JPY'), null);
    assert.equal(decimalToMinor('1.2345', 'KWD'), null);
    assert.equal(decimalToMinor('1.234', 'KWD'), 1234);
    assert.equal(decimalToMinor('abc', 'EUR'), null);
  });
});
