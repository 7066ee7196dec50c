import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planSearch } from './search-plan';

describe('search plan', () => {
  it('adds a substring match for court case numbers, whole or in part', () => {
    for (const q of ['3/2-2026-0508', '"3/2-2026-0508"', '2026-0508', 'А40-12345/2026', '0508']) {
      assert.deepEqual(planSearch(q).patterns, [`%${q.replace(/"/g, '')}%`], q);
    }
  });

  it('adds a substring match for capitalised names, each word on its own', () => {
    assert.deepEqual(planSearch('Иванов').patterns, ['%Иванов%']);
    assert.deepEqual(planSearch('Воронцов Андрей').patterns, ['%Воронцов%', '%Андрей%']);
    assert.deepEqual(planSearch('Санкт-Петербург').patterns, ['%Санкт-Петербург%']);
  });

  it('keeps common words, sentences and operators on full text only', () => {
    for (const q of ['апелляция', 'апелляционная жалоба', 'Иванов -Петров', 'Иванов or Петров', '"Иванов Петров"', 'Ив', 'A B C D E']) {
      assert.deepEqual(planSearch(q).patterns, [], q);
    }
  });

  it('never lets a LIKE wildcard typed by the user into a pattern', () => {
    for (const q of ['50%_Дело', 'А4_0-1', '12%34', 'Иван\\ов']) assert.deepEqual(planSearch(q).patterns, [], q);
  });

  it('marks the searched words, without operators and excluded words', () => {
    assert.deepEqual(planSearch('"апелляционная жалоба" -ходатайство or суд').words, ['апелляционная', 'жалоба', 'суд']);
    assert.equal(planSearch('  жалоба  ').text, 'жалоба');
  });
});
