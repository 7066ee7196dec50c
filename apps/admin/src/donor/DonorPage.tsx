import { useEffect, useState } from 'react';
import type { DonorGift, DonorGifts, DonorLanguage } from '@habeas/contracts';
import { LanguageSwitch } from '../donate/LanguageSwitch';
import { GiftCard } from './GiftCard';
import { loadGifts } from './hooks';
import { donorStrings } from './strings';

type State = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'error' } | { kind: 'ready'; data: DonorGifts };

/** The token is the path's last segment: `/donor/<token>`. */
export function tokenFromPath(): string {
  return decodeURIComponent(location.pathname.replace(/^\/donor\/?/, '').split('/')[0] ?? '');
}

/** A donor's private page (no account): their gifts, receipts, and their monthly gift to cancel or change. */
export function DonorPage() {
  const token = tokenFromPath();
  const [lang, setLang] = useState<DonorLanguage | null>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const shown: DonorLanguage = lang ?? (state.kind === 'ready' ? state.data.language : navigator.language.startsWith('ru') ? 'ru' : 'en');
  const s = donorStrings[shown];

  useEffect(() => {
    document.documentElement.lang = shown;
    document.title = s.title;
  }, [shown, s]);

  useEffect(() => {
    let cancelled = false;
    void loadGifts(token, lang).then((loaded) => !cancelled && setState(loaded));
    return () => {
      cancelled = true;
    };
  }, [token, lang]);

  const replaceGift = (gift: DonorGift) =>
    setState((current) =>
      current.kind === 'ready'
        ? { kind: 'ready', data: { ...current.data, gifts: current.data.gifts.map((g) => (g.id === gift.id ? { ...g, ...gift } : g)) } }
        : current,
    );

  return (
    <div className="donate donor">
      <header className="donate__top">
        <strong>{s.place}</strong>
        <LanguageSwitch lang={shown} onChange={setLang} />
      </header>
      <main>
        <h1>{s.title}</h1>
        {state.kind === 'loading' && <p role="status">{s.loading}</p>}
        {state.kind === 'not-found' && (
          <p role="alert" data-testid="donor-link-not-found">
            {s.notFound}
          </p>
        )}
        {state.kind === 'error' && <p role="alert">{s.error}</p>}
        {state.kind === 'ready' && (
          <>
            <p className="donate__note">{s.hello(state.data.name)}</p>
            {state.data.gifts.length === 0 && <p>{s.none}</p>}
            {state.data.gifts.map((gift) => (
              <GiftCard key={gift.id} gift={gift} token={token} lang={shown} s={s} onChanged={replaceGift} />
            ))}
          </>
        )}
      </main>
    </div>
  );
}
