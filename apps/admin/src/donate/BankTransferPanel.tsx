import { useEffect, useState } from 'react';
import type { PublicBankTransfer } from '@habeas/contracts';
import { CopyField } from './CopyField';
import { bankQrPngUrl, loadBankTransfer, pledgeBankTransfer } from './hooks';
import { formatMoney, type DonateLanguage, type Strings } from './strings';

type Loaded = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; transfer: PublicBankTransfer };

/** Details, QR and purpose for a transfer of `amountMinor` kopecks (or no amount); a donor may ask for a receipt code. */
export function BankTransferPanel({ slug, amountMinor, s, lang }: { slug: string; amountMinor: number | null; s: Strings; lang: DonateLanguage }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [pledged, setPledged] = useState<PublicBankTransfer | null>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadBankTransfer(slug, amountMinor).then((transfer) => !cancelled && setLoaded(transfer ? { kind: 'ready', transfer } : { kind: 'error' }));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [slug, amountMinor]);

  useEffect(() => setPledged(null), [amountMinor]);

  if (loaded.kind === 'loading') return <p role="status">{s.bankLoading}</p>;
  if (loaded.kind === 'error') return <p role="alert">{s.bankError}</p>;
  const transfer = pledged ?? loaded.transfer;
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(transfer.qrSvg)}`;
  const pngHref = pledged ? qrSrc : bankQrPngUrl(slug, amountMinor);
  return (
    <section className="donate__bank" aria-labelledby="bank-title" data-testid="bank-transfer">
      <h3 id="bank-title">{s.bankTitle}</h3>
      <p className="donate__note">{s.bankHelp}</p>
      <figure className="donate__qr">
        <img src={qrSrc} alt={s.qrAlt} width={240} height={240} data-testid="bank-qr" />
        <figcaption>
          {transfer.amountMinor ? <strong>{formatMoney(transfer.amountMinor, 'RUB', lang)}</strong> : <span className="donate__note">{s.bankAmountHint}</span>}
        </figcaption>
      </figure>
      <a className="donate__button" href={pngHref} download={`qr-${transfer.code}.${pledged ? 'svg' : 'png'}`}>
        {s.saveQr}
      </a>
      <dl className="donate__details">
        <CopyField label={s.recipient} value={transfer.recipientName} s={s} testId="bank-recipient" />
        <CopyField label={s.account} value={transfer.account} s={s} testId="bank-account" />
        <CopyField label={s.bank} value={transfer.bankName} s={s} testId="bank-name" />
        <CopyField label={s.bic} value={transfer.bic} s={s} testId="bank-bic" />
        <CopyField label={s.corrAccount} value={transfer.correspondentAccount} s={s} testId="bank-corr" />
        {transfer.inn && <CopyField label={s.inn} value={transfer.inn} s={s} testId="bank-inn" />}
        {transfer.kpp && <CopyField label={s.kpp} value={transfer.kpp} s={s} testId="bank-kpp" />}
        <CopyField label={s.purpose} value={transfer.purpose} s={s} testId="bank-purpose" />
        {transfer.amountMinor ? <CopyField label={s.sum} value={(transfer.amountMinor / 100).toFixed(2)} s={s} testId="bank-sum" /> : null}
      </dl>
      <ReceiptPledge slug={slug} amountMinor={amountMinor} s={s} done={Boolean(pledged)} onPledged={setPledged} />
    </section>
  );
}

function ReceiptPledge({
  slug,
  amountMinor,
  s,
  done,
  onPledged,
}: {
  slug: string;
  amountMinor: number | null;
  s: Strings;
  done: boolean;
  onPledged: (transfer: PublicBankTransfer) => void;
}) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (done) return <p role="status">{s.receiptDone}</p>;

  // Not a <form>: the panel sits inside the donation form, and forms do not nest.
  async function submit() {
    setError(null);
    setBusy(true);
    try {
      onPledged(await pledgeBankTransfer(slug, { amountMinor, email }));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="donate__receipt">
      <summary>{s.receiptTitle}</summary>
      <div role="group" aria-label={s.receiptTitle}>
        <p className="donate__note">{s.receiptHelp}</p>
        <label>
          {s.receiptEmail}
          <input type="email" required value={email} maxLength={200} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="email" />
        </label>
        {error && (
          <p role="alert" className="donate__error">
            {error}
          </p>
        )}
        <button type="button" className="donate__submit" disabled={busy || !amountMinor || !email.includes('@')} onClick={submit}>
          {amountMinor ? s.receiptSubmit : s.receiptNeedsAmount}
        </button>
      </div>
    </details>
  );
}
