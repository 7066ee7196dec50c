/**
 * The official Russian production calendar, kept as data: the weekdays that are not working days (public
 * holidays and the days off they were transferred to) and the weekend days that are working days, per year.
 * Every other Saturday and Sunday is a day off. Add each year when the Government publishes it (usually in
 * the autumn before); the calendar spec fails when the current year is missing.
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
