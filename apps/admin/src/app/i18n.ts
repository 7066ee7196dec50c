import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addEventFormatters, eventTexts } from '@habeas/contracts';

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

// Every `locales/<lang>/<area>.json` becomes the `<area>.` key prefix, so each area keeps its own strings.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });
const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const [path, strings] of Object.entries(files)) {
  const [, lang, area] = path.match(/\.\/locales\/(\w+)\/([\w-]+)\.json$/)!;
  resources[lang] ??= { translation: {} };
  resources[lang].translation[area] = strings;
}
// What the server records (timeline, activity, alert reasons) is told from the one event catalog the server's mail uses.
for (const lang of languages) {
  resources[lang] ??= { translation: {} };
  resources[lang].translation.events = eventTexts[lang];
}

const stored = localStorage.getItem('habeas.lang');
const initial: Language = stored === 'ru' || stored === 'en' ? stored : navigator.language.startsWith('ru') ? 'ru' : 'en';

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
addEventFormatters(i18n);
/** The installed app's name follows the language: one web app manifest per language. */
function pointManifestAt(lang: Language): void {
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', `/manifest.${lang}.webmanifest`);
}

document.documentElement.lang = initial;
pointManifestAt(initial);

export function setLanguage(lang: Language): void {
  localStorage.setItem('habeas.lang', lang);
  document.documentElement.lang = lang;
  pointManifestAt(lang);
  void i18n.changeLanguage(lang);
}

export { i18n };
