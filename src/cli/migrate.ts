import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigurationError, loadConfiguration } from '../config/configuration';
import { readProcessEnvironment } from '../config/process-environment';
import { buildDataSourceOptions } from '../database/data-source-options';
import { resolveDatabase } from '../database/database-server';
import { runMigrationsExclusively } from '../database/migration-runner';

/**
 * Applies pending migrations (the job queue's schema included) under the same advisory lock as
 * at start, and exits. Deployments with several instances run it once before starting them with
 * DATABASE_RUN_MIGRATIONS=false (docker/docker-compose.yml's `migrate` service).
 */
async function main(): Promise<void> {
  const configuration = loadConfiguration(readProcessEnvironment());
  const database = await resolveDatabase(configuration, (message) =>
    process.stderr.write(`${message}\n`),
  );
  const url = database.configuration.database.url!;
  const dataSource = new DataSource(buildDataSourceOptions(url, 1));
  try {
    await dataSource.initialize();
    const applied = await runMigrationsExclusively(dataSource);
    process.stdout.write(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
        : 'The database schema is up to date\n',
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof ConfigurationError ? error.message : String(error);
    process.stderr.write(`migrate failed: ${message}\n`);
    process.exit(1);
  },
);
