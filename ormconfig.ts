import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfiguration } from './src/config/configuration';
import { buildDataSourceOptions } from './src/database/data-source-options';

/**
 * The data source of the TypeORM CLI (`npm run migration:*`, run on the compiled output). Without
 * DATABASE_URL it targets the embedded database that `npm start` runs.
 */
const configuration = loadConfiguration(process.env);
const url =
  configuration.database.url ??
  `postgres://postgres:postgres@127.0.0.1:${configuration.database.embeddedPort}/eventstuffer`;

export default new DataSource({
  ...buildDataSourceOptions(url),
  entities: [join(__dirname, 'src/**/*.orm-entity.js')],
});
