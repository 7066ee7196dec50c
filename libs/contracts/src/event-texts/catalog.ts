import type { LegalStep, ContactKind, ContactStatus } from '../detention';
import type { ExpenseCategory } from '../expenses';
import type { AlertKind, AlertStatus, IncidentType, Severity } from '../medical';
import type { CustodyEventKind, HearingKind } from '../proceedings';
import { formatDate, formatDateTime, formatMoney, formatTime, zoneLabel } from '../format';

/** One text with optional parts: `main` always, each other part when its parameter of the same name has a value. */
export type EventEntry = Record<string, string>;

/**
 * What the server records for people, as structure: an event key ("hearing", "money.goal") and its parameters,
 * told in the reader's language by the admin (i18next) and by the server (mail, titles) from this one catalog.
 * Enum values are told through `$t(events.enum.…)` nesting, dates and money through the formatters below.
 */
export interface EventCatalog {
  enum: {
    hearingKind: Record<HearingKind, string>;
    custodyKind: Record<CustodyEventKind, string>;
    incidentType: Record<IncidentType, string>;
    severity: Record<Severity, string>;
    alertStatus: Record<AlertStatus, string>;
    contactKind: Record<ContactKind, string>;
    contactStatus: Record<ContactStatus, string>;
    legalStep: Record<LegalStep, string>;
    expenseCategory: Record<ExpenseCategory, string>;
  };
  hearing: EventEntry;
  deadline: EventEntry;
  custody: EventEntry;
  filing: EventEntry;
  medical_incident: EventEntry;
  medical_alert: EventEntry;
  money: Record<'firstDonation' | 'goal' | 'expense', EventEntry>;
  contact: EventEntry;
  legal_action: Record<'proposed' | 'filed' | 'decided', EventEntry>;
  alertReason: Record<AlertKind, EventEntry>;
  mail: { signature: string } & Record<'deadlineReminder' | 'hearingReminder' | 'alertOpened' | 'alertEscalated', EventEntry>;
  /** The iCal feed: its name and each event's summary and description, in the subscriber's language. */
  calendar: { name: string } & Record<'hearing' | 'deadline', EventEntry>;
}

export type EventParams = Record<string, unknown>;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The entry of an event such as "money.goal" in a catalog, or undefined for an unknown event. */
export function eventEntry(catalog: EventCatalog, event: string): EventEntry | undefined {
  let node: unknown = catalog;
  for (const part of event.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' && node !== null && Object.keys(node).some((key) => key.startsWith('main')) ? (node as EventEntry) : undefined;
}

const present = (value: unknown) => value !== null && value !== undefined && value !== false && value !== '';

/**
 * An event in the language of `t` (whose resources hold the catalog under `events.`): `main`, then each optional
 * part whose parameter is present, in the catalog's order. `shape` is any full catalog (it only gives that order).
 */
export function renderEvent(t: Translate, shape: EventCatalog, event: string, params: EventParams): string {
  const entry = eventEntry(shape, event);
  if (!entry) return event;
  let text = t(`events.${event}.main`, params);
  for (const part of Object.keys(entry)) {
    if (!part.startsWith('main') && present(params[part])) text += t(`events.${event}.${part}`, params);
  }
  return text;
}

interface Formatters {
  services: { formatter?: { add(name: string, format: (value: unknown, lng: string | undefined) => string): void } };
}

interface CourtMoment {
  at: string;
  timeZone: string;
}

/**
 * `{{x, date}}` a calendar date ("2026-12-20" → «20 декабря 2026 г.»), `{{x, courtTime}}` / `{{x, courtClock}}` a moment
 * `{at, timeZone}` as the court states it («20 декабря 2026 г., 10:00 МСК» / «10:00 МСК»), `{{x, money}}` `{amountMinor, currency}`.
 */
export function addEventFormatters(i18n: Formatters): void {
  const formatter = i18n.services.formatter;
  if (!formatter) return;
  formatter.add('date', (value, lng = 'ru') =>
    typeof value === 'string' ? formatDate(value, lng, /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined) : '',
  );
  formatter.add('courtTime', (value, lng = 'ru') => {
    const moment = value as CourtMoment;
    return `${formatDateTime(moment.at, lng, moment.timeZone)} ${zoneLabel(moment.timeZone, lng, moment.at)}`;
  });
  formatter.add('courtClock', (value, lng = 'ru') => {
    const moment = value as CourtMoment;
    return `${formatTime(moment.at, lng, moment.timeZone)} ${zoneLabel(moment.timeZone, lng, moment.at)}`;
  });
  formatter.add('money', (value, lng = 'ru') => {
    const money = value as { amountMinor: number; currency: string };
    return formatMoney(Number(money.amountMinor), money.currency, lng);
  });
}
