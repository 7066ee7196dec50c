import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planSearch } from './search-plan';

describe('search plan', () => {
  it('looks court case numbers up whole or by a part, in lower case, and never as a substring', () => {
    for (const q of ['3/2-2026-0508', '"3/2-2026-0508"', '2026-0508', 'А40-12345/2026', '0508']) {
      assert.deepEqual(planSearch(q).numbers, [q.replace(/"/g, '').toLowerCase()], q);
      assert.deepEqual(planSearch(q).patterns, [], q);
    }
  });

  it('adds a substring match for capitalised names, each word on its own', () => {
    assert.deepEqual(planSearch('Иванов').patterns, ['%иванов%']);
    assert.deepEqual(planSearch('Воронцов Андрей').patterns, ['%воронцов%', '%андрей%']);
    assert.deepEqual(planSearch('Санкт-Петербург').patterns, ['%санкт-петербург%']);
    assert.deepEqual(planSearch('Иванов 3/2-2026-0508').patterns, ['%иванов%', '%3/2-2026-0508%']);
    assert.deepEqual(planSearch('Иванов').numbers, []);
  });

  it('keeps common words, sentences and operators on full text only', () => {
    for (const q of ['апелляция', 'апелляционная жалоба', 'Иванов -Петров', 'Иванов or Петров', '"Иванов Петров"', 'Ив', 'A B C D E']) {
      assert.deepEqual(planSearch(q).patterns, [], q);
      assert.deepEqual(planSearch(q).numbers, [], q);
    }
  });

  it('never lets a LIKE wildcard typed by the user into a pattern', () => {
    for (const q of ['50%_Дело', 'А4_0-1', '12%34', 'Иван\\ов']) assert.deepEqual([...planSearch(q).patterns, ...planSearch(q).numbers], [], q);
  });

  it('marks the searched words, without operators and excluded words', () => {
    assert.deepEqual(planSearch('"апелляционная жалоба" -ходатайство or суд').words, ['апелляционная', 'жалоба', 'суд']);
    assert.equal(planSearch('  жалоба  ').text, 'жалоба');
  });
});
