import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { FieldCipher, openField, openText, sealField, SealedValueRefused, sealText, type SealedAt } from './field-cipher';

const key = randomBytes(32);
const here: SealedAt = { table: 'donor_identities', column: 'email', row: '7b0f6f57-5f0e-4c43-9d8c-2d1b0a6c0e11' };

/** A value as the first format sealed it (no associated data). */
function sealV1(plain: string, id = 'abcd1234', with_ = key): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', with_, iv, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

describe('FieldCipher', () => {
  before(() => FieldCipher.configure({ id: 'abcd1234', key }));

  it('opens what it sealed, in the same place', () => {
    const sealed = FieldCipher.seal('Иванов И. И.', here);
    assert.match(sealed, /^v2:abcd1234:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    assert.equal(FieldCipher.open(sealed, here), 'Иванов И. И.');
  });

  it('seals with a 12-byte IV and a 16-byte tag, a fresh IV each time', () => {
    const [, , iv, tag] = FieldCipher.seal('x', here).split(':');
    assert.equal(Buffer.from(iv, 'base64').length, 12);
    assert.equal(Buffer.from(tag, 'base64').length, 16);
    assert.notEqual(FieldCipher.seal('x', here), FieldCipher.seal('x', here));
  });

  for (const [label, elsewhere] of [
    ['another row', { ...here, row: '00000000-0000-4000-8000-000000000000' }],
    ['another column', { ...here, column: 'name' }],
    ['another table', { ...here, table: 'medical_incidents' }],
    ['a place whose parts are shifted', { table: 'donor_identities', column: 'email\u0000', row: here.row.slice(1) }],
  ] as const) {
    it(`refuses a value moved to ${label}, naming the place`, () => {
      const sealed = FieldCipher.seal('donor@example.org', here);
      assert.throws(
        () => FieldCipher.open(sealed, elsewhere),
        (error: unknown) => {
          assert.ok(error instanceof SealedValueRefused);
          assert.deepEqual(error.at, elsewhere);
          assert.match(error.message, /does not belong to this place or was changed/);
          assert.doesNotMatch(error.message, /donor@example/);
          return true;
        },
      );
    });
  }

  it('binds exactly "habeas-field", table, column and row joined by NUL bytes (an independent sealer agrees)', () => {
    const sealBy = (aad: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update('по-русски', 'utf8'), cipher.final()]);
      return ['v2', 'abcd1234', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    };
    const place = { table: 'таблица', column: 'колонка', row: 'строка-1' };
    assert.equal(FieldCipher.open(sealBy('habeas-field\0таблица\0колонка\0строка-1'), place), 'по-русски');
    assert.throws(() => FieldCipher.open(sealBy('\0таблица\0колонка\0строка-1'), place), SealedValueRefused);
    assert.throws(() => FieldCipher.open(sealBy('habeas-fieldтаблицаколонкастрока-1'), place), SealedValueRefused);
  });

  it('tells apart places whose names only run together differently', () => {
    const sealed = FieldCipher.seal('x', { table: 'ab', column: 'c', row: 'd' });
    assert.throws(() => FieldCipher.open(sealed, { table: 'a', column: 'bc', row: 'd' }), SealedValueRefused);
    assert.throws(() => FieldCipher.open(sealed, { table: 'ab', column: '', row: 'cd' }), /table, column and row/);
  });

  it('refuses to seal before it is configured', () => {
    // A fresh process: the cipher in this one is configured.
    const script = `try { require(${JSON.stringify(join(__dirname, 'field-cipher.js'))}).FieldCipher.seal('x', { table: 't', column: 'c', row: 'r' }); } catch (e) { process.stdout.write(e.message); }`;
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), 'FieldCipher is not configured');
  });

  it('still opens a v1 value (sealed before binding) wherever it is', () => {
    assert.equal(FieldCipher.open(sealV1('old donor'), here), 'old donor');
    assert.equal(FieldCipher.isCurrent(sealV1('old donor')), false);
  });

  it('says whether a value is sealed the current way', () => {
    assert.equal(FieldCipher.isCurrent(FieldCipher.seal('x', here)), true);
    assert.equal(FieldCipher.isCurrent(FieldCipher.seal('x', here).replace(/^v2:abcd1234/, 'v2:00000000')), false);
  });

  it('opens values sealed under an earlier key, and refuses an unknown key by its id', () => {
    const old = randomBytes(32);
    FieldCipher.configure({ id: 'beef0001', key: old });
    const sealed = FieldCipher.seal('rotated', here);
    FieldCipher.configure({ id: 'abcd1234', key }, [{ id: 'beef0001', key: old }]);
    assert.equal(FieldCipher.keyIdOf(sealed), 'beef0001');
    assert.equal(FieldCipher.open(sealed, here), 'rotated');
    assert.throws(() => FieldCipher.open(sealed.replace('beef0001', 'cafe0002'), here), /unknown key id cafe0002/);
  });

  for (const [label, cut] of [
    ['a 4-byte prefix of the real tag', 4],
    ['a 12-byte prefix of the real tag', 12],
  ] as const) {
    it(`refuses ${label}`, () => {
      const [version, id, iv, tag, body] = FieldCipher.seal('donor@example.org', here).split(':');
      const short = Buffer.from(tag, 'base64').subarray(0, cut).toString('base64');
      assert.throws(
        () => FieldCipher.open([version, id, iv, short, body].join(':'), here),
        (error: unknown) => error instanceof SealedValueRefused && /malformed \(IV or tag length\)$/.test(error.message),
      );
    });
  }

  it('refuses an IV of the wrong length', () => {
    const [version, id, iv, tag, body] = FieldCipher.seal('donor@example.org', here).split(':');
    const longer = Buffer.concat([Buffer.from(iv, 'base64'), Buffer.alloc(4)]).toString('base64');
    assert.throws(() => FieldCipher.open([version, id, longer, tag, body].join(':'), here), /IV or tag length/);
  });

  it('refuses a changed ciphertext', () => {
    const [version, id, iv, tag, body] = FieldCipher.seal('donor@example.org', here).split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    assert.throws(() => FieldCipher.open([version, id, iv, tag, flipped.toString('base64')].join(':'), here), SealedValueRefused);
  });

  it('refuses a v2 value relabelled v1 (stripping the binding does not help)', () => {
    const sealed = FieldCipher.seal('donor@example.org', here);
    assert.throws(() => FieldCipher.open(sealed.replace(/^v2/, 'v1'), here), /does not belong/);
  });

  it('refuses what is not a sealed value', () => {
    for (const junk of ['', 'plain text', 'v3:abcd1234:a:b:c']) assert.throws(() => FieldCipher.open(junk, here), /not a sealed value/);
  });

  it('needs the whole place to seal or open', () => {
    assert.throws(() => FieldCipher.seal('x', { ...here, row: '' }), /table, column and row/);
    assert.throws(() => FieldCipher.seal('x', { ...here, column: '' }), /table, column and row/);
    assert.throws(() => FieldCipher.seal('x', { ...here, table: '' }), /table, column and row/);
  });

  it('seals field values as JSON and keeps absent text null', () => {
    assert.deepEqual(openField(sealField([{ pulse: 77 }], here), here), [{ pulse: 77 }]);
    assert.equal(openText(sealText('Мария', here), here), 'Мария');
    assert.equal(FieldCipher.open(sealText('Мария', here)!, here), '"Мария"');
    for (const absent of [null, undefined, '']) assert.equal(sealText(absent, here), null);
    assert.equal(openText(null, here), null);
    assert.equal(openText(undefined, here), null);
  });
});
