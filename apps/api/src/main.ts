import 'reflect-metadata';
import { refuseMissingKeys } from './common/crypto/keys-in-use';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/load-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { startupLogger } from './logging';
import { createApp } from './bootstrap';
import { DemoSeeder } from './demo/demo-seeder';
import { UsersService } from './users/users.service';

let logger = startupLogger(false);
function log(message: string, level: 30 | 40 | 50 = 30): void {
  logger[level === 50 ? 'error' : level === 40 ? 'warn' : 'info'](message);
}

async function main(): Promise<void> {
  let config = loadConfig(process.env);
  logger = startupLogger(config.logPretty);
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;
  const stopDatabase = async () => {
    await embedded?.stop().catch((error: unknown) => log(`stopping PostgreSQL failed: ${String(error)}`, 50));
  };

  if (config.embeddedDatabase) {
    embedded = await startEmbeddedPostgres(config.dataDir, (line) => log(line));
    config = { ...config, databaseUrl: embedded.url };
    log(`embedded PostgreSQL running with data in ${config.dataDir}/pg`);
  }
  try {
    const applied = await runMigrations(config.databaseUrl);
    if (applied.length)
      log(applied.length > 3 ? `applied ${applied.length} migrations (the last: ${applied.at(-1)})` : `applied migrations: ${applied.join(', ')}`);
    await refuseMissingKeys(config.databaseUrl, config);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const app = await createApp(config);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: draining requests and jobs, then stopping`);
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    try {
      await app.close();
    } finally {
      await stopDatabase();
      clearTimeout(force);
      log('stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.seedDemo) await app.get(DemoSeeder).seedIfEmpty();
  if (!(await app.get(UsersService).adminExists())) log('no admin account exists yet: create one with `npm run admin:create -- EMAIL [NAME]`', 40);
  await app.listen({ port: config.port, host: config.host });
  log(`Habeas is listening on http://localhost:${config.port} (API under /api, docs at /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Habeas failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
