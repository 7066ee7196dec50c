import type { z } from 'zod';
import { ApiError } from '../../shared/api';

/** Inline errors from the shared schema (before sending) keyed by the field path, e.g. `defendant.fullName`. */
export function schemaErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

/** Errors the API sent back (400 issues, 409/422 messages) in the same shape. */
export function apiErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { _: error instanceof Error ? error.message : String(error) };
  const errors: Record<string, string> = {};
  for (const issue of error.body.issues ?? []) errors[issue.path] ??= issue.message;
  if (Object.keys(errors).length === 0) errors._ = error.body.message ?? error.message;
  return errors;
}

/** `<input type="datetime-local">` value → ISO instant. */
export const localToIso = (value: string) => (value ? new Date(value).toISOString() : '');
