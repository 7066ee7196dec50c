/**
 * The fields a correction actually changes: those given in `patch` (besides `reason`) whose value differs from
 * `current` (compared as JSON, so dates as ISO strings and arrays of readings compare by content).
 */
export function changedFields(current: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch)
    .filter((field) => field !== 'reason' && patch[field] !== undefined)
    .filter((field) => JSON.stringify(patch[field] ?? null) !== JSON.stringify(current[field] ?? null));
}
