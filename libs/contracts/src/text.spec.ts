import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findUnsafeText, singleLine } from './text';

describe('the string rule', () => {
  const cases: Array<[string, unknown, string | null]> = [
    ['plain text', { title: 'Жалоба на отказ в свидании' }, null],
    ['tabs and newlines in long text', { body: 'line one\n\tline two\r\n' }, null],
    ['a NUL byte in the body', { notes: 'a\u0000b' }, 'notes'],
    ['a NUL byte deep in an array', { vitals: [{ note: 'ok' }, { note: 'x\u0007' }] }, 'vitals.1.note'],
    ['a control character in a key', { ['ke\u0001y']: 'v' }, '(key)'],
    ['DEL', 'abc\u007f', '(value)'],
  ];
  for (const [name, value, expected] of cases) {
    it(`finds ${expected ?? 'nothing'} in ${name}`, () => assert.equal(findUnsafeText(value), expected));
  }

  it('removes invisible bidi controls from names and titles and refuses line breaks in them', () => {
    const title = singleLine().min(1).max(20);
    assert.equal(title.parse(' Anna\u202Egnp.exe\u202C '), 'Annagnp.exe');
    assert.equal(title.parse('\u2066Иван\u2069'), 'Иван');
    assert.equal(title.safeParse('two\nlines').success, false);
    assert.equal(title.safeParse('tab\there').success, false);
    assert.equal(title.safeParse('\u202E').success, false, 'nothing left once the controls are gone');
  });
});
