import { addEventFormatters, eventTexts, renderEvent } from '@habeas/contracts';
import type { EventParams, Translate } from '@habeas/contracts';
import i18next from 'i18next';

export const readerLanguages = ['ru', 'en'] as const;
export type ReaderLanguage = (typeof readerLanguages)[number];

/** Anything else (a null, an old value) reads as Russian, the team's first language. */
export const readerLanguage = (value: unknown): ReaderLanguage => (value === 'en' ? 'en' : 'ru');

/** A case's title for a reader: the English one for English readers when the team gave one, else the Russian. */
export function caseTitleIn(language: ReaderLanguage, row: { case_title: string; case_title_en?: string | null }): string {
  return (language === 'en' && row.case_title_en) || row.case_title;
}

const translators = new Map<ReaderLanguage, Translate>();

/** The event catalog's i18next `t` in one language: the same texts and plural rules the admin uses. */
export function textsIn(language: ReaderLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      showSupportNotice: false,
      interpolation: { escapeValue: false },
      resources: { ru: { translation: { events: eventTexts.ru } }, en: { translation: { events: eventTexts.en } } },
    });
    addEventFormatters(instance);
    t = (key, options) => instance.t(key, options ?? {});
    translators.set(language, t);
  }
  return t;
}

/** A recorded event told in the reader's language. */
export function eventText(language: ReaderLanguage, event: string, params: EventParams): string {
  return renderEvent(textsIn(language), eventTexts.en, event, params);
}

/** A mail's subject and body in the recipient's language (`context` picks e.g. `subject_1d`). */
export function mailText(
  language: ReaderLanguage,
  mail: keyof typeof eventTexts.en.mail,
  params: EventParams,
  context?: string,
): { subject: string; text: string } {
  const t = textsIn(language);
  return {
    subject: t(`events.mail.${mail}.subject`, { ...params, context }),
    text: t(`events.mail.${mail}.body`, params) + t('events.mail.signature'),
  };
}
