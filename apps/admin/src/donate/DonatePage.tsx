import { useEffect, useState } from 'react';
import type { PublicCampaign as Campaign } from '@habeas/contracts';
import { CampaignProgress, OtherWays, Spending, Summary, summaryOf, Supporters, titleOf } from './CampaignFacts';
import { DonateForm } from './DonateForm';
import { loadCampaign } from './hooks';
import { LanguageSwitch } from './LanguageSwitch';
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
    void loadCampaign(slug).then((loaded) => !cancelled && setState(loaded));
    return () => {
      cancelled = true;
    };
  }, [slug]);

  return (
    <div className="donate">
      <header className="donate__top">
        <strong>{s.support}</strong>
        <LanguageSwitch lang={lang} onChange={setLang} />
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
