/**
 * Russian bank details checked the way Russian banks check them (Bank of Russia rules for the
 * control key of an account number, and the tax service's INN check digits). Pure functions.
 */

const ACCOUNT_WEIGHTS = [7, 1, 3];

/** A Russian BIC: nine digits, beginning with 04 (the country code of Russia in the BIC). */
export function isValidBic(bic: string): boolean {
  return /^04\d{7}$/.test(bic);
}

/** Cash settlement centres of the Bank of Russia (no correspondent account of their own) end in 000, 001 or 002. */
export function isSettlementCentre(bic: string): boolean {
  return /^(000|001|002)$/.test(bic.slice(6));
}

/** The 23 digits (3 from the BIC + the 20-digit account) whose weighted sum must end in 0. */
function controlSumIsValid(prefix: string, account: string): boolean {
  const digits = prefix + account;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (Number(digits[i]) * ACCOUNT_WEIGHTS[i % 3]) % 10;
  return sum % 10 === 0;
}

/** A settlement account at the bank with this BIC (key position 9, checked with the BIC's last three digits). */
export function isValidAccount(account: string, bic: string): boolean {
  if (!/^\d{20}$/.test(account) || !isValidBic(bic)) return false;
  const prefix = isSettlementCentre(bic) ? `0${bic.slice(4, 6)}` : bic.slice(6);
  return controlSumIsValid(prefix, account);
}

/** The bank's correspondent account at the Bank of Russia: 301…, ends with the BIC's last three digits. */
export function isValidCorrespondentAccount(account: string, bic: string): boolean {
  if (!/^301\d{17}$/.test(account) || !isValidBic(bic)) return false;
  if (account.slice(17) !== bic.slice(6)) return false;
  return controlSumIsValid(`0${bic.slice(4, 6)}`, account);
}

/** The control key (9th digit) that makes `account` valid at `bic`; for building test and demo details. */
export function withControlKey(account: string, bic: string, correspondent = false): string {
  const prefix = correspondent || isSettlementCentre(bic) ? `0${bic.slice(4, 6)}` : bic.slice(6);
  const zeroed = `${account.slice(0, 8)}0${account.slice(9)}`;
  let sum = 0;
  const digits = prefix + zeroed;
  for (let i = 0; i < digits.length; i++) sum += (Number(digits[i]) * ACCOUNT_WEIGHTS[i % 3]) % 10;
  const key = ((sum % 10) * 3) % 10;
  return `${account.slice(0, 8)}${key}${account.slice(9)}`;
}

const INN_WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function innDigit(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

/** INN of an organisation (10 digits) or of a person (12 digits), with its check digits. */
export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return innDigit(inn, INN_WEIGHTS_10) === Number(inn[9]);
  if (/^\d{12}$/.test(inn)) return innDigit(inn, INN_WEIGHTS_11) === Number(inn[10]) && innDigit(inn, INN_WEIGHTS_12) === Number(inn[11]);
  return false;
}

/** KPP: tax office (4 digits), reason (2 digits or capital letters), number (3 digits). */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}
