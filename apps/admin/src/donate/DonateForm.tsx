import { useState, type FormEvent } from 'react';
import type { PublicCampaign } from '@habeas/contracts';
import { formatMoney, type DonateLanguage, type Strings } from './strings';

const PRESETS = [1000, 2500, 5000, 10000];

/** Amount, frequency, currency, optional identity; submitting asks the API for a Checkout URL and goes there. */
export function DonateForm({ campaign, s, lang, slug }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage; slug: string }) {
  const [currency, setCurrency] = useState(campaign.currencies[0] ?? 'EUR');
  const [preset, setPreset] = useState<number | null>(2500);
  const [custom, setCustom] = useState('');
  const [monthly, setMonthly] = useState(false);
  const [showName, setShowName] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const amountMinor = preset ?? Math.round(Number(custom.replace(',', '.')) * 100);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!Number.isFinite(amountMinor) || amountMinor < campaign.minAmountMinor)
      return setError(`${s.tooSmall} ${formatMoney(campaign.minAmountMinor, currency, lang)}`);
    if (amountMinor > campaign.maxAmountMinor) return setError(`${s.tooLarge} ${formatMoney(campaign.maxAmountMinor, currency, lang)}`);
    setBusy(true);
    try {
      const response = await fetch(`/api/public/campaigns/${encodeURIComponent(slug)}/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          amountMinor,
          currency,
          interval: monthly ? 'month' : undefined,
          anonymous: !showName,
          name: name || undefined,
          email: email || undefined,
          message: message || undefined,
        }),
      });
      const body = (await response.json()) as { url?: string; message?: string };
      if (!response.ok || !body.url) throw new Error(body.message ?? String(response.status));
      location.assign(body.url);
    } catch (caught) {
      setError(`${s.failed} ${(caught as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <form className="donate__form" onSubmit={submit} aria-label={s.give}>
      <h2>{s.give}</h2>
      <fieldset>
        <legend>{s.frequency}</legend>
        <div className="donate__choices">
          <button type="button" aria-pressed={!monthly} onClick={() => setMonthly(false)}>
            {s.once}
          </button>
          <button type="button" aria-pressed={monthly} onClick={() => setMonthly(true)}>
            {s.everyMonth}
          </button>
        </div>
      </fieldset>
      <label>
        {s.currency}
        <select value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} name="currency">
          {campaign.currencies.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{s.amount}</legend>
        <div className="donate__choices">
          {PRESETS.map((value) => (
            <button key={value} type="button" aria-pressed={preset === value} onClick={() => setPreset(value)}>
              {formatMoney(value, currency, lang)}
            </button>
          ))}
        </div>
        <label>
          {s.custom}
          <input inputMode="decimal" name="custom" value={custom} onChange={(e) => (setCustom(e.currentTarget.value), setPreset(null))} placeholder="0.00" />
        </label>
      </fieldset>
      <label className="donate__check">
        <input type="checkbox" name="showName" checked={showName} onChange={(e) => setShowName(e.currentTarget.checked)} />
        {s.showName}
      </label>
      <label>
        {s.name}
        <input name="name" value={name} maxLength={100} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" />
      </label>
      <label>
        {s.email}
        <input name="email" type="email" value={email} maxLength={200} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="email" />
      </label>
      <label>
        {s.message}
        <textarea name="message" value={message} maxLength={500} onChange={(e) => setMessage(e.currentTarget.value)} rows={3} />
      </label>
      <p className="donate__note">
        {s.statement} <strong data-testid="statement-descriptor">{campaign.statementDescriptor}</strong>
      </p>
      <p className="donate__note">{s.privacy}</p>
      {error && (
        <p role="alert" className="donate__error">
          {error}
        </p>
      )}
      <button type="submit" className="donate__submit" disabled={busy || !campaign.paymentsEnabled}>
        {busy ? s.submitting : `${s.submit} · ${Number.isFinite(amountMinor) && amountMinor > 0 ? formatMoney(amountMinor, currency, lang) : ''}`}
      </button>
      {!campaign.paymentsEnabled && <p className="donate__note">{s.paymentsOff}</p>}
    </form>
  );
}
