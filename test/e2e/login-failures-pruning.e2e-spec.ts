import { PruneLoginFailuresUseCase } from '../../src/modules/identity/application/prune-login-failures.use-case';
import { ManualClock } from '../support/manual-clock';
import { startTestApp, TestApp } from '../support/test-app';

/** Failed logins older than their 15-minute window (CONTRACT §2.2) are deleted periodically. */
describe('pruning login_failures', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ clock });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('deletes the failures outside the window and keeps those that still count', async () => {
    await testApp.dataSource.query(
      `INSERT INTO login_failures (email, client_ip, failed_at) VALUES
         ('old@example.test', '10.0.0.1', '2026-06-01T11:00:00Z'),
         ('old@example.test', '10.0.0.1', '2026-06-01T11:44:59Z'),
         ('recent@example.test', '10.0.0.2', '2026-06-01T11:45:01Z'),
         ('recent@example.test', '10.0.0.2', '2026-06-01T11:59:00Z')`,
    );
    expect(await testApp.app.get(PruneLoginFailuresUseCase).execute()).toBe(2);
    const rows = await testApp.dataSource.query(
      'SELECT email FROM login_failures ORDER BY failed_at',
    );
    expect(rows).toEqual([{ email: 'recent@example.test' }, { email: 'recent@example.test' }]);
  });

  it('runs at start and keeps exactly one next run queued, 15 minutes later', async () => {
    const states = async () =>
      (
        await testApp.dataSource.query(
          `SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed,
                  count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
                  count(*) FILTER (WHERE state = 'active')::int AS active,
                  bool_and(start_after > now() + interval '14 minutes')
                    FILTER (WHERE state = 'created') AS later
             FROM pgboss.job WHERE name = 'identity.prune-login-failures'`,
        )
      )[0];
    let seen = await states();
    for (let attempt = 0; attempt < 100 && (seen.completed < 1 || seen.active > 0); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await states();
    }
    expect(seen).toEqual({ completed: 1, queued: 1, active: 0, later: true });
  });
});
