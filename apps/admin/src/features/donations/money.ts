import type { CaseSummary, Page } from '@habeas/contracts';
import { currencyExponent, decimalToMinor, isIsoCurrency, minorToDecimal } from '@habeas/contracts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../shared/api';

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

const casesQuery = { queryKey: ['cases', 'options'], queryFn: () => api<Page<CaseSummary>>('/api/cases', { query: { limit: 100 } }) };

export function useCaseOptions() {
  return useQuery({ ...casesQuery, select: (page) => page.items.map((item) => ({ value: item.id, label: item.title })) });
}

/** A case's title by its id or slug (lists of money name cases, never by slug); the slug until the list has loaded. */
export function useCaseTitle(): (ref: string) => string {
  const titles = useQuery({
    ...casesQuery,
    select: (page) => new Map(page.items.flatMap((item) => [[item.id, item.title] as const, [item.slug, item.title] as const])),
  });
  return (ref) => titles.data?.get(ref) ?? ref;
}
