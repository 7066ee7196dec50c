import { FieldCipher } from './field-cipher';

/** Where a sealed column value lives: table, column and the row's id (bound to the value once the cipher binds places). */
export interface FieldPlace {
  table: string;
  column: string;
  row: string;
}

/** Seals a value (as JSON) for one column of one row; the public-side areas seal through here only. */
export function sealFieldAt(value: unknown, _place: FieldPlace): string {
  return FieldCipher.seal(JSON.stringify(value));
}

export function openFieldAt<T>(sealed: string, _place: FieldPlace): T {
  return JSON.parse(FieldCipher.open(sealed)) as T;
}
