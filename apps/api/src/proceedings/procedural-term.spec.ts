import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfDay, isWorkingDay, proceduralTermEnd } from './procedural-term';
import { calendarFor, productionCalendars } from './ru-production-calendar';

describe('procedural terms (CPC art. 128)', () => {
  it('has the official calendar of the current year, and warns when the next one is missing', (t) => {
    const year = new Date().getUTCFullYear();
    assert.ok(calendarFor(year), `add the production calendar of ${year} to ru-production-calendar.ts`);
    // The next year's decree comes out in the autumn; until it is entered, terms running into January are counted
    // from weekends alone. Not a failure (the decree may not exist yet), but said on every run.
    if (!calendarFor(year + 1)) t.diagnostic(`WARNING: no production calendar for ${year + 1} yet in ru-production-calendar.ts`);
  });

  it('says which years it had no calendar for, and counts weekends alone there', () => {
    // The first year after the last one kept: a term from mid-December runs into it.
    const missing = Math.max(...productionCalendars.map((calendar) => calendar.year)) + 1;
    const term = proceduralTermEnd(new Date(Date.UTC(missing - 1, 11, 20, 9)), 15, 'Europe/Moscow');
    assert.equal(term.rule.lastDay.slice(0, 4), String(missing));
    assert.equal(term.rule.calendar, null, 'no calendar named when one of its years is missing');
    assert.deepEqual(term.rule.missingYears, [missing]);
    assert.deepEqual(term.rule.calendarYears, [], 'the year of its last day is the one that counts');
    assert.ok(isWorkingDay(term.rule.lastDay));
    const inside = proceduralTermEnd(new Date('2026-04-28T09:00:00Z'), 3, 'Europe/Moscow');
    assert.deepEqual([inside.rule.calendarYears, inside.rule.missingYears], [[2026], []]);
  });

  it('keeps each year consistent with its published totals', () => {
    // Working days per year as the published production calendars state them (40-hour week).
    const published: Record<number, number> = { 2025: 247, 2026: 247 };
    for (const calendar of productionCalendars) {
      let working = 0;
      for (let day = new Date(Date.UTC(calendar.year, 0, 1)); day.getUTCFullYear() === calendar.year; day.setUTCDate(day.getUTCDate() + 1)) {
        if (isWorkingDay(day.toISOString().slice(0, 10))) working++;
      }
      assert.equal(working, published[calendar.year], `${calendar.year}: working days`);
      for (const date of calendar.nonWorking) assert.ok(![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), `${date} is a weekday`);
      for (const date of calendar.working) assert.ok([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), `${date} is a weekend day`);
    }
  });

  it('moves a term ending on the May holidays to the next working day', () => {
    // Custody decision on Tuesday 28 April 2026: 3 days end on Friday 1 May, a holiday; 2–3 May are the weekend.
    const term = proceduralTermEnd(new Date('2026-04-28T09:00:00Z'), 3, 'Europe/Moscow');
    assert.equal(term.rule.lastDay, '2026-05-04');
    assert.equal(term.rule.movedFrom, '2026-05-01');
    assert.equal(term.dueAt.toISOString(), '2026-05-04T20:59:00.000Z');
    assert.match(term.rule.calendar!, /2026/);
    // Decision on Wednesday 6 May 2026: ends on Saturday 9 May (Victory Day), moved past Monday 11 May (its day off).
    assert.equal(proceduralTermEnd(new Date('2026-05-06T09:00:00Z'), 3, 'Europe/Moscow').rule.lastDay, '2026-05-12');
    // 2025: ends on Thursday 8 May, a transferred day off, then 9–11 May: Monday 12 May.
    assert.equal(proceduralTermEnd(new Date('2025-05-05T09:00:00Z'), 3, 'Europe/Moscow').rule.lastDay, '2025-05-12');
  });

  it('keeps a term that ends on a working day and counts days in the court’s zone', () => {
    // 22:30 UTC on 10 June is already 11 June in Moscow; 3 days end on Sunday 14 June, moved to Monday 15 June.
    const term = proceduralTermEnd(new Date('2026-06-10T22:30:00Z'), 3, 'Europe/Moscow');
    assert.equal(term.rule.from, '2026-06-11');
    assert.equal(term.rule.lastDay, '2026-06-15');
    assert.equal(proceduralTermEnd(new Date('2026-11-09T09:00:00Z'), 15, 'Europe/Moscow').rule.movedFrom, null);
  });

  it('knows transferred working Saturdays and the end of a day in a zone', () => {
    assert.equal(isWorkingDay('2025-11-01'), true);
    assert.equal(isWorkingDay('2025-11-03'), false);
    assert.equal(endOfDay('2026-12-20', 'Asia/Vladivostok').toISOString(), '2026-12-20T13:59:00.000Z');
  });
});
