import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filingBlocks, inlineRuns } from './filing-layout';

describe('filing layout', () => {
  it('reads the addressee block, title, paragraphs, items and signature lines of a draft', () => {
    const blocks = filingBlocks(
      [
        '> В Тверской районный суд г. Москвы',
        '> от адвоката Беловой А. С.',
        '',
        '# ХОДАТАЙСТВО',
        '## об изменении меры пресечения',
        '',
        'Я являюсь защитником.',
        '',
        'ПРОШУ:',
        '1. Изменить меру пресечения.',
        '---',
        'Приложение: ордер | ',
        '«8» мая 2026 г. | ____________ Белова А. С.',
      ].join('\n'),
    );
    assert.deepEqual(blocks, [
      { kind: 'addressee', lines: ['В Тверской районный суд г. Москвы', 'от адвоката Беловой А. С.'] },
      { kind: 'title', text: 'ХОДАТАЙСТВО' },
      { kind: 'subtitle', text: 'об изменении меры пресечения' },
      { kind: 'paragraph', text: 'Я являюсь защитником.' },
      { kind: 'paragraph', text: 'ПРОШУ:' },
      { kind: 'item', marker: '1.', text: 'Изменить меру пресечения.' },
      {
        kind: 'signature',
        rows: [
          { left: 'Приложение: ордер', right: '' },
          { left: '«8» мая 2026 г.', right: '____________ Белова А. С.' },
        ],
      },
    ]);
  });

  it('splits bold runs', () => {
    assert.deepEqual(inlineRuns('**Что произошло:** скорая'), [
      { text: 'Что произошло:', bold: true },
      { text: ' скорая', bold: false },
    ]);
  });
});
