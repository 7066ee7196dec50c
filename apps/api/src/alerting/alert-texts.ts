import { formatDateTime, zoneLabel, type Severity } from '@habeas/contracts';

export type AlertLanguage = 'ru' | 'en';

/**
 * What may leave through a third party (a push service, Telegram) about an alert: the case's short name, the
 * severity, the time and a link. Never the incident's description, vitals or a diagnosis — nothing else is here.
 */
export interface AlertMessage {
  alertId: string | null;
  caseSlug: string;
  severity: Severity;
  openedAt: Date;
  /** The page that opens the alert (needs a sign-in). */
  url: string;
  /** 0 first call; later steps say the alert is still not acknowledged. */
  step: number;
  /** "Send me a test alert" from the account page. */
  test: boolean;
}

const SEVERITY: Record<AlertLanguage, Record<Severity, string>> = {
  ru: { low: 'низкая', moderate: 'умеренная', high: 'высокая', critical: 'критическая' },
  en: { low: 'low', moderate: 'moderate', high: 'high', critical: 'critical' },
};

const WORDS = {
  ru: {
    title: 'Медицинская тревога',
    test: 'Проверка оповещений Habeas',
    testBody: 'Так придёт тревога по делу. Медицинских сведений в оповещениях нет.',
    unanswered: 'никто не подтвердил',
    severity: 'тяжесть',
    caseWord: 'дело',
    open: 'Открыть',
    acknowledge: 'Принял, занимаюсь',
  },
  en: {
    title: 'Medical alert',
    test: 'Habeas alert test',
    testBody: 'This is how an alert for a case arrives. Alerts never carry medical details.',
    unanswered: 'nobody has acknowledged it',
    severity: 'severity',
    caseWord: 'case',
    open: 'Open',
    acknowledge: 'Acknowledge',
  },
} as const;

const MOSCOW = 'Europe/Moscow';

function when(message: AlertMessage, language: AlertLanguage): string {
  return `${formatDateTime(message.openedAt, language, MOSCOW)} ${zoneLabel(MOSCOW, language, message.openedAt)}`;
}

export function alertTitle(message: AlertMessage, language: AlertLanguage): string {
  const words = WORDS[language];
  if (message.test) return words.test;
  return `${words.title}: ${SEVERITY[language][message.severity]}${message.step > 0 ? ` — ${words.unanswered}` : ''}`;
}

export function alertBody(message: AlertMessage, language: AlertLanguage): string {
  const words = WORDS[language];
  if (message.test) return words.testBody;
  return `${words.caseWord} ${message.caseSlug} · ${when(message, language)}`;
}

/** The JSON the service worker shows (apps/admin/public/sw.js); `tag` folds repeated calls about one alert. */
export function pushPayload(message: AlertMessage, language: AlertLanguage): string {
  return JSON.stringify({
    title: alertTitle(message, language),
    body: alertBody(message, language),
    url: message.url,
    tag: message.alertId ? `alert-${message.alertId}` : 'alert-test',
    severity: message.severity,
  });
}

/** Telegram `sendMessage` parameters (plain text, no parse mode) with an "acknowledge" button for real alerts. */
export function telegramMessage(message: AlertMessage, language: AlertLanguage): { text: string; reply_markup?: unknown } {
  const words = WORDS[language];
  const text = `${message.severity === 'critical' && !message.test ? '🚨 ' : ''}${alertTitle(message, language)}\n${alertBody(message, language)}\n${message.url}`;
  if (!message.alertId) return { text };
  return {
    text,
    reply_markup: {
      inline_keyboard: [[{ text: words.acknowledge, callback_data: `ack:${message.alertId}` }], [{ text: words.open, url: message.url }]],
    },
  };
}

const REPLIES = {
  ru: {
    linked: 'Готово: тревоги Habeas будут приходить сюда. Медицинских сведений в них нет — только дело, тяжесть, время и ссылка. Отключить: /stop',
    badCode: 'Ссылка недействительна или устарела. Получите новую на странице «Учётная запись» в Habeas.',
    unlinked: 'Тревоги Habeas сюда больше не приходят.',
    notLinked: 'Этот чат не привязан к Habeas. Привяжите его на странице «Учётная запись».',
    acknowledged: 'Принято: тревога подтверждена.',
    refused: 'Нет доступа к этой тревоге.',
    already: 'Тревогу уже подтвердили.',
    failed: 'Не получилось, попробуйте ещё раз в Habeas.',
  },
  en: {
    linked: 'Done: Habeas alerts will arrive here. They carry no medical details — only the case, severity, time and a link. To stop: /stop',
    badCode: 'This link is invalid or has expired. Get a new one on your Account page in Habeas.',
    unlinked: 'Habeas alerts will no longer arrive here.',
    notLinked: 'This chat is not linked to Habeas. Link it on your Account page.',
    acknowledged: 'Done: the alert is acknowledged.',
    refused: 'You have no access to this alert.',
    already: 'The alert was already acknowledged.',
    failed: 'That did not work; please try again in Habeas.',
  },
} as const;

export type TelegramReply = keyof (typeof REPLIES)['ru'];

export function telegramReply(reply: TelegramReply, language: AlertLanguage): string {
  return REPLIES[language][reply];
}
