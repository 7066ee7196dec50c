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
    logging: ['error'],
    extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'habeas' },
  };
}
