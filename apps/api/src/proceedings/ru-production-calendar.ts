/**
 * The official Russian production calendar, kept as data: the weekdays that are not working days (public
 * holidays of Labour Code art. 112 and the days off transferred by the Government's yearly decree) and the
 * weekend days that are working days, per year. Every other Saturday and Sunday is a day off.
 *
 * Which decree each year follows:
 * - 2025: постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»:
 *   4 Jan (Sat) → 2 May, 5 Jan (Sun) → 31 Dec, 23 Feb (Sun) → 8 May, 8 Mar (Sat) → 13 Jun, 1 Nov (Sat) → 3 Nov;
 *   247 working days.
 * - 2026: the Government's decree on transferring days off in 2026 (adopted in the autumn of 2025):
 *   3 Jan (Sat) → 9 Jan, 4 Jan (Sun) → 31 Dec; 8 Mar (Sun) and 9 May (Sat) move to Monday 9 Mar and 11 May by
 *   art. 112 itself; 247 working days.
 * Both years were written down from memory, not copied from the published text: RE-CHECK EACH YEAR AGAINST THE
 * OFFICIAL TEXT (publication.pravo.gov.ru, or the Ministry of Labour's production calendar) before relying on a
 * computed term, and record the decree's date and number here. Add each year when the Government publishes it
 * (usually in the autumn before): the calendar spec fails when the current year is missing and warns (without
 * failing) when the next one is.
 */
export interface ProductionCalendar {
  year: number;
  /** Where the year's calendar comes from. */
  source: string;
  /** Weekdays that are not working days (YYYY-MM-DD). */
  nonWorking: string[];
  /** Saturdays and Sundays that are working days (YYYY-MM-DD). */
  working: string[];
}

export const productionCalendars: ProductionCalendar[] = [
  {
    year: 2025,
    source: 'производственный календарь на 2025 год (постановление Правительства РФ от 04.10.2024 № 1335)',
    nonWorking: [
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-05-01',
      '2025-05-02',
      '2025-05-08',
      '2025-05-09',
      '2025-06-12',
      '2025-06-13',
      '2025-11-03',
      '2025-11-04',
      '2025-12-31',
    ],
    working: ['2025-11-01'],
  },
  {
    year: 2026,
    source: 'производственный календарь на 2026 год (постановление Правительства РФ о переносе выходных дней в 2026 году)',
    nonWorking: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ],
    working: [],
  },
];

export function calendarFor(year: number): ProductionCalendar | undefined {
  return productionCalendars.find((calendar) => calendar.year === year);
}
