import { useEffect, useState } from 'react';
import type { PublicCampaign as Campaign } from '@habeas/contracts';
import { CampaignProgress, OtherWays, Spending, Summary, summaryOf, Supporters, titleOf } from './CampaignFacts';
import { DonateForm } from './DonateForm';
import { initialLanguage, strings, type DonateLanguage } from './strings';

type State = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'error' } | { kind: 'ready'; campaign: Campaign };

function slugFromPath(): string {
  return decodeURIComponent(location.pathname.replace(/^\/donate\/?/, '').split('/')[0] ?? '');
}

/** The public donation page of one case: `/donate/:slug`. */
export function DonatePage() {
  const [lang, setLang] = useState<DonateLanguage>(initialLanguage);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const s = strings[lang];
  const slug = slugFromPath();
  const status = new URLSearchParams(location.search).get('status') ?? location.pathname.split('/')[3];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = state.kind === 'ready' ? `${titleOf(state.campaign, lang)} — ${s.support}` : s.support;
  }, [lang, state, s]);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/public/campaigns/${encodeURIComponent(slug)}`)
      .then(async (response) => {
        if (cancelled) return;
        if (response.status === 404) return setState({ kind: 'not-found' });
        if (!response.ok) return setState({ kind: 'error' });
        setState({ kind: 'ready', campaign: (await response.json()) as Campaign });
      })
      .catch(() => !cancelled && setState({ kind: 'error' }));
    return () => {
      cancelled = true;
    };
  }, [slug]);

  return (
    <div className="donate">
      <header className="donate__top">
        <strong>{s.support}</strong>
        <nav className="donate__lang" aria-label="language">
          {(['en', 'ru'] as const).map((code) => (
            <button key={code} type="button" aria-pressed={lang === code} onClick={() => setLang(code)}>
              {code.toUpperCase()}
            </button>
          ))}
        </nav>
      </header>
      <main>
        {state.kind === 'loading' && <p role="status">{s.loading}</p>}
        {state.kind === 'not-found' && (
          <div role="alert">
            <h1 data-testid="campaign-not-found">{s.notFound}</h1>
          </div>
        )}
        {state.kind === 'error' && (
          <div role="alert">
            <h1>{s.error}</h1>
          </div>
        )}
        {state.kind === 'ready' && (
          <article>
            <h1>{titleOf(state.campaign, lang)}</h1>
            <Summary text={summaryOf(state.campaign, lang)} s={s} />
            {status === 'success' && (
              <div role="status" className="donate__banner" data-testid="donate-success">
                <h2>{s.successTitle}</h2>
                <p>{s.success}</p>
              </div>
            )}
            {status === 'cancel' && (
              <div role="status" className="donate__banner" data-testid="donate-cancel">
                <h2>{s.cancelTitle}</h2>
                <p>{s.cancel}</p>
              </div>
            )}
            <DonateForm campaign={state.campaign} s={s} lang={lang} slug={slug} />
            <OtherWays campaign={state.campaign} s={s} lang={lang} />
            <CampaignProgress campaign={state.campaign} s={s} lang={lang} />
            <Supporters campaign={state.campaign} s={s} />
            <Spending campaign={state.campaign} s={s} lang={lang} />
          </article>
        )}
      </main>
    </div>
  );
}
