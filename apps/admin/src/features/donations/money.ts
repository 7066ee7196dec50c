import { currencyExponent, decimalToMinor, isIsoCurrency, minorToDecimal } from '@habeas/contracts';
import type { TFunction } from 'i18next';

export { formatMoney } from '../../shared/format';

/** Minor units as the amount a form field shows ("12.50", "5000"). */
export const toInput = (amountMinor: number, currency: string): string =>
  isIsoCurrency(currency) ? minorToDecimal(amountMinor, currency) : String(amountMinor);

/** Amount typed by a person ("12,50") → minor units; throws a readable error for an unknown currency or too many decimals. */
export function toMinor(text: string, currency: string, t: TFunction): number {
  const code = currency.trim().toUpperCase();
  if (!isIsoCurrency(code)) throw new Error(t('money.currencyInvalid', { currency }));
  const minor = decimalToMinor(text, code);
  if (minor === null) throw new Error(t('money.amountInvalid', { currency: code, count: currencyExponent(code) }));
  return minor;
}

export { useCaseOptions, useCaseTitle } from '../../shared/case-titles';

/**
 * An amount typed by a person as minor units for a request the contract's schema checks: undefined when empty
 * (the schema says it is required), NaN when it is not an amount in that currency (`amountWords` says why).
 */
export function minorOf(text: string, currency: string): number | undefined {
  if (!text.trim()) return undefined;
  const code = currency.trim().toUpperCase();
  return isIsoCurrency(code) ? (decimalToMinor(text, code) ?? Number.NaN) : Number.NaN;
}

/** Why a typed amount is not one (an unknown currency, too many decimals), in the reader's language; null when it is. */
export function amountWords(text: string, currency: string, t: TFunction): string | null {
  if (!text.trim()) return null;
  try {
    toMinor(text, currency, t);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
