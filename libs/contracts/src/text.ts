import { z } from 'zod';

/**
 * The one string rule of the API. Every string that comes in (path, query, body, multipart fields) is
 * checked against it before any handler runs (`findUnsafeText`), and names and titles are built with
 * `singleLine()`:
 * - no NUL and no C0 control character anywhere, except tab, newline and carriage return in longer text;
 * - names and titles are one line, and invisible bidirectional controls are removed from them (they can make
 *   a name or title read differently from what it is, e.g. to impersonate someone in a list).
 */

/* eslint-disable no-control-regex -- finding control characters is the point of these patterns */
/** C0 controls and DEL, except tab, newline and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Any C0 control or DEL, tab and line breaks included: not allowed in one line. */
const LINE_CONTROL = /[\u0000-\u001F\u007F\u2028\u2029]/;
/* eslint-enable no-control-regex */
/** Bidirectional embeddings, overrides, isolates and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** Optional free text: trimmed, at most `max` characters; empty means none. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A name or title: one line, no control characters, invisible direction controls removed, trimmed. */
export function singleLine() {
  return z
    .string()
    .overwrite(stripBidiControls)
    .trim()
    .refine((value) => !LINE_CONTROL.test(value), 'must be one line without control characters');
}

/** Where in a request value (any JSON) the first string breaking the rule is, e.g. `body.vitals.0.note`; null when none does. */
export function findUnsafeText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? path || '(value)' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (hasControlCharacter(key)) return path ? `${path}.(key)` : '(key)';
    const found = findUnsafeText(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
