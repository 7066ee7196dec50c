import type { TemplateLanguage } from '@habeas/contracts';

const RU_MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The calendar day and wall-clock time of `date` in `timeZone`. */
export function wallClock(date: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** A date the way a filing writes it: «8» мая 2026 г. in Russian, 8 May 2026 in English; the day is the one in `timeZone`. */
export function legalDate(date: Date, language: TemplateLanguage, timeZone: string): string {
  const { year, month, day } = wallClock(date, timeZone);
  return language === 'ru' ? `«${day}» ${RU_MONTHS_GENITIVE[month - 1]} ${year} г.` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A date inside running text: 8 мая 2026 г. / 8 May 2026. */
export function textDate(date: Date, language: TemplateLanguage, timeZone: string): string {
  const { year, month, day } = wallClock(date, timeZone);
  return language === 'ru' ? `${day} ${RU_MONTHS_GENITIVE[month - 1]} ${year} г.` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** "21:30" in `timeZone`. */
export function clockTime(date: Date, timeZone: string): string {
  const { hour, minute } = wallClock(date, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
