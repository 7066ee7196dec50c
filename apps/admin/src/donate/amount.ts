import { currencyExponent, formatMoney, type DonateLanguage, type Strings } from './strings';

export interface AmountLimits {
  min: number;
  max: number;
  currency: string;
}

/** "1 500,50" or "1500.5" → minor units of `currency` (no more decimals than it has); NaN when it is not an amount. */
export function parseAmount(text: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const clean = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!new RegExp(exponent > 0 ? `^\\d+(\\.\\d{0,${exponent}})?$` : '^\\d+$').test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 10 ** exponent);
}

export function limitsText(limits: AmountLimits, s: Strings, lang: DonateLanguage): string {
  return s.limits.replace('{min}', formatMoney(limits.min, limits.currency, lang)).replace('{max}', formatMoney(limits.max, limits.currency, lang));
}

/** Why an amount cannot be paid, in the donor's language (the same limits the server enforces), or null. */
export function amountProblem(amountMinor: number, limits: AmountLimits, s: Strings, lang: DonateLanguage): string | null {
  if (!Number.isFinite(amountMinor) || amountMinor <= 0) return s.chooseAmount;
  if (amountMinor < limits.min) return `${s.tooSmall} ${formatMoney(limits.min, limits.currency, lang)}`;
  if (amountMinor > limits.max) return `${s.tooLarge} ${formatMoney(limits.max, limits.currency, lang)}`;
  return null;
}
