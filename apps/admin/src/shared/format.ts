import { formatCourtTime, formatDate, formatDateTime, formatMoney, formatNumber, formatTime } from '@habeas/contracts';
import { useTranslation } from 'react-i18next';

export { daysBetween, formatCourtTime, formatDate, formatDateTime, formatMoney, formatNumber, formatTime, zoneLabel } from '@habeas/contracts';

/** The helpers bound to the current language, for components. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    date: (value: Date | string, timeZone?: string) => formatDate(value, lang, timeZone),
    /** A calendar day ("2026-12-20", no time): «20 декабря 2026 г.» wherever the reader is. */
    day: (isoDay: string) => formatDate(isoDay, lang, 'UTC'),
    dateTime: (value: Date | string, timeZone?: string) => formatDateTime(value, lang, timeZone),
    time: (value: Date | string, timeZone?: string) => formatTime(value, lang, timeZone),
    number: (value: number) => formatNumber(value, lang),
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, lang),
    courtTime: (value: Date | string, timeZone: string) => formatCourtTime(value, timeZone, lang),
    size: (bytes: number) => formatSize(bytes, lang),
  };
}

/** A file's size in the reader's language: «12,3 КБ», "12.3 kB". */
export function formatSize(bytes: number, lang: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value as number);
}

/** `<input type="datetime-local">` value → ISO instant. */
export const localToIso = (value: string) => (value ? new Date(value).toISOString() : '');
