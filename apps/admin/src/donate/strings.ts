/** The donation page's own strings (no i18n library: this bundle stays small for phones on slow networks). */
const en = {
  loading: 'Loading…',
  notFound: 'This campaign was not found.',
  error: 'The page could not be loaded. Please try again.',
  support: 'Support the defense',
};
const ru: typeof en = {
  loading: 'Загрузка…',
  notFound: 'Такой сбор не найден.',
  error: 'Не удалось загрузить страницу. Попробуйте ещё раз.',
  support: 'Поддержать защиту',
};

export type Strings = typeof en;
export type DonateLanguage = 'en' | 'ru';

export function initialLanguage(): DonateLanguage {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  return navigator.language.startsWith('ru') ? 'ru' : 'en';
}

export const strings: Record<DonateLanguage, Strings> = { en, ru };
