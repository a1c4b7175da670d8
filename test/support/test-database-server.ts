import { Client } from 'pg';

/** Names that the global set-up hands to every test worker through the environment. */
export const TEST_ENV = {
  adminUrl: 'TEST_DATABASE_ADMIN_URL',
  template: 'TEST_DATABASE_TEMPLATE',
  runId: 'TEST_RUN_ID',
} as const;

export function databaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export async function withAdminClient<T>(
  adminUrl: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}
