import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TransactionContext } from '../../src/shared/database/transaction-context';
import { JobScheduler } from '../../src/shared/domain/job-scheduler';
import { TransactionRunner } from '../../src/shared/domain/transaction-runner';
import { EventOutbox } from '../../src/shared/events/event-outbox';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A job scheduled inside a transaction is written by TransactionContext.writeAtCommit: joined
 * with the transaction's other deferred writes (the outbox row, a stored response) as
 * data-modifying WITH queries of one statement. That works only while pg-boss's insert is a single
 * INSERT with no WITH of its own and no `$n` inside string literals: hence pg-boss is pinned to an
 * exact version, and an upgrade must pass this test.
 */
const QUEUE = 'bookings.expire-pending';
const root = join(__dirname, '..', '..');

describe('pg-boss on the one-statement commit path', () => {
  let testApp: TestApp;
  let transactions: TransactionRunner;
  let context: TransactionContext;
  let jobs: JobScheduler;
  let outbox: EventOutbox;

  beforeAll(async () => {
    testApp = await startTestApp();
    transactions = testApp.app.get(TransactionRunner);
    context = testApp.app.get(TransactionContext);
    jobs = testApp.app.get(JobScheduler);
    outbox = testApp.app.get(EventOutbox);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const event = (aggregateId: string) => ({
    type: 'probe.job-scheduled',
    aggregateType: 'probe',
    aggregateId,
    aggregateVersion: null,
    payload: {},
    actorUserId: null,
    occurredAt: new Date(),
  });

  const rowsFor = async (key: string) => {
    const [row] = await testApp.dataSource.query(
      `SELECT (SELECT count(*) FROM pgboss.job WHERE name = $1 AND singleton_key = $2)::int AS jobs,
              (SELECT count(*) FROM domain_events WHERE aggregate_id = $2)::int AS events`,
      [QUEUE, key],
    );
    return row;
  };

  it('is pinned to the exact version installed', () => {
    const declared = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies[
      'pg-boss'
    ];
    const installed = JSON.parse(
      readFileSync(join(root, 'node_modules', 'pg-boss', 'package.json'), 'utf8'),
    ).version;
    expect(declared).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(declared);
  });

  it('inserts a job with one plain INSERT that writeAtCommit can join', async () => {
    const deferred = jest.spyOn(context, 'writeAtCommit');
    try {
      await transactions.run(() =>
        jobs.schedule({ queue: QUEUE, data: { bookingId: -1 }, delaySeconds: 3600 }),
      );
      const [sql, parameters] = deferred.mock.calls.at(-1) as [string, unknown[]];
      expect(sql.trim()).toMatch(/^INSERT INTO pgboss\.job\b/);
      const literals = sql.match(/'(?:[^']|'')*'/g) ?? [];
      const outsideLiterals = sql.replace(/'(?:[^']|'')*'/g, "''");
      expect(literals.filter((literal) => /\$\d/.test(literal))).toEqual([]);
      expect(outsideLiterals).not.toContain(';');
      expect(outsideLiterals).not.toMatch(/\bWITH\s+(RECURSIVE\s+)?\w+\s+AS\b/i);
      const placeholders = [...outsideLiterals.matchAll(/\$(\d+)/g)].map(([, n]) => Number(n));
      expect(Math.max(...placeholders)).toBe(parameters.length);
    } finally {
      deferred.mockRestore();
    }
  });

  it('commits the job and the outbox row in one statement, and rolls both back together', async () => {
    const committed = `job-path-${Date.now()}`;
    let statementsWithJob: string[] = [];
    await transactions.run(async () => {
      const query = jest.spyOn(context.manager(), 'query');
      try {
        await outbox.append([event(committed)]);
        await jobs.schedule({
          queue: QUEUE,
          data: { bookingId: -1 },
          delaySeconds: 3600,
          singletonKey: committed,
        });
        await context.flushDeferredWrites();
        statementsWithJob = query.mock.calls
          .map(([sql]) => sql as string)
          .filter((sql) => sql.includes('pgboss.job'));
      } finally {
        query.mockRestore();
      }
    });
    expect(statementsWithJob).toHaveLength(1);
    expect(statementsWithJob[0]).toMatch(/^WITH w1 AS \(/);
    expect(statementsWithJob[0]).toContain('INSERT INTO domain_events');
    expect(await rowsFor(committed)).toEqual({ jobs: 1, events: 1 });

    const rolledBack = `${committed}-rolled-back`;
    await expect(
      transactions.run(async () => {
        await outbox.append([event(rolledBack)]);
        await jobs.schedule({
          queue: QUEUE,
          data: { bookingId: -1 },
          delaySeconds: 3600,
          singletonKey: rolledBack,
        });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await rowsFor(rolledBack)).toEqual({ jobs: 0, events: 0 });
  });
});
