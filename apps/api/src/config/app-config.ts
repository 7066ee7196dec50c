import { z } from 'zod';

const booleanFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const ipOrCidr = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)(\/\d{1,3})?$/;

/**
 * Which X-Forwarded-For entries to believe. Never "all of them": a client can send any header, so only
 * the entries added by a known number of proxies (taken from the right) or by known proxy addresses count.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): false | number | string[] => {
    const text = (value ?? 'false').trim().toLowerCase();
    if (['false', 'no', 'off', '0'].includes(text)) return false;
    if (['true', 'yes', 'on'].includes(text)) return 1;
    if (/^\d+$/.test(text) && Number(text) <= 10) return Number(text);
    const addresses = text.split(',').map((part) => part.trim());
    if (addresses.every((part) => ipOrCidr.test(part))) return addresses;
    context.addIssue({ code: 'custom', message: 'must be false, a hop count (1-10, true = 1) or proxy addresses/CIDRs, comma-separated' });
    return z.NEVER;
  });

/** The environment as CONTRACT §2 describes it; parsed once at start. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional()),
  SEED_DEMO: booleanFromEnv.optional(),
  DEMO_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  APP_ENCRYPTION_KEY: optionalString,
  /** Comma-separated earlier keys, still accepted for reading while `npm run reencrypt` re-seals everything. */
  APP_ENCRYPTION_KEYS_OLD: optionalString,
  MEDICAL_ESCALATION_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Days a delivered mail keeps its recipient, subject and body in the outbox before they are purged. */
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** When the "no news" rule runs (cron, UTC); `off` disables it. Off by default under NODE_ENV=test. */
  MEDICAL_NO_NEWS_CRON: optionalString,
  /** Schedules (cron, UTC) of the timed work; tests shorten them to see each fire on its own. */
  DEADLINE_REMINDERS_CRON: z.string().trim().min(9).default('*/10 * * * *'),
  RECONCILIATION_CRON: z.string().trim().min(9).default('*/30 * * * *'),
  NO_CONTACT_WATCH_CRON: z.string().trim().min(9).default('7 * * * *'),
  /** How often pg-boss looks whether a schedule is due (1–45 s). */
  JOBS_CRON_CHECK_SECONDS: z.coerce.number().int().min(1).max(45).default(30),
  SESSION_SECRET: optionalString,
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Append the JSON log lines to this file instead of writing them to stdout. */
  LOG_FILE: optionalString,
  /** `pretty` (one readable line per event), `json`, or `auto`: pretty on a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_URL: optionalString.pipe(z.url().optional()),
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
  MAIL_FROM: z.string().default('Habeas <no-reply@habeas.local>'),
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(true),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  ADMIN_DIST_DIR: optionalString,
  /** Telegram bot for alerts; the API URL points at a Bot-API-compatible server in tests. */
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_URL: optionalString.pipe(z.url().optional()),
  /** Seconds one getUpdates long poll waits for news (Telegram allows up to 50). */
  TELEGRAM_POLL_SECONDS: z.coerce.number().int().min(1).max(50).default(25),
  /** Extra hosts (`host` or `host:port`, comma-separated) accepted as Web Push endpoints besides the known push services. */
  PUSH_ENDPOINT_HOSTS: optionalString,
  /** VAPID keys (base64url, as `web-push generate-vapid-keys` prints them); generated into DATA_DIR when absent. */
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  /** When set, every on-call escalation step waits this many seconds instead of its policy's minutes (tests). */
  ON_CALL_STEP_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  /** How many proxies stand in front (a hop count; `true` = 1), or their addresses/CIDRs, comma-separated. */
  TRUST_PROXY: optionalString.pipe(trustProxy),
});

export type Environment = z.infer<typeof environmentSchema>;

export class ConfigError extends Error {}

/**
 * The only variables whose wrong value may be printed at start. Everything else (secrets, keys, URLs
 * that can carry credentials, passwords) is named but never echoed: start-up output lands in logs.
 */
