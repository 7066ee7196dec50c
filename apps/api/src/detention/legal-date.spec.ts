import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockTime, legalDate, textDate } from './legal-date';

describe('legal dates', () => {
  it('writes a filing date the Russian legal way, in the court’s day', () => {
    assert.equal(legalDate(new Date('2026-05-08T09:00:00Z'), 'ru', 'Europe/Moscow'), '«8» мая 2026 г.');
    // 22:30 UTC on 7 May is already 8 May in Moscow.
    assert.equal(legalDate(new Date('2026-05-07T22:30:00Z'), 'ru', 'Europe/Moscow'), '«8» мая 2026 г.');
    assert.equal(legalDate(new Date('2026-05-07T22:30:00Z'), 'en', 'Europe/London'), '7 May 2026');
  });

  it('writes dates in running text and times in the court’s zone', () => {
    assert.equal(textDate(new Date('2026-12-31T12:00:00Z'), 'ru', 'Europe/Moscow'), '31 декабря 2026 г.');
    assert.equal(clockTime(new Date('2026-05-08T18:30:00Z'), 'Europe/Moscow'), '21:30');
  });
});
