import { rmSync } from 'node:fs';
import { quoteIdentifier, withAdminClient } from './test-database-server';

/** Drops every database this run created and stops the embedded server, if one was started. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__testRun;
  if (!state) return;
  await withAdminClient(state.adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
      [`es_test_${state.runId}_%`, `es_template_${state.runId}`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
  if (state.embedded) await state.embedded.stop();
  if (state.embeddedDirectory) rmSync(state.embeddedDirectory, { recursive: true, force: true });
}
