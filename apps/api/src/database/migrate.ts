import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** One lock for every schema change at start: our migrations and pg-boss's queue set-up. */
const SETUP_LOCK = 7_351_000;

/**
 * Runs `task` while holding the set-up advisory lock on its own connection, so instances starting at
 * once change the schema one after another (pg-boss creating queues concurrently deadlocks otherwise).
 */
export async function withSetupLock<T>(url: string, task: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'habeas-setup' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    try {
      return await task();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]);
    }
  } finally {
    await client.end();
  }
}

/** Applies pending migrations, one instance at a time (see withSetupLock). */
export async function runMigrations(url: string): Promise<string[]> {
  return withSetupLock(url, async () => {
    const base = dataSourceOptions(url);
    const dataSource = new DataSource({ ...base, extra: { ...(base.extra as object), max: 1 } });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
