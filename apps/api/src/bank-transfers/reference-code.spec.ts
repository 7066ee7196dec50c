import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesIn, newReferenceCode, purposeFor } from './reference-code';

describe('reference codes', () => {
  it('makes five-character codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) assert.match(newReferenceCode(), /^[2-9A-HJKMNP-Z]{5}$/);
  });

  it('finds the code in the purpose a donor sent, however the bank retyped it', () => {
    const cases: Array<[string, string]> = [
      [purposeFor('D7K2Q'), 'D7K2Q'],
      ['пожертвование код d7k2q', 'D7K2Q'],
      ['Пожертвование на защиту, код: D7K2Q', 'D7K2Q'],
      // Cyrillic К typed instead of Latin K
      ['Пожертвование, код D7К2Q', 'D7K2Q'],
      ['ПОЖЕРТВОВАНИЕ НА ЗАЩИТУ КОД W9ZRT НДС НЕ ОБЛАГАЕТСЯ', 'W9ZRT'],
    ];
    for (const [purpose, code] of cases) assert.equal(codesIn(purpose)[0], code, purpose);
  });

  it('finds nothing where there is no code-shaped word', () => {
    assert.deepEqual(codesIn('Перевод по номеру телефона'), []);
    assert.deepEqual(codesIn('Оплата по счёту 123456'), []);
  });
});
