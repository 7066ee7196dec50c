import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TERMS_CHARS, searchTermsOf } from './search-terms';

describe('search terms of a text', () => {
  it('keeps case numbers, dates and names once each, and drops ordinary words and bare numbers', () => {
    const text =
      'Постановление по делу № 3/2-2026-0508 от 12.03.2026. Суд рассмотрел жалобу Воронцова А.В. и Воронцова, 2026 год, 15 страниц; дело А40-12345/2026.';
    assert.equal(searchTermsOf(text), 'Постановление 3/2-2026-0508 12.03.2026 Суд Воронцова А40-12345/2026');
  });

  it('stops before the cap', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `Имя${String.fromCharCode(0x430 + (i % 32))}${i.toString(36)}`).join(' ');
    const terms = searchTermsOf(text);
    assert.ok(terms.length <= MAX_TERMS_CHARS && terms.length > MAX_TERMS_CHARS - 20, String(terms.length));
  });
});
