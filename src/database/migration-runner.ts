import { DataSource, MigrationExecutor } from 'typeorm';

/** Any constant works; it only has to be the same for every instance of the service. */
const MIGRATION_LOCK_KEY = 7_314_202_611;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several instances starting
 * together run each migration exactly once (TypeORM itself takes no lock).
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // On the connection that holds the lock: with a pool of one, a second connection would wait
    // for the first forever.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
