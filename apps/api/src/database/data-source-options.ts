import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one DataSource configuration, shared by the app and the migration CLI.
 * Entities and migrations are found next to the compiled code.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  const root = join(__dirname, '..');
  return {
    type: 'postgres',
    url,
    entities: [join(root, '**/*.entity.js')],
    migrations: [join(__dirname, 'migrations/*.js')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // TypeORM's own error log prints the failed query with its parameters (password hashes, emails, names).
    // A failing query throws; whoever catches it logs a summary without values (common/http/error-summary).
    logging: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'habeas' },
  };
}
