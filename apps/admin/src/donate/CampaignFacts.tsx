import { useState } from 'react';
import type { PublicCampaign } from '@habeas/contracts';
import { formatMoney, type DonateLanguage, type Strings } from './strings';

/**
 * Progress per currency against that currency's goal, one-off, monthly and other gifts apart (a stacked bar and
 * the same figures as text); never one bar mixing currencies.
 */
export function CampaignProgress({ campaign, s, lang }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage }) {
  return (
    <section className="donate__progress" aria-label={s.raised}>
      {campaign.progress.map((row) => {
        const scale = Math.max(row.goalMinor ?? 0, row.raisedMinor, 1);
        const parts = [
          { key: 'one_off', label: s.oneOff, amount: row.oneOffMinor },
          { key: 'recurring', label: s.monthly, amount: row.monthlyMinor },
          { key: 'offline', label: s.offline, amount: row.offlineMinor },
        ].filter((part) => part.amount > 0);
        return (
          <div key={row.currency} className="donate__currency" data-testid={`raised-${row.currency}`}>
            <p>
              {s.raised} ({row.currency}): <strong>{formatMoney(row.raisedMinor, row.currency, lang)}</strong>
              {row.goalMinor ? (
                <>
                  {' '}
                  {s.of} <strong data-testid={`goal-${row.currency}`}>{formatMoney(row.goalMinor, row.currency, lang)}</strong> (
                  {Math.floor((row.raisedMinor * 100) / row.goalMinor)}%)
                </>
              ) : null}
            </p>
            <div className="donate__bar" aria-hidden="true">
              {parts.map((part) => (
                <span key={part.key} className={`donate__bar-${part.key}`} style={{ width: `${(Math.max(part.amount, 0) * 100) / scale}%` }} />
              ))}
            </div>
            <ul className="donate__legend">
              {parts.map((part) => (
                <li key={part.key}>
                  <span className={`donate__swatch donate__bar-${part.key}`} aria-hidden="true" />
                  {part.label}: {formatMoney(part.amount, row.currency, lang)}
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
