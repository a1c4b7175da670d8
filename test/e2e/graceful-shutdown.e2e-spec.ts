import { request } from 'node:http';
import { ServiceProcess, startService } from '../support/service-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type Result =
  { kind: 'answered'; status: number } | { kind: 'refused' } | { kind: 'lost'; error: string };

/** One request on a connection of its own, as a client behind a load balancer would send it. */
function probe(url: string, path: string): Promise<Result> {
  return new Promise((resolve) => {
    const call = request(`${url}${path}`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ kind: 'answered', status: response.statusCode ?? 0 }));
      response.on('error', (error) => resolve({ kind: 'lost', error: String(error) }));
    });
    call.on('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED'
          ? { kind: 'refused' }
          : { kind: 'lost', error: String(error) },
      ),
    );
    call.end();
  });
}

/** A public read that queries the database (the local gateway's page of an unknown checkout: 404). */
const LOAD_PATH = '/payments/local/checkout/cs_unknown';

/**
 * SIGTERM while 200 requests per second arrive (each reading the database), sent the way a load
 * balancer sends them: it checks readiness every 100 ms and sends no new connection to the
 * instance once readiness answered 503. The server drains (SHUTDOWN_DRAIN_MS: readiness 503,
 * still listening and serving), then closes its listener and finishes what is in flight: every
 * request is answered.
 * (A client that ignores readiness and connects until the listener closes can see ECONNRESET on
 * a connection still in the kernel's accept queue at that instant: the kernel resets those.)
 */
describe('graceful shutdown under load', () => {
  let database: TestDatabase;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      expect(await service.exited).toBe(0);
    }
    await database.drop();
  });

  it('loses no request at 200 requests per second', async () => {
    service = await startService({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      DATABASE_RUN_MIGRATIONS: 'false',
      DATABASE_POOL_SIZE: '5',
      DEMO_DATA: 'false',
      SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
      RATE_LIMIT_ANONYMOUS: '1000000',
      SHUTDOWN_DRAIN_MS: '3000',
    });
    const { url } = service;
    const before: Array<Promise<Result>> = [];
    const after: Array<Promise<Result>> = [];
    let signalled = false;
    let outOfRotation = false;
    const checks: Array<Promise<Result>> = [];
    // 200 per second: one every 5 ms for 3 s, SIGTERM after 1.55 s (between two readiness checks);
    // none once out of rotation.
    for (let tick = 0; tick < 600; tick += 1) {
      if (tick % 20 === 0 && !outOfRotation) {
        checks.push(
          probe(url, '/health/ready').then((result) => {
            if (result.kind !== 'answered' || result.status !== 200) outOfRotation = true;
            return result;
          }),
        );
      }
      if (!outOfRotation) (signalled ? after : before).push(probe(url, LOAD_PATH));
      if (tick === 310) {
        service.child.kill('SIGTERM');
        signalled = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const sentBefore = await Promise.all(before);
    const sentAfter = await Promise.all(after);
    const checked = await Promise.all(checks);
    expect(await service.exited).toBe(0);
    expect(checked.at(-1)).toEqual({ kind: 'answered', status: 503 });

    const lost = [...sentBefore, ...sentAfter].filter((result) => result.kind === 'lost');
    expect(lost).toEqual([]);
    // Every request is answered, before the signal and while the server drained (the unknown
    // checkout's 404): none is refused, reset or cut off. Requests did arrive while it drained.
    for (const result of [...sentBefore, ...sentAfter]) {
      expect(result).toEqual({ kind: 'answered', status: 404 });
    }
    expect(sentAfter.length).toBeGreaterThan(0);
    if (process.env.SHUTDOWN_STATS) {
      const all = [...sentBefore, ...sentAfter];
      const count = (kind: string, status?: number) =>
        all.filter(
          (r) =>
            r.kind === kind &&
            (status === undefined || (r.kind === 'answered' && r.status === status)),
        ).length;
      console.log(
        `Graceful shutdown: ${all.length} requests (${sentAfter.length} after SIGTERM), ` +
          `${count('answered', 404)} answered, ${count('refused')} refused, ${lost.length} lost`,
      );
    }
  }, 120_000);
});
