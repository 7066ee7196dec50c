import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const MIGRATION_LOCK = 7_351_000;

/**
 * Applies pending migrations. One connection holds an advisory lock, so
 * several instances starting at once migrate one after another.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const base = dataSourceOptions(url);
  const dataSource = new DataSource({ ...base, extra: { ...(base.extra as object), max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
