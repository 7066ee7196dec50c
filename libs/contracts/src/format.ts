/** One way to write dates, times, numbers and money per language, for every screen and mail: no seconds, no ISO strings. */
import { currencyExponent, isIsoCurrency, minorToDecimal } from './currencies';

const locale = (lang: string) => (lang.startsWith('ru') ? 'ru-RU' : 'en-GB');
const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** "8 мая 2026 г." / "8 May 2026". */
export function formatDate(value: Date | string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone }).format(toDate(value));
}

/** "8 мая 2026 г., 15:00" / "8 May 2026, 15:00": no seconds. */
export function formatDateTime(value: Date | string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(toDate(value));
}

/** "15:00". */
export function formatTime(value: Date | string, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short', timeZone }).format(toDate(value));
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/** Decimals by the one ISO 4217 table (Intl's own idea of them differs for a few currencies). */
const currencyDigits = (currency: string) => (isIsoCurrency(currency) ? currencyExponent(currency) : 2);

/**
 * "25,00 US$" / "US$25.00": the currency's own number of decimals, an unambiguous symbol for the dollar,
 * and never "-€0.00".
 */
export function formatMoney(amountMinor: number, currency: string, lang: string): string {
  try {
    const value = amountMinor / 10 ** currencyDigits(currency);
    const digits = currencyDigits(currency);
    const text = new Intl.NumberFormat(locale(lang), { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value === 0 ? 0 : value,
    );
    return currency === 'USD' ? text.replace(/(^|[^A-Z])\$/, '$1US$') : text;
  } catch {
    return isIsoCurrency(currency) ? `${minorToDecimal(amountMinor, currency)} ${currency}` : `${amountMinor} ${currency}`;
  }
}

/** Russian zones as Russian courts name them: hours from Moscow time. */
const MOSCOW_OFFSETS: Record<string, number> = {
  'Europe/Kaliningrad': -1,
  'Europe/Moscow': 0,
  'Europe/Samara': 1,
  'Asia/Yekaterinburg': 2,
  'Asia/Omsk': 3,
  'Asia/Novosibirsk': 4,
  'Asia/Krasnoyarsk': 4,
  'Asia/Irkutsk': 5,
  'Asia/Yakutsk': 6,
  'Asia/Vladivostok': 7,
  'Asia/Magadan': 8,
  'Asia/Kamchatka': 9,
};

/** "МСК" for Moscow time (as Russian courts write it), otherwise the zone's short name ("GMT+2"). */
export function zoneLabel(timeZone: string, lang: string, at: Date | string = new Date()): string {
  const offset = MOSCOW_OFFSETS[timeZone];
  if (offset !== undefined) return `${lang.startsWith('ru') ? 'МСК' : 'MSK'}${offset === 0 ? '' : offset > 0 ? `+${offset}` : `−${-offset}`}`;
  const part = new Intl.DateTimeFormat(locale(lang), { timeZone, timeZoneName: 'short' }).formatToParts(toDate(at)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The viewer's own zone (the browser's). */
export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Do two zones show a different wall-clock time at this moment? */
export function zonesDiffer(a: string, b: string, at: Date | string): boolean {
  const wall = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(toDate(at));
  return wall(a) !== wall(b);
}

/**
 * A court's moment as the court states it and, when the viewer's clock differs, as the viewer lives it:
 * { court: "12 декабря 2026 г., 10:00 МСК", viewer: "08:00 (GMT+1)" }.
 */
export function formatCourtTime(value: Date | string, timeZone: string, lang: string, viewer = viewerZone()): { court: string; viewer: string | null } {
  const court = `${formatDateTime(value, lang, timeZone)} ${zoneLabel(timeZone, lang, value)}`;
  if (!zonesDiffer(timeZone, viewer, value)) return { court, viewer: null };
  const sameDay = formatDate(value, lang, timeZone) === formatDate(value, lang, viewer);
  const text = sameDay ? formatTime(value, lang, viewer) : formatDateTime(value, lang, viewer);
  return { court, viewer: `${text} ${zoneLabel(viewer, lang, value)}` };
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.floor((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

/** A wall-clock time typed for a zone ("2026-12-12T10:00" in Moscow) → the instant, as an ISO string. */
export function zonedLocalToIso(local: string, timeZone: string): string {
  if (!local) return '';
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(asUtc)) return '';
  const wall = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
    const get = (type: string) => parts.find((part) => part.type === type)?.value;
    return Date.parse(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
  };
  let instant = asUtc - (wall(asUtc) - asUtc);
  instant -= wall(instant) - asUtc;
  return new Date(instant).toISOString();
}
