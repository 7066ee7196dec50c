import { resolve } from 'node:path';
import { AppConfig, ConfigError, parseEnvironment } from './app-config';
import { withFileSecrets } from './file-secrets';
import { decodeKey, deriveKey, keyId, localOldKeys, localSecret } from './local-secrets';
import { vapidKeys } from './vapid-keys';
import { parseExtraHosts } from '../alerting/push-endpoint-rule';

/** `auto` means pretty when a person reads stdout (a terminal) and nothing redirects the log to a file. */
export function prettyLogs(format: 'auto' | 'pretty' | 'json', toFile: boolean, terminal = Boolean(process.stdout.isTTY)): boolean {
  if (toFile || format === 'json') return false;
  return format === 'pretty' || terminal;
}

/**
 * Builds the AppConfig from the environment. `databaseUrl` is filled in by the
 * caller once the embedded server (if any) is up.
 */
export function loadConfig(given: NodeJS.ProcessEnv, databaseUrl?: string): AppConfig {
  const env = withFileSecrets(given);
  const e = parseEnvironment(env);
  const dataDir = resolve(e.DATA_DIR);
  const embedded = !e.DATABASE_URL;
  let encryption: Buffer;
  let previous: Buffer[];
  try {
    encryption = e.APP_ENCRYPTION_KEY ? decodeKey(e.APP_ENCRYPTION_KEY, 'APP_ENCRYPTION_KEY') : localSecret(dataDir, 'encryption.key');
    previous = (e.APP_ENCRYPTION_KEYS_OLD ?? '')
      .split(',')
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => decodeKey(text, 'APP_ENCRYPTION_KEYS_OLD'));
    // Locally managed keys keep their predecessors beside them until `npm run reencrypt` retires them.
    if (!e.APP_ENCRYPTION_KEY) previous = previous.concat(localOldKeys(dataDir));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const sessionSecret = e.SESSION_SECRET
    ? Buffer.from(e.SESSION_SECRET, 'utf8')
    : embedded
      ? localSecret(dataDir, 'session.key')
      : deriveKey(encryption, 'habeas session secret');
  const port = e.PORT;
  const noNewsCron = e.MEDICAL_NO_NEWS_CRON ?? (e.NODE_ENV === 'test' ? 'off' : '*/15 * * * *');
  return {
    env: e.NODE_ENV,
    port,
    host: e.HOST,
    dataDir,
    databaseUrl: databaseUrl ?? e.DATABASE_URL ?? '',
    embeddedDatabase: embedded,
    seedDemo: e.SEED_DEMO ?? embedded,
    demoPassword: e.DEMO_PASSWORD,
    encryptionKey: { id: keyId(encryption), key: encryption },
    encryptionKeyManagedLocally: !e.APP_ENCRYPTION_KEY,
    previousEncryptionKeys: previous.map((key) => ({ id: keyId(key), key })),
    medicalEscalationSeconds: e.MEDICAL_ESCALATION_SECONDS,
    mailRetentionDays: e.MAIL_RETENTION_DAYS,
    // Tests call the rule directly: a cron tick must not add alerts to other tests' demo data.
    medicalNoNewsCron: noNewsCron === 'off' ? undefined : noNewsCron,
    schedules: {
      deadlineReminders: e.DEADLINE_REMINDERS_CRON,
      reconciliation: e.RECONCILIATION_CRON,
      noContactWatch: e.NO_CONTACT_WATCH_CRON,
      checkSeconds: e.JOBS_CRON_CHECK_SECONDS,
    },
    sessionSecret,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE ? resolve(e.LOG_FILE) : undefined,
    logPretty: prettyLogs(e.LOG_FORMAT, Boolean(e.LOG_FILE)),
    stripe: { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiUrl: e.STRIPE_API_URL },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    s3:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    telegram: {
      botToken: e.TELEGRAM_BOT_TOKEN,
      apiUrl: (e.TELEGRAM_API_URL ?? 'https://api.telegram.org').replace(/\/$/, ''),
      pollSeconds: e.TELEGRAM_POLL_SECONDS,
    },
    push: {
      ...vapidKeys(e, () => (embedded ? localSecret(dataDir, 'vapid.key') : deriveKey(encryption, 'habeas vapid key'))),
      subject: e.PUBLIC_URL?.startsWith('https://') ? e.PUBLIC_URL : 'mailto:alerts@habeas.invalid',
      extraHosts: parseExtraHosts(e.PUSH_ENDPOINT_HOSTS),
    },
    onCallStepSeconds: e.ON_CALL_STEP_SECONDS,
    trustProxy: e.TRUST_PROXY,
    adminDistDir: resolve(e.ADMIN_DIST_DIR ?? resolve(__dirname, '../../../admin')),
  };
}
