import type { CaseSummary, Page } from '@habeas/contracts';
import { currencyExponent, decimalToMinor, isIsoCurrency, minorToDecimal, minorToMajor } from '@habeas/contracts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../shared/api';

/** Money in the reader's language, with as many decimals as the currency has (JPY none, KWD three). */
export function formatMoney(amountMinor: number, currency: string, lang: string): string {
  if (!isIsoCurrency(currency)) return `${amountMinor} ${currency}`;
  const digits = currencyExponent(currency);
  try {
    return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(minorToMajor(amountMinor, currency));
  } catch {
    return `${minorToDecimal(amountMinor, currency)} ${currency}`;
  }
}

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

export function useCaseOptions() {
  return useQuery({
    queryKey: ['cases', 'options'],
    queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }),
    select: (page) => page.items.map((item) => ({ value: item.id, label: item.title })),
  });
}
