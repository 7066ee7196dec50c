import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addEventFormatters, eventTexts } from '@habeas/contracts';

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

// Every `locales/<lang>/<area>.json` becomes the `<area>.` key prefix, so each area keeps its own strings. Each language
// is its own chunk (locales/ru.ts, locales/en.ts), loaded before the first render and when the reader switches.
const chunks: Record<Language, () => Promise<{ files: Record<string, Record<string, unknown>> }>> = {
  ru: () => import('./locales/ru'),
  en: () => import('./locales/en'),
};

async function loadLanguage(lang: Language): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const { files } = await chunks[lang]();
  const translation: Record<string, unknown> = {};
  for (const [path, strings] of Object.entries(files)) translation[path.match(/\/([\w-]+)\.json$/)![1]] = strings;
  // What the server records (timeline, activity, alert reasons) is told from the one event catalog the server's mail uses.
  translation.events = eventTexts[lang];
  i18n.addResourceBundle(lang, 'translation', translation);
}

const stored = localStorage.getItem('habeas.lang');
const initial: Language = stored === 'ru' || stored === 'en' ? stored : navigator.language.startsWith('ru') ? 'ru' : 'en';

/** Resolves once the reader's language is loaded: main.tsx renders after it. */
export const i18nReady = i18n
  .use(initReactI18next)
  .init({ resources: {}, lng: initial, fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false })
  .then(() => loadLanguage(initial))
  .then(() => i18n.changeLanguage(initial));
addEventFormatters(i18n);
/**
 * The installed app's name follows the language: one web app manifest per language. The page has no manifest link
 * until the language is known, and a switch puts in a new link rather than editing the old one: Chromium reads the
 * manifest of a link as it is inserted, and may keep the first one it read when only the address changes.
 */
function pointManifestAt(lang: Language): void {
  document.querySelectorAll('link[rel="manifest"]').forEach((old) => old.remove());
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = `/manifest.${lang}.webmanifest`;
  document.head.appendChild(link);
}

document.documentElement.lang = initial;
pointManifestAt(initial);

export function setLanguage(lang: Language): void {
  localStorage.setItem('habeas.lang', lang);
  document.documentElement.lang = lang;
  pointManifestAt(lang);
  void loadLanguage(lang).then(() => i18n.changeLanguage(lang));
}

export { i18n };
