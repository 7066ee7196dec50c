import type { AppConfig } from '../config/app-config';
import { runningEmbeddedUrl, startEmbeddedPostgres } from './embedded-postgres';

export interface CliDatabase {
  url: string;
  /** Stops the embedded server if this command started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * The database an operator command works on: DATABASE_URL, else the embedded server of DATA_DIR —
 * the running app's server when it is up, or one started for the command and stopped afterwards.
 */
export async function openCliDatabase(config: AppConfig, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<CliDatabase> {
  if (!config.embeddedDatabase) return { url: config.databaseUrl, release: async () => undefined };
  const running = runningEmbeddedUrl(config.dataDir);
  if (running) return { url: running, release: async () => undefined };
  const server = await startEmbeddedPostgres(config.dataDir, log);
  return { url: server.url, release: () => server.stop() };
}
