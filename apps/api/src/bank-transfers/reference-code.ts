import { randomInt } from 'node:crypto';

/** Letters and digits a person cannot confuse when retyping (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 5;

export function newReferenceCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The purpose a donor's bank sends: the code identifies the campaign or pledge, never the donor. */
export function purposeFor(code: string): string {
  return `Пожертвование на защиту, код ${code}. НДС не облагается`;
}

// Cyrillic letters that look like Latin ones: banking apps and people swap them.
const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', З: '3' };

/** Candidate codes in a payment purpose, most likely first (those right after "код"/"code"). */
export function codesIn(purpose: string): string[] {
  const text = purpose.toUpperCase().replace(/[АВЕКМНОРСТХУЗ]/g, (letter) => LOOKALIKES[letter] ?? letter);
  const pattern = new RegExp(`(?<![0-9A-Z])[${ALPHABET}]{${CODE_LENGTH}}(?![0-9A-Z])`, 'g');
  const after = [...text.matchAll(new RegExp(`(?:KOД|KOD|CODE)\\W{0,3}([${ALPHABET}]{${CODE_LENGTH}})(?![0-9A-Z])`, 'g'))].map((m) => m[1]);
  const all = [...text.matchAll(pattern)].map((m) => m[0]);
  return [...new Set([...after, ...all])];
}
