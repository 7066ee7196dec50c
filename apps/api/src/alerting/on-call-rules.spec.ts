import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockToMinutes, inQuietHours, localClock, minutesToClock, nextOnDutyAfter, onDutyAt, recipientsOfStep, type Rota } from './on-call-rules';

// 2026-11-30 is a Monday; Moscow is UTC+3 all year.
const msk = (iso: string) => new Date(`${iso}+03:00`);
const rota = (overrides: Rota['overrides'] = []): Rota => ({
  timeZone: 'Europe/Moscow',
  shifts: [
    { userId: 'anna', weekday: 1, startMinute: 9 * 60, endMinute: 21 * 60 },
    { userId: 'boris', weekday: 1, startMinute: 21 * 60, endMinute: 1440 },
    { userId: 'boris', weekday: 2, startMinute: 0, endMinute: 9 * 60 },
    { userId: 'vera', weekday: 2, startMinute: 9 * 60, endMinute: 21 * 60 },
  ],
  overrides,
});

describe('on-call rota', () => {
  it('reads the local weekday and minute in the policy time zone', () => {
    assert.deepEqual(localClock(new Date('2026-11-30T22:30:00Z'), 'Europe/Moscow'), { weekday: 2, minute: 90 });
    assert.deepEqual(localClock(new Date('2026-11-30T22:30:00Z'), 'UTC'), { weekday: 1, minute: 22 * 60 + 30 });
  });

  const table: Array<[string, string | null, string | null]> = [
    ['2026-11-30T10:00:00', 'anna', 'boris'],
    ['2026-11-30T21:00:00', 'boris', 'vera'],
    ['2026-12-01T03:00:00', 'boris', 'vera'],
    ['2026-12-01T12:00:00', 'vera', 'anna'],
    ['2026-12-01T22:00:00', null, 'anna'],
  ];
  for (const [at, onDuty, next] of table) {
    it(`at ${at} МСК puts ${onDuty ?? 'nobody'} on duty and ${next ?? 'nobody'} next`, () => {
      assert.equal(onDutyAt(rota(), msk(at)), onDuty);
      assert.equal(nextOnDutyAfter(rota(), msk(at)), next);
    });
  }

  it('lets an override in force replace the rota; the rota person becomes the next one', () => {
    const cover = [{ userId: 'gleb', startsAt: msk('2026-11-30T08:00:00'), endsAt: msk('2026-11-30T18:00:00') }];
    assert.equal(onDutyAt(rota(cover), msk('2026-11-30T10:00:00')), 'gleb');
    assert.equal(nextOnDutyAfter(rota(cover), msk('2026-11-30T10:00:00')), 'anna');
    assert.equal(onDutyAt(rota(cover), msk('2026-11-30T18:00:00')), 'anna', 'the override has ended');
  });

  it('has no next person when one person holds the whole rota', () => {
    const alone: Rota = { timeZone: 'UTC', shifts: [{ userId: 'anna', weekday: 1, startMinute: 0, endMinute: 1440 }], overrides: [] };
    assert.equal(nextOnDutyAfter(alone, new Date('2026-11-30T12:00:00Z')), null);
  });

  it('converts clocks, with 00:00 as an end meaning midnight', () => {
    assert.equal(clockToMinutes('09:30'), 570);
    assert.equal(clockToMinutes('00:00', true), 1440);
    assert.equal(minutesToClock(1440), '00:00');
    assert.equal(minutesToClock(570), '09:30');
  });
});

describe('quiet hours', () => {
  it('hold across midnight and end at their end minute', () => {
    const night = { start: 23 * 60, end: 7 * 60 };
    assert.equal(inQuietHours(night, msk('2026-11-30T23:30:00'), 'Europe/Moscow'), true);
    assert.equal(inQuietHours(night, msk('2026-12-01T06:59:00'), 'Europe/Moscow'), true);
    assert.equal(inQuietHours(night, msk('2026-12-01T07:00:00'), 'Europe/Moscow'), false);
    assert.equal(inQuietHours({ start: 13 * 60, end: 14 * 60 }, msk('2026-12-01T13:10:00'), 'Europe/Moscow'), true);
    assert.equal(inQuietHours(null, msk('2026-12-01T13:10:00'), 'Europe/Moscow'), false);
  });
});

describe('escalation steps', () => {
  const people = { onDuty: 'anna', next: 'boris', medicalStaff: ['anna', 'boris'], everyone: ['anna', 'boris', 'admin'] };
  it('calls the person on duty, then the next person, then everyone', () => {
    assert.deepEqual(recipientsOfStep(0, people), ['anna']);
    assert.deepEqual(recipientsOfStep(1, people), ['boris']);
    assert.deepEqual(recipientsOfStep(2, people), ['anna', 'boris', 'admin']);
  });
  it('calls the medical staff (or everyone, without staff) when nobody is on duty, and skips a missing next person', () => {
    assert.deepEqual(recipientsOfStep(0, { ...people, onDuty: null }), ['anna', 'boris']);
    assert.deepEqual(recipientsOfStep(0, { ...people, onDuty: null, medicalStaff: [] }), ['anna', 'boris', 'admin']);
    assert.deepEqual(recipientsOfStep(1, { ...people, next: null }), []);
  });
});
