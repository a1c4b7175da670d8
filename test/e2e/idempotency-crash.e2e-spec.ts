import { Client } from 'pg';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { ChildServer, spawnServer } from '../support/child-server';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * CONTRACT §4.5: a server that dies mid-request must not leave its Idempotency-Key claimed, or
 * every retry of the client would get 409 for 24 hours.
 */
describe('Idempotency-Key after a crash mid-request', () => {
  let testApp: TestApp;
  let companion: TestCompanion;
  let client: TestUser;
  let child: ChildServer | undefined;
  let blocker: Client | undefined;

  beforeAll(async () => {
    testApp = await startTestApp();
    companion = await createCompanion(testApp);
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await child?.crash();
    await blocker?.end();
    await testApp.close();
  });

  /** The same settings as the in-process app, so sessions and data are shared. */
  const childEnvironment = (): Record<string, string> => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testApp.database.url,
    DATABASE_POOL_SIZE: '3',
    DATABASE_RUN_MIGRATIONS: 'false',
    DEMO_DATA: 'false',
    SESSION_SECRET: testApp.configuration.auth.sessionSecret,
    PASSWORD_HASH_MEMORY_KIB: '4096',
  });

  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async function backendsWaitingOnALock(): Promise<number[]> {
    const rows: Array<{ pid: number }> = await testApp.dataSource.query(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows.map((row) => row.pid);
  }

  it('lets the client retry the key successfully once the crashed request is gone', async () => {
    const body = {
      companion_id: companion.id,
      event_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      start_time: '18:00',
      duration_hours: 3,
      service_type: 'Event Hostess',
      location: 'Messe Berlin',
      customer_email: client.email,
    };
    const headers = {
      ...client.headers,
      'content-type': 'application/json',
      'idempotency-key': 'crash-retry-1',
    };
    child = await spawnServer(childEnvironment());

    // Hold the booking insert, so that the child's request is caught in the middle.
    blocker = new Client({ connectionString: testApp.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE bookings IN SHARE ROW EXCLUSIVE MODE');
    const cutOff = fetch(`${child.url}/api/v1/bookings`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    }).catch((error: unknown) => error);
    await until(async () => (await backendsWaitingOnALock()).length === 1);
    const [childBackend] = await backendsWaitingOnALock();

    await child.crash();
    expect(String(await cutOff)).toMatch(/fetch failed/);
    await blocker.query('ROLLBACK');
    // The dead process's backend finishes its statement, finds its client gone and ends.
    await until(async () => {
      const [{ alive }] = await testApp.dataSource.query(
        'SELECT count(*)::int AS alive FROM pg_stat_activity WHERE pid = $1',
        [childBackend],
      );
      return alive === 0;
    });

    const retry = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers,
      payload: body,
    });
    expect(retry.statusCode).toBe(201);
    const replay = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers,
      payload: body,
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(retry.json());
    const [{ bookings }] = await testApp.dataSource.query(
      'SELECT count(*)::int AS bookings FROM bookings',
    );
    expect(bookings).toBe(1);
  }, 30_000);
});
