import { useState, type FormEvent } from 'react';
import type { PublicCampaign } from '@habeas/contracts';
import { amountProblem, limitsText, parseAmount, type AmountLimits } from './amount';
import { BankTransferPanel } from './BankTransferPanel';
import { startCheckout } from './hooks';
import { formatMoney, type DonateLanguage, type Strings } from './strings';

const RUB_PRESETS = [50000, 100000, 300000, 500000];

type Method = 'card' | 'bank';

/**
 * Amount first (it must be on a phone's first screen), then the way to pay: by card through Checkout, or by bank
 * transfer with a payment QR. The limits shown and checked are the ones the server enforces.
 */
export function DonateForm({ campaign, s, lang, slug }: { campaign: PublicCampaign; s: Strings; lang: DonateLanguage; slug: string }) {
  const cardOn = campaign.paymentsEnabled;
  const bank = campaign.bankTransfer;
  const [method, setMethod] = useState<Method>(cardOn || !bank ? 'card' : 'bank');
  const [cardCurrency, setCardCurrency] = useState(campaign.currencies[0] ?? 'EUR');
  /** Limits and preset amounts by the currency's exponent (¥1,000 rather than ¥10), as the server checks them. */
  const cardLimits = (code: string) =>
    campaign.limits.find((entry) => entry.currency === code) ?? {
      currency: code,
      minAmountMinor: campaign.minAmountMinor,
      maxAmountMinor: campaign.maxAmountMinor,
      presets: [1000, 2500, 5000, 10000],
    };
  const [preset, setPreset] = useState<number | null>(method === 'bank' ? RUB_PRESETS[1] : cardLimits(cardCurrency).presets[1]);
  const [custom, setCustom] = useState('');
  const [monthly, setMonthly] = useState(false);
  const [showName, setShowName] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const currency = method === 'bank' ? 'RUB' : cardCurrency;
  const limits: AmountLimits =
    method === 'bank' && bank
      ? { min: bank.minAmountMinor, max: bank.maxAmountMinor, currency }
      : { min: cardLimits(currency).minAmountMinor, max: cardLimits(currency).maxAmountMinor, currency };
  const presets = method === 'bank' ? RUB_PRESETS : cardLimits(currency).presets;
  const amountMinor = preset ?? (custom.trim() ? parseAmount(custom, currency) : Number.NaN);
  const problem = amountProblem(amountMinor, limits, s, lang);
  // A bank transfer may leave the amount to the banking app; a typed amount must still be within the limits.
  const bankAmount = method === 'bank' && !problem ? amountMinor : null;
  const customProblem = preset === null && custom.trim() ? problem : null;

  function choose(next: Method) {
    setMethod(next);
    setPreset(next === 'bank' ? RUB_PRESETS[1] : cardLimits(cardCurrency).presets[1]);
    setCustom('');
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (problem || method !== 'card') return;
    setBusy(true);
    try {
      const url = await startCheckout(slug, {
        amountMinor,
        currency,
        interval: monthly ? 'month' : undefined,
        anonymous: !showName,
        name: name || undefined,
        email: email || undefined,
        message: message || undefined,
        language: lang,
      });
      location.assign(url);
    } catch (caught) {
      setError(`${s.failed} ${(caught as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <form className="donate__form" onSubmit={submit} aria-labelledby="give-title" noValidate>
      <h2 id="give-title">{s.give}</h2>
      <fieldset>
        <legend>{s.amount}</legend>
        <div className="donate__choices">
          {presets.map((value) => (
            <button key={value} type="button" aria-pressed={preset === value} onClick={() => (setPreset(value), setCustom(''))}>
              {formatMoney(value, currency, lang)}
            </button>
          ))}
        </div>
        <div className="donate__amount-row">
          <label>
            {s.custom} ({currency})
            <input
              inputMode="decimal"
              name="custom"
              value={custom}
              aria-invalid={Boolean(customProblem)}
              aria-describedby="amount-limits"
              onChange={(e) => (setCustom(e.currentTarget.value), setPreset(null))}
            />
          </label>
          {method === 'card' && campaign.currencies.length > 1 && (
            <label>
              {s.currency}
              <select
                value={cardCurrency}
                onChange={(e) => {
                  const code = e.currentTarget.value;
                  setCardCurrency(code);
                  if (preset !== null) setPreset(cardLimits(code).presets[1]);
                }}
                name="currency"
              >
                {campaign.currencies.map((code) => (
                  <option key={code}>{code}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p id="amount-limits" className={customProblem ? 'donate__error' : 'donate__note'} aria-live="polite" data-testid="amount-limits">
          {customProblem ?? limitsText(limits, s, lang)}
        </p>
      </fieldset>
      {bank && (
        <fieldset>
          <legend>{s.howToGive}</legend>
          <div className="donate__choices">
            <button type="button" aria-pressed={method === 'card'} disabled={!cardOn} onClick={() => choose('card')}>
              {s.byCard}
            </button>
            <button type="button" aria-pressed={method === 'bank'} onClick={() => choose('bank')}>
              {s.byBank}
            </button>
          </div>
          {!cardOn && <p className="donate__note">{s.cardOff}</p>}
        </fieldset>
      )}
      {method === 'bank' ? (
        <BankTransferPanel slug={slug} amountMinor={bankAmount} s={s} lang={lang} />
      ) : (
        <>
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
          <button type="submit" className="donate__submit" disabled={busy || !cardOn || Boolean(problem)} data-testid="pay-button">
            {busy ? s.submitting : !cardOn ? s.paymentsOff : (problem ?? `${s.submit} · ${formatMoney(amountMinor, currency, lang)}`)}
          </button>
        </>
      )}
    </form>
  );
}
