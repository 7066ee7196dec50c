import type { DonateLanguage } from './strings';

/** EN / RU buttons of the public pages (donation page, donors' private page). */
export function LanguageSwitch({ lang, onChange }: { lang: DonateLanguage; onChange: (lang: DonateLanguage) => void }) {
  return (
    <nav className="donate__lang" aria-label="language">
      {(['en', 'ru'] as const).map((code) => (
        <button key={code} type="button" aria-pressed={lang === code} onClick={() => onChange(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </nav>
  );
}
