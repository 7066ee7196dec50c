/** What of an error may be logged: its class, its code, and a message stripped of the values it quoted. */
export interface ErrorSummary {
  errorClass: string;
  code?: string;
  message: string;
  /** PostgreSQL names the schema object, never a value: useful and safe. */
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
}

/**
 * A message without the values in it. PostgreSQL and the drivers put the offending value after a colon
 * (`invalid input syntax for type uuid: "…"`) or in quotes/parentheses (`Key (email)=(…)`), and
 * TypeORM's QueryFailedError carries the whole query with its parameters; none of that is kept.
 */
export function withoutValues(message: string): string {
  const head = message.split(/:\s/)[0];
  return head
    .replace(/\([^)]*\)=\([^)]*\)/g, '(…)=(…)')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\$argon2[^\s"']*/g, '…')
    .slice(0, 200);
}

export function summarizeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { errorClass: typeof error, message: 'non-error thrown' };
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const message = withoutValues(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    errorClass: error.constructor?.name ?? error.name,
    code: typeof driver.code === 'string' ? driver.code : undefined,
    message,
    constraint: typeof driver.constraint === 'string' ? driver.constraint : undefined,
    table: typeof driver.table === 'string' ? driver.table : undefined,
    column: typeof driver.column === 'string' ? driver.column : undefined,
    stack: frames.length ? [`${error.name}: ${message}`, ...frames.slice(0, 12)].join('\n') : undefined,
  };
}
