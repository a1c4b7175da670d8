import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { TransactionContext } from '../../src/shared/database/transaction-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The per-request reads (search, API-key authentication) run as named prepared statements on the
 * pool, so that PostgreSQL parses them once per connection and may keep their plan; inside a
 * transaction they run on the transaction's connection and see its uncommitted writes.
 */
describe('TransactionContext.queryPrepared', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let context: TransactionContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: every statement below runs on it, so its prepared statements are visible.
    dataSource = new DataSource(buildDataSourceOptions(database.url, 1));
    await dataSource.initialize();
    context = new TransactionContext(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('prepares the statement once on the connection and reuses it', async () => {
    const sql = `SELECT count(*)::int AS n FROM countries WHERE name LIKE $1 /* prepared-probe */`;
    await dataSource.query(`INSERT INTO countries (name) VALUES ('Probeland')`);
    expect(await context.queryPrepared(sql, ['Probe%'])).toEqual([{ n: 1 }]);
    expect(await context.queryPrepared(sql, ['No such country%'])).toEqual([{ n: 0 }]);
    const prepared: Array<{ calls: number }> = await dataSource.query(
      `SELECT generic_plans + custom_plans AS calls FROM pg_prepared_statements
        WHERE statement LIKE '%prepared-probe%' AND statement NOT LIKE '%pg_prepared_statements%'`,
    );
    expect(prepared).toEqual([{ calls: '2' }]);
  });

  it("runs on the transaction's connection inside a transaction", async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO countries (name) VALUES ('Uncommitted land')`);
      const rows = await context.runWith(manager, () =>
        context.queryPrepared<{ n: number }>(
          `SELECT count(*)::int AS n FROM countries WHERE name = $1`,
          ['Uncommitted land'],
        ),
      );
      expect(rows).toEqual([{ n: 1 }]);
    });
  });
});
