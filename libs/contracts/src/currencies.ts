import { z } from 'zod';

const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR = 'CLF UYW';
const TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC ' +
  'CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD ' +
  'KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN ' +
  'QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED ' +
  'VES WST XCD XCG YER ZAR ZMW ZWG';

/**
 * ISO 4217 currencies in use, with their exponent (digits after the decimal point). The one table every
 * currency field, amount and export reads; funds codes without an exponent (XAU, XDR, ...) are not money here.
 */
export const currencyExponents: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries([
    ...TWO.split(' ').map((code) => [code, 2] as const),
    ...ZERO.split(' ').map((code) => [code, 0] as const),
    ...THREE.split(' ').map((code) => [code, 3] as const),
    ...FOUR.split(' ').map((code) => [code, 4] as const),
  ]),
);

export const isIsoCurrency = (code: string): boolean => Object.prototype.hasOwnProperty.call(currencyExponents, code);

/** Digits after the decimal point of an ISO 4217 currency; throws for anything else. */
export function currencyExponent(code: string): number {
  const upper = code.toUpperCase();
  if (!isIsoCurrency(upper)) throw new RangeError(`${code} is not an ISO 4217 currency code`);
  return currencyExponents[upper];
}

/** Minor units as a plain decimal in the currency's exponent: 5000 JPY → "5000", 1234 EUR → "12.34", 1500 KWD → "1.500". */
export function minorToDecimal(amountMinor: number, code: string): string {
  const exponent = currencyExponent(code);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amountMinor))).padStart(exponent + 1, '0');
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Minor units as a number of major units (for Intl formatting). */
export const minorToMajor = (amountMinor: number, code: string): number => amountMinor / 10 ** currencyExponent(code);

/**
 * An amount typed by a person ("12,50", "1 000") → minor units, or null when it is not a number or has more
 * decimals than the currency has (12.5 JPY, 1.2345 KWD).
 */
export function decimalToMinor(text: string, code: string): number | null {
  const exponent = currencyExponent(code);
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(match[2] + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] ? -minor : minor;
}

/** A currency field: an ISO 4217 code in any case, stored upper-case. */
export const currency = z
  .string()
  .length(3, 'must be a 3-letter ISO 4217 currency code')
  .transform((value) => value.toUpperCase())
  .refine(isIsoCurrency, 'must be an ISO 4217 currency code');
