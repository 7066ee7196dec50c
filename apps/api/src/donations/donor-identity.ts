import { encrypted } from '../common/crypto/field-cipher';

/** Donor fields are sealed with the same transformer as other encrypted columns. */
export function sealText(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : (encrypted.to(value) as string);
}

export function openText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : (encrypted.from(value) as string);
}
