import { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export const MIGRATIONS_TABLE = 'schema_migrations';

export function buildDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'eventstuffer-api' },
  };
}
