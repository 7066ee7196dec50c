import { useState } from 'react';
import type { PublicCampaign } from '@habeas/contracts';
import { formatMoney, type DonateLanguage, type Strings } from './strings';

/** Progress per currency, one-off and monthly apart (never one bar mixing currencies). */
export function CampaignProgress({ campaign, s, lang }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage }) {
  const currencies = [...new Set(campaign.raisedByKind.map((row) => row.currency))];
  const label = { one_off: s.oneOff, recurring: s.monthly, offline: s.offline };
  return (
    <section className="donate__progress" aria-label={s.raised}>
      {campaign.goal && (
        <p>
          {s.goal}: <strong>{formatMoney(campaign.goal.amountMinor, campaign.goal.currency, lang)}</strong>
        </p>
      )}
      {currencies.map((currency) => {
        const total = campaign.raised.find((row) => row.currency === currency)?.amountMinor ?? 0;
        const goal = campaign.goal?.currency === currency ? campaign.goal.amountMinor : null;
        return (
          <div key={currency} className="donate__currency" data-testid={`raised-${currency}`}>
            <p>
              {s.raised} ({currency}): <strong>{formatMoney(total, currency, lang)}</strong>
              {goal ? ` — ${Math.floor((total * 100) / goal)}% ${s.progressOf} ${currency}` : ''}
            </p>
            {goal ? <progress max={goal} value={Math.min(total, goal)} /> : null}
            <ul>
              {campaign.raisedByKind
                .filter((row) => row.currency === currency)
                .map((row) => (
                  <li key={row.kind}>
                    {label[row.kind]}: {formatMoney(row.amountMinor, currency, lang)}
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
      <p>
        {s.donors}: {campaign.donorCount}
      </p>
    </section>
  );
}

export function Supporters({ campaign, s }: { campaign: PublicCampaign; s: Strings }) {
  if (campaign.supporters.length === 0) return null;
  return (
    <section>
      <h2>{s.supporters}</h2>
      <ul className="donate__supporters">
        {campaign.supporters.map((supporter, index) => (
          <li key={index}>
            <strong>{supporter.name ?? s.anonymous}</strong>
            {supporter.message ? ` — ${supporter.message}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Spending({ campaign, s, lang }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage }) {
  return (
    <section>
      <h2>{s.spent}</h2>
      {campaign.spent.length === 0 ? (
        <p>{s.nothingSpent}</p>
      ) : (
        <ul>
          {campaign.spent.map((row) => (
            <li key={`${row.currency}-${row.category}`}>
              {s.categories[row.category]}: {formatMoney(row.amountMinor, row.currency, lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The campaign's title and summary in the reader's language; the case's own text when none was written. */
export const titleOf = (campaign: PublicCampaign, lang: DonateLanguage) => campaign.texts[lang].title || campaign.title;
export const summaryOf = (campaign: PublicCampaign, lang: DonateLanguage) => campaign.texts[lang].summary || campaign.summary;

/** On a phone the summary starts folded to a few lines, so the amount stays on the first screen. */
export function Summary({ text, s }: { text: string; s: Strings }) {
  const [open, setOpen] = useState(false);
  if (!text) return null;
  return (
    <div className="donate__summary-box">
      <p className="donate__summary" data-open={open} id="campaign-summary">
        {text}
      </p>
      {text.length > 160 && (
        <button type="button" className="donate__more" aria-expanded={open} aria-controls="campaign-summary" onClick={() => setOpen(!open)}>
          {open ? s.readLess : s.readMore}
        </button>
      )}
    </div>
  );
}

/** Other ways to give (cash, transfers from abroad…), written by finance per language; shown whatever else is on. */
export function OtherWays({ campaign, s, lang }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage }) {
  const text = campaign.texts[lang].otherWays || campaign.texts[lang === 'ru' ? 'en' : 'ru'].otherWays;
  if (!text) return null;
  return (
    <section aria-labelledby="other-ways" data-testid="other-ways">
      <h2 id="other-ways">{s.otherWays}</h2>
      <p className="donate__summary">{text}</p>
    </section>
  );
}
