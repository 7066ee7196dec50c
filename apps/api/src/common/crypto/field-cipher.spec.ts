import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { FieldCipher } from './field-cipher';

describe('FieldCipher', () => {
  before(() => FieldCipher.configure({ id: 'abcd1234', key: randomBytes(32) }));

  it('opens what it sealed', () => {
    assert.equal(FieldCipher.open(FieldCipher.seal('Иванов И. И.')), 'Иванов И. И.');
  });

  for (const [label, cut] of [
    ['a 4-byte prefix of the real tag', 4],
    ['a 12-byte prefix of the real tag', 12],
  ] as const) {
    it(`refuses ${label}`, () => {
      const [version, id, iv, tag, body] = FieldCipher.seal('donor@example.org').split(':');
      const short = Buffer.from(tag, 'base64').subarray(0, cut).toString('base64');
      assert.throws(() => FieldCipher.open([version, id, iv, short, body].join(':')), /tag length/);
    });
  }

  it('refuses a changed ciphertext', () => {
    const [version, id, iv, tag, body] = FieldCipher.seal('donor@example.org').split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    assert.throws(() => FieldCipher.open([version, id, iv, tag, flipped.toString('base64')].join(':')));
  });
});
