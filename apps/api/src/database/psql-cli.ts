// `npm run psql`: an interactive psql on the app's database — DATA_DIR's embedded one (the running app's server,
// or one started for the session) or DATABASE_URL. Needs the `psql` client (apt-get install postgresql-client).
import { spawn } from 'node:child_process';
import { ConfigError } from '../config/app-config';
import { loadConfig } from '../config/load-config';
import { openCliDatabase } from './cli-database';

async function main(): Promise<number> {
  const database = await openCliDatabase(loadConfig(process.env));
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn('psql', [database.url, ...process.argv.slice(2)], { stdio: 'inherit' });
      process.on('SIGINT', () => undefined); // Ctrl-C belongs to psql (cancels its query)
      child.on('error', () => {
        process.stderr.write('psql is not installed (apt-get install postgresql-client); the database is at the URL in DATABASE_URL or DATA_DIR/pg\n');
        resolve(1);
      });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`psql failed: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