const ECHOED = new Set([
  'NODE_ENV',
  'PORT',
  'HOST',
  'SEED_DEMO',
  'MEDICAL_ESCALATION_SECONDS',
  'MEDICAL_NO_NEWS_CRON',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'S3_REGION',
  'S3_FORCE_PATH_STYLE',
  'UPLOAD_MAX_BYTES',
  'TRUST_PROXY',
  'TELEGRAM_POLL_SECONDS',
  'PUSH_ENDPOINT_HOSTS',
  'ON_CALL_STEP_SECONDS',
]);

/** Parses the environment; the first problem becomes one line naming the variable. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = env[name] === undefined ? 'missing' : ECHOED.has(name) ? `got "${String(env[name]).slice(0, 40)}"` : 'value not shown';
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (${shown})`);
  }
  const value = parsed.data;
  if (value.DATABASE_URL && !value.APP_ENCRYPTION_KEY) {
    throw new ConfigError('Invalid configuration: APP_ENCRYPTION_KEY is required when DATABASE_URL is set (missing)');
  }
  if (value.S3_BUCKET && (!value.S3_ACCESS_KEY_ID || !value.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_BUCKET');
  }
  return value;
}

/** Everything the app reads from its environment, resolved (paths absolute, secrets loaded). */
export abstract class AppConfig {
  abstract readonly env: Environment['NODE_ENV'];
  abstract readonly port: number;
  abstract readonly host: string;
  abstract readonly dataDir: string;
  abstract readonly databaseUrl: string;
  abstract readonly embeddedDatabase: boolean;
  abstract readonly seedDemo: boolean;
  abstract readonly demoPassword: string | undefined;
  /** 32-byte key for field encryption at rest, with its id (first 8 hex of its SHA-256). */
  abstract readonly encryptionKey: { id: string; key: Buffer };
  /** The key lives in DATA_DIR/secrets (generated there), not in APP_ENCRYPTION_KEY. */
  abstract readonly encryptionKeyManagedLocally: boolean;
  /** Earlier keys, readable only (APP_ENCRYPTION_KEYS_OLD, or DATA_DIR/secrets/encryption.old.keys for a local key). */
  abstract readonly previousEncryptionKeys: Array<{ id: string; key: Buffer }>;
  /** A critical medical alert not acknowledged this long is escalated to all admins. */
  abstract readonly medicalEscalationSeconds: number;
  /** Delivered mails older than this lose recipient, subject and body (0: purged at the next run). */
  abstract readonly mailRetentionDays: number;
  /** Schedule of the "no news" rule, or undefined when it is off. */
  abstract readonly medicalNoNewsCron: string | undefined;
  /** Schedules of the timed work (cron, UTC) and how often pg-boss checks them. */
  abstract readonly schedules: { deadlineReminders: string; reconciliation: string; noContactWatch: string; checkSeconds: number };
  /** Secret used to derive session token hashes and other HMACs. */
  abstract readonly sessionSecret: Buffer;
  abstract readonly publicUrl: string;
  abstract readonly logLevel: Environment['LOG_LEVEL'];
  abstract readonly logFile: string | undefined;
  /** Readable lines for a person at a terminal; JSON for log collectors. */
  abstract readonly logPretty: boolean;
  abstract readonly stripe: { secretKey?: string; webhookSecret?: string; apiUrl?: string };
  abstract readonly smtpUrl: string | undefined;
  abstract readonly mailFrom: string;
  abstract readonly s3:
    { endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean } | undefined;
  abstract readonly uploadMaxBytes: number;
  /** Telegram alerts: off without a token. */
  abstract readonly telegram: { botToken?: string; apiUrl: string; pollSeconds: number };
  /** Web Push: VAPID keys (base64url), the subject they name, and the extra endpoint hosts allowed. */
  abstract readonly push: { publicKey: string; privateKey: string; subject: string; extraHosts: string[] };
  /** Overrides every policy's minutes between escalation steps (tests), in seconds. */
  abstract readonly onCallStepSeconds: number | undefined;
  abstract readonly adminDistDir: string;
  /** Behind reverse proxies: their number (hops) or addresses; the client IP is the X-Forwarded-For entry they vouch for. */
  abstract readonly trustProxy: false | number | string[];
}
