import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedDatabase } from '../../src/database/embedded-database';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { runMigrationsExclusively } from '../../src/database/migration-runner';
import { databaseUrl, quoteIdentifier, TEST_ENV, withAdminClient } from './test-database-server';

export interface TestRunState {
  adminUrl: string;
  runId: string;
  embedded?: EmbeddedDatabase;
  embeddedDirectory?: string;
}

declare global {
  var __testRun: TestRunState | undefined;
}

/**
 * Provides one PostgreSQL for the whole run (DATABASE_URL, else an embedded server) and a migrated
 * template database that each test file clones into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const state = await provideServer(runId);
  const template = `es_template_${runId}`;
  await withAdminClient(state.adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(template)}`),
  );
  const dataSource = new DataSource(
    buildDataSourceOptions(databaseUrl(state.adminUrl, template), 2),
  );
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource);
  await dataSource.destroy();

  process.env[TEST_ENV.adminUrl] = state.adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
  globalThis.__testRun = state;
}

async function provideServer(runId: string): Promise<TestRunState> {
  const external = process.env.DATABASE_URL;
  if (external) return { adminUrl: external, runId };
  const embeddedDirectory = join(__dirname, '..', '..', '.data', `test-${runId}`);
  const embedded = new EmbeddedDatabase({
    directory: join(embeddedDirectory, 'postgres'),
    port: await freePort(),
    databaseName: 'postgres',
  });
  await embedded.start();
  return { adminUrl: embedded.url, runId, embedded, embeddedDirectory };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
