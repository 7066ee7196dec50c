import { useForm, type UseFormReturnType } from '@mantine/form';
import i18n, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from './api';

/**
 * The admin's one form pattern: `@mantine/form` holding what the user types, validated by the contract's zod
 * schema (the same one the API parses with) as the form's resolver, its issues told in the reader's language.
 *
 * When the screen's fields are shaped like the request, pass only `schema`. When they are not (a list typed as
 * lines, a date and a time in two inputs), `toRequest` builds the request from the values, and `fieldOf` names
 * the input that shows an error found at a request path (`defendant.fullName` → `defendantName`); a path it
 * does not name shows at the top of the form, under `_`.
 */
export function useContractForm<Values extends object, Request = Values>(options: {
  initialValues: Values;
  schema: z.ZodType;
  toRequest?: (values: Values) => Request;
  fieldOf?: Record<string, keyof Values & string>;
}): UseFormReturnType<Values> {
  const { t } = useTranslation();
  return useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => {
      const parsed = options.schema.safeParse(options.toRequest ? options.toRequest(values) : values);
      if (parsed.success) return {};
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        out[fieldFor(path, options.fieldOf, values as Record<string, unknown>)] ??= issueText(issue, t);
      }
      return out;
    },
  });
}

/** The input that shows an error at a request path; `_` (the form's alert) when no input matches. */
function fieldFor(path: string, fieldOf: Record<string, string> | undefined, values: Record<string, unknown>): string {
  const top = path.split('.')[0];
  return fieldOf?.[path] ?? fieldOf?.[top] ?? (hasPath(values, path) ? path : top in values ? top : '_');
}

function hasPath(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(key in at)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

/** A zod issue in words for the reader: by its kind and bounds, not the contract's English message. */
export function issueText(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.fewItems', { count: Number(issue.minimum) });
      return t('validation.atLeast', { value: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.manyItems', { count: Number(issue.maximum) });
      return t('validation.atMost', { value: String(issue.maximum) });
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return t('validation.required');
      return issue.expected === 'number' ? t('validation.number') : t('validation.invalid');
    case 'invalid_value':
    case 'invalid_union':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('validation.required') : t('validation.choose');
    case 'invalid_format':
      // A pattern the contract explains in its own words ("must be HH:MM") is told in those words.
      return (issue.format === 'regex' && customText(issue.message, t)) || t(`validation.${formats[issue.format] ?? 'format'}`);
    case 'custom':
      return customText(issue.message, t) ?? t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** A contract's own message (a refine or a pattern), in the reader's language, when `validation.custom` has it. */
function customText(message: string, t: TFunction): string | undefined {
  return (t('validation.custom', { returnObjects: true }) as Record<string, string>)[message];
}

const formats: Record<string, string> = { email: 'email', url: 'url', date: 'date', datetime: 'datetime', uuid: 'uuid', regex: 'format' };

/**
 * The one server-error mapper. A 400 carries `issues` (path + message), a 409/422 may name one `field`; both
 * go beside their inputs. What names no input is returned as the form's general message.
 */
export function serverErrors(error: unknown, fieldOf?: Record<string, string>): { fields: Record<string, string>; message?: string } {
  if (!(error instanceof ApiError)) return { fields: {}, message: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  for (const issue of error.body.issues ?? []) fields[fieldOf?.[issue.path] ?? issue.path] ??= serverText(issue.message);
  if (typeof error.body.field === 'string') fields[fieldOf?.[error.body.field] ?? error.body.field] = serverText(error.body.message ?? '');
  return Object.keys(fields).length ? { fields } : { fields, message: serverText(error.body.message ?? error.message) };
}

/** An API message in the reader's language when `validation.server` has it (the API answers in English). */
function serverText(message: string): string {
  return (i18n.t('validation.server', { returnObjects: true }) as Record<string, string>)[message] ?? message;
}

/** Puts a failed request's errors on the form: beside the inputs, or under `_` for the form's alert. */
export function showServerErrors<Values>(form: UseFormReturnType<Values>, error: unknown, fieldOf?: Record<string, string>): void {
  const { fields, message } = serverErrors(error, fieldOf);
  form.setErrors(message ? { ...fields, _: message } : fields);
}
