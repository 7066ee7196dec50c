import type { TermRule } from '@habeas/contracts';
import { calendarFor } from './ru-production-calendar';

const DAY = 86_400_000;

/** The calendar day of `date` in `timeZone`, as YYYY-MM-DD. */
function dayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Is this day a working day by the production calendar of its year (weekends only when the year is missing)? */
export function isWorkingDay(day: string): boolean {
  const calendar = calendarFor(Number(day.slice(0, 4)));
  if (calendar?.working.includes(day)) return true;
  if (calendar?.nonWorking.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The instant a day ends in a zone: 23:59 local time on `day`. */
export function endOfDay(day: string, timeZone: string): Date {
  const guess = Date.parse(`${day}T23:59:00Z`);
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(guess)
    .split(':')
    .map(Number);
  const shown = Date.parse(`${dayIn(new Date(guess), timeZone)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  return new Date(guess - (shown - guess));
}

/**
 * A procedural term in days (CPC art. 128): counted from the day after the event, in the court's zone; when
 * its last day is not a working day it ends on the next working day (part 2), by the official calendar.
 * Pure. Says which rule and calendar produced the date.
 */
export function proceduralTermEnd(from: Date, days: number, timeZone: string): { dueAt: Date; rule: TermRule } {
  const nominal = addDays(dayIn(from, timeZone), days);
  let last = nominal;
  while (!isWorkingDay(last)) last = addDays(last, 1);
  const years = [...new Set([nominal.slice(0, 4), last.slice(0, 4)])].map(Number);
  const calendars = years.map((year) => calendarFor(year));
  const missingYears = years.filter((year) => !calendarFor(year));
  return {
    dueAt: endOfDay(last, timeZone),
    rule: {
      rule: 'cpc_128_2',
      days,
      from: dayIn(from, timeZone),
      lastDay: last,
      movedFrom: last === nominal ? null : nominal,
      calendar: calendars.every(Boolean) ? calendars.map((calendar) => calendar!.source).join('; ') : null,
      calendarYears: years.filter((year) => calendarFor(year)),
      missingYears,
      timeZone,
    },
  };
}
