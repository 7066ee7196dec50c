import { currencyExponent } from './currencies';

/**
 * About how many units of a currency one euro-sized unit is, as a power of ten, for currencies whose unit is
 * far smaller (¥1, ₩1, ₽1). Only to size limits and preset buttons; never used to convert money.
 */
const GIFT_SCALE: Readonly<Record<string, number>> = {
  JPY: 100,
  KRW: 1000,
  ISK: 100,
  CLP: 1000,
  HUF: 100,
  RUB: 100,
  KZT: 100,
  AMD: 100,
  RSD: 100,
  UAH: 10,
  CZK: 10,
  SEK: 10,
  NOK: 10,
  DKK: 10,
  TRY: 10,
  MXN: 10,
  INR: 100,
  IDR: 10000,
  VND: 10000,
  UZS: 10000,
};

const scaleOf = (currency: string) => GIFT_SCALE[currency] ?? 1;

/** `units` euro-sized units in minor units of `currency` (exponent 0, 2 and 3 alike). */
const minorOf = (currency: string, units: number) => Math.round(units * scaleOf(currency) * 10 ** currencyExponent(currency));

export interface GiftLimits {
  currency: string;
  minAmountMinor: number;
  maxAmountMinor: number;
  /** Suggested amounts for the donation page's buttons. */
  presets: number[];
}

/**
 * The smallest and largest card gift in `currency`: one euro-sized unit at least, and at most the campaign's
 * largest gift, which is set in its first currency (`largest`) and carried over by exponent and scale:
 * €10,000 → ¥1,000,000, 10,000.000 KWD... never 1,000,000 KWD because KWD has three decimals.
 */
export function giftLimits(currency: string, largest: { amountMinor: number; currency: string }): GiftLimits {
  const largestUnits = largest.amountMinor / 10 ** currencyExponent(largest.currency) / scaleOf(largest.currency);
  const minAmountMinor = minorOf(currency, 1);
  return {
    currency,
    minAmountMinor,
    maxAmountMinor: Math.max(minAmountMinor, Math.floor(largestUnits * scaleOf(currency)) * 10 ** currencyExponent(currency)),
    presets: [10, 25, 50, 100].map((units) => minorOf(currency, units)),
  };
}
