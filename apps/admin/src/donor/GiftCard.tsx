import { useState, type FormEvent } from 'react';
import type { DonorGift, DonorLanguage } from '@habeas/contracts';
import { parseAmount } from '../donate/amount';
import { formatMoney } from '../donate/strings';
import { cancelGift, changeGiftAmount, receiptUrl } from './hooks';
import type { DonorStrings } from './strings';

const formatDay = (iso: string, lang: DonorLanguage) =>
  new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** One gift: what it is, its receipts, and for a live monthly gift the amount change and the cancellation (confirmed). */
export function GiftCard({
  gift,
  token,
  lang,
  s,
  onChanged,
}: {
  gift: DonorGift;
  token: string;
  lang: DonorLanguage;
  s: DonorStrings;
  onChanged: (gift: DonorGift) => void;
}) {
  const [amount, setAmount] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const kind = gift.kind === 'recurring' ? s.monthly : gift.kind === 'one_off' ? s.oneOff : s.offline;
  const status = gift.subscriptionStatus === 'canceled' ? s.statusCanceled : gift.subscriptionStatus === 'past_due' ? s.statusPastDue : s.statusActive;
  const minor = parseAmount(amount, gift.currency);
  const problem = !amount.trim()
    ? null
    : !Number.isFinite(minor) || minor <= 0
      ? s.notAmount
      : minor < gift.minAmountMinor
        ? `${s.tooSmall} ${formatMoney(gift.minAmountMinor, gift.currency, lang)}`
        : minor > gift.maxAmountMinor
          ? `${s.tooLarge} ${formatMoney(gift.maxAmountMinor, gift.currency, lang)}`
          : null;

  async function run(action: () => Promise<DonorGift>, done: string) {
    setBusy(true);
    setNotice(null);
    try {
      onChanged(await action());
      setNotice({ error: false, text: done });
      setAmount('');
      setConfirming(false);
    } catch (error) {
      setNotice({ error: true, text: `${s.failed} ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  function change(event: FormEvent) {
    event.preventDefault();
    if (problem || !amount.trim()) return;
    void run(() => changeGiftAmount(token, gift.id, minor), s.saved);
  }

  const headingId = `gift-${gift.id}`;
  return (
    <section className="donor__gift" aria-labelledby={headingId} data-testid="donor-gift">
      <h2 id={headingId}>{gift.campaignTitle}</h2>
      <p>
        {kind}: <strong>{formatMoney(gift.amountMinor, gift.currency, lang)}</strong>
        {gift.kind === 'recurring' && ` ${s.perMonth} · ${status}`} · {s.since} {formatDay(gift.createdAt, lang)}
      </p>
      <h3>{s.receipts}</h3>
      {gift.receipts.length === 0 ? (
        <p className="donate__note">{s.noReceipts}</p>
      ) : (
        <ul className="donor__receipts">
          {gift.receipts.map((receipt) => (
            <li key={receipt.id}>
              <a href={receiptUrl(token, receipt.id, lang)} download>
                {s.receipt} {formatDay(receipt.paidAt, lang)} — {formatMoney(receipt.amountMinor, receipt.currency, lang)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {gift.changeable && (
        <div className="donor__actions">
          <form onSubmit={change} noValidate>
            <label>
              {s.change} ({gift.currency})
              <input
                inputMode="decimal"
                name="amount"
                value={amount}
                aria-invalid={Boolean(problem)}
                aria-describedby={`${headingId}-problem`}
                onChange={(e) => setAmount(e.currentTarget.value)}
              />
            </label>
            <button type="submit" disabled={busy || Boolean(problem) || !amount.trim()}>
              {s.save}
            </button>
            <p id={`${headingId}-problem`} className={problem ? 'donate__error' : 'donate__note'} aria-live="polite">
              {problem ?? `${formatMoney(gift.minAmountMinor, gift.currency, lang)} – ${formatMoney(gift.maxAmountMinor, gift.currency, lang)}`}
            </p>
          </form>
          {confirming ? (
            <div role="group" aria-label={s.confirmCancel} className="donor__confirm">
              <p>{s.confirmCancel}</p>
              <button type="button" className="donor__danger" disabled={busy} onClick={() => void run(() => cancelGift(token, gift.id), s.canceled)}>
                {s.yesCancel}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {s.keep}
              </button>
            </div>
          ) : (
            <button type="button" className="donor__danger" onClick={() => setConfirming(true)}>
              {s.cancel}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'donate__error' : 'donate__banner'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
