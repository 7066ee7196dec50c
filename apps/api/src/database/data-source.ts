import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:generate`): the DATABASE_URL of a migrated database. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
