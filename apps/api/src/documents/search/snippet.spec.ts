import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSnippet } from './snippet';

const only = (words: string[], substrings: string[] = []) => ({ words, substrings });

describe('search snippet', () => {
  it('marks every declined form of a Russian word, as PostgreSQL stems it', () => {
    const text = 'Защита подала апелляционную жалобу. Суд рассмотрел апелляционные доводы и жалобы защиты.';
    assert.equal(
      buildSnippet(text, only(['апелляционная', 'жалоба'])),
      'Защита подала ««апелляционную»» ««жалобу»». Суд рассмотрел ««апелляционные»» доводы и ««жалобы»» защиты',
    );
  });

  it('marks English words by their stem and names and case numbers as substrings', () => {
    assert.match(buildSnippet('The hearings were adjourned.', only(['hearing']))!, /««hearings»»/);
    const text = 'Дело № 3/2-2026-0508 рассматривает судья Иванова; представитель Ивановой не явился.';
    assert.equal(
      buildSnippet(text, only(['Иванов'], ['Иванов'])),
      'Дело № 3/2-2026-0508 рассматривает судья ««Иванова»»; представитель ««Ивановой»» не явился',
    );
    assert.match(buildSnippet(text, only(['2026-0508'], ['2026-0508']))!, /««3\/2-2026-0508»»/);
  });

  it('cuts long texts into at most two fragments around the first hits', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `слово${i}`).join(' ');
    const text = `${filler(100)} свидетель ${filler(100)} свидетеля ${filler(100)} свидетелю ${filler(10)}`;
    const snippet = buildSnippet(text, only(['свидетель']))!;
    const fragments = snippet.split(' … ');
    assert.equal(fragments.length, 2);
    assert.match(fragments[0], /^слово92 .* ««свидетель»» .* слово20$/);
    assert.match(fragments[1], /««свидетеля»»/);
    assert.doesNotMatch(snippet, /свидетелю/);
  });

  it('shows the opening words when only the title matched, and nothing for an empty text', () => {
    const text = 'Первое второе третье четвёртое пятое шестое седьмое восьмое девятое десятое ' + 'и далее '.repeat(40);
    assert.equal(buildSnippet(text, only(['ходатайство']))!.split(' ').length, 20);
    assert.equal(buildSnippet('  \n ', only(['ходатайство'])), null);
  });

  it('never passes the highlight markers of the document itself through', () => {
    assert.equal(buildSnippet('текст ««поддельный»» жалоба', only(['жалоба'])), 'текст «поддельный» ««жалоба»»');
  });
});
