import { randomBytes } from 'node:crypto';
import { databaseUrl, quoteIdentifier, TEST_ENV, withAdminClient } from './test-database-server';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run end-to-end tests through Jest's e2e project`);
  return value;
}

/** A fresh database cloned from the migrated template: this test file's rows only. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required(TEST_ENV.adminUrl);
  const template = required(TEST_ENV.template);
  const name = `es_test_${required(TEST_ENV.runId)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
  );
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      }),
  };
}
