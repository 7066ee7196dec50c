import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wrapToWidth } from './demo-pdf';

/** A face where "W" is three times as wide as any other letter, as in a proportional font. */
const face = { widthOfTextAtSize: (text: string, size: number) => [...text].reduce((sum, ch) => sum + (ch === 'W' ? 3 : 1) * size * 0.5, 0) };

describe('wrapToWidth', () => {
  it('breaks by measured width, so wide letters make shorter lines', () => {
    const narrow = wrapToWidth('aaaa aaaa aaaa aaaa', face, 10, 50);
    const wide = wrapToWidth('WWWW WWWW WWWW WWWW', face, 10, 50);
    assert.deepEqual(narrow, ['aaaa aaaa', 'aaaa aaaa']);
    assert.ok(wide.length > narrow.length, 'wide letters should need more lines');
    for (const line of [...narrow, ...wide]) assert.ok(face.widthOfTextAtSize(line, 10) <= 50, `"${line}" runs past the margin`);
  });

  it('cuts a word longer than the line instead of letting it run off the page', () => {
    const lines = wrapToWidth('Ходатайство-об-изменении-меры-пресечения', face, 10, 60);
    assert.ok(lines.length > 1);
    assert.equal(lines.join(''), 'Ходатайство-об-изменении-меры-пресечения');
    for (const line of lines) assert.ok(face.widthOfTextAtSize(line, 10) <= 60);
  });
});
