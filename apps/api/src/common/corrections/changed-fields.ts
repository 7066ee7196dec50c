import { Conflict } from '../http/domain-error';

/**
 * The fields a correction actually changes: those given in `patch` (besides `reason`) whose value differs from
 * `current` (compared as JSON, so dates as ISO strings and arrays of readings compare by content).
 */
export function changedFields(current: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch)
    .filter((field) => field !== 'reason' && patch[field] !== undefined)
    .filter((field) => JSON.stringify(patch[field] ?? null) !== JSON.stringify(current[field] ?? null));
}

/** The fields a correction changes; a correction that changes nothing is refused (409). */
export function fieldsToCorrect(current: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  const fields = changedFields(current, patch);
  if (fields.length === 0) throw new Conflict('Nothing to correct: every given field already has this value');
  return fields;
}
