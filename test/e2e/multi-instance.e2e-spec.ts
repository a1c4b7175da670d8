import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { migrations } from '../../src/database/migrations';
import { MIGRATIONS_TABLE } from '../../src/database/data-source-options';
import { freePort, MainServer, spawnMainServer } from '../support/child-server';
import { closeAllSockets, connectSocket, nextEvent } from '../support/sockets';
import { TEST_DATA_ENCRYPTION_KEY } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { WebhookReceiver } from '../support/webhook-receiver';
import {
  databaseUrl,
  quoteIdentifier,
  TEST_ENV,
  withAdminClient,
} from '../support/test-database-server';

/**
 * Two instances of the real server (src/main.ts, each its own process) on one PostgreSQL and one
 * Redis behave as one: what one instance writes or counts, the other sees at once. Requests go
 * to each instance directly, as a load balancer would send them.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) {
  console.warn(
    'SKIPPED: the multi-instance test needs Redis (shared rate limits); set REDIS_URL to run it.',
  );
}

jest.setTimeout(180_000);

const SESSION_LIMIT = 6;
const SESSION_SECRET = `multi-instance-${randomBytes(24).toString('hex')}`;
const PASSWORD = 'correct horse battery staple';

function instanceEnvironment(database: string, redisKeyPrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database,
    DATABASE_POOL_SIZE: '4',
    DATABASE_RUN_MIGRATIONS: 'false',
    DEMO_DATA: 'false',
    SESSION_SECRET,
    PASSWORD_HASH_MEMORY_KIB: '4096',
    REDIS_URL: redisUrl!,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    RATE_LIMIT_SESSION: String(SESSION_LIMIT),
    RATE_LIMIT_API_KEY: '100000',
    RATE_LIMIT_ANONYMOUS: '100000',
    RATE_LIMIT_BOOKING_CREATION: '100000',
    SHUTDOWN_TIMEOUT_MS: '60000',
    WEBHOOK_ALLOW_INSECURE: 'true',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
  };
}

/** Polls until `condition` holds; fails naming `what` if it still does not after a minute. */
async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const giveUpAt = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startTogether(env: Record<string, string>): Promise<MainServer[]> {
  const ports = [await freePort(), await freePort()];
  const started = await Promise.allSettled(ports.map((port) => spawnMainServer(env, port)));
  const servers = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.crash()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return servers;
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl!);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

interface Session {
  id: number;
  email: string;
  headers: Record<string, string>;
}

const json = { 'content-type': 'application/json' };

async function call(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, ...json },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectStatus(response: Response, status: number) {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

let accounts = 0;

async function signUp(base: string, role: 'client' | 'staff' = 'client'): Promise<Session> {
  accounts += 1;
  const email = `cluster-${role}-${accounts}-${randomBytes(3).toString('hex')}@example.test`;
  await expectStatus(
    await call(
      base,
      'POST',
      '/auth/register',
      {},
      {
        email,
        password: PASSWORD,
        first_name: 'Test',
        last_name: 'User',
        role,
      },
    ),
    201,
  );
  return logIn(base, email);
}

async function logIn(base: string, email: string): Promise<Session> {
  const response = await call(base, 'POST', '/auth/login', {}, { email, password: PASSWORD });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('connect.sid='));
  const body = await expectStatus(response, 200);
  return {
    id: body.user.id,
    email,
    headers: { cookie: cookie!, 'x-csrf-token': body.csrf_token },
  };
}

describeWithRedis(
  `two instances on one PostgreSQL and one Redis${redisUrl ? '' : ' — SKIPPED: no REDIS_URL'}`,
  () => {
    describe('starting at once on an empty database', () => {
      const name = `es_test_${process.env[TEST_ENV.runId]}_cluster_${randomBytes(3).toString('hex')}`;
      const adminUrl = () => process.env[TEST_ENV.adminUrl]!;
      const prefix = `test-${randomBytes(4).toString('hex')}:`;
      let servers: MainServer[] = [];

      afterAll(async () => {
        await Promise.all(servers.map((server) => server.crash()));
        await withAdminClient(adminUrl(), (client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
        );
        await deleteRedisKeys(prefix);
      });

      it('applies every migration exactly once, and both instances serve', async () => {
        await withAdminClient(adminUrl(), (client) =>
          client.query(`CREATE DATABASE ${quoteIdentifier(name)}`),
        );
        const url = databaseUrl(adminUrl(), name);
        servers = await startTogether({
          ...instanceEnvironment(url, prefix),
          DATABASE_RUN_MIGRATIONS: 'true',
        });
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query(
            `SELECT name, count(*)::int AS runs FROM ${MIGRATIONS_TABLE} GROUP BY name ORDER BY name`,
          );
          expect(rows).toEqual(
            migrations
              .map((migration) => ({ name: migration.name, runs: 1 }))
              .sort((a, b) => a.name.localeCompare(b.name)),
          );
          const { rows: queueVersions } = await client.query('SELECT version FROM pgboss.version');
          expect(queueVersions).toHaveLength(1);
        } finally {
          await client.end();
        }
        for (const server of servers) {
          await expectStatus(await fetch(`${server.url}/health/ready`), 200);
        }
        expect(await Promise.all(servers.map((server) => server.stop()))).toEqual([0, 0]);
      });
    });

    describe('serving one database', () => {
      let database: TestDatabase;
      let db: Client;
      let a: MainServer;
      let b: MainServer;
      const prefix = `test-${randomBytes(4).toString('hex')}:`;

      beforeAll(async () => {
        database = await createTestDatabase();
        db = new Client({ connectionString: database.url });
        await db.connect();
        [a, b] = await startTogether(instanceEnvironment(database.url, prefix));
      });

      afterAll(async () => {
        await Promise.all([a, b].filter(Boolean).map((server) => server.crash()));
        await db?.end();
        await database?.drop();
        await deleteRedisKeys(prefix);
      });

      async function apiKey(base: string, owner: Session, permissions: string[]) {
        await db.query(`UPDATE users SET subscription_tier = 'enterprise' WHERE id = $1`, [
          owner.id,
        ]);
        const created = await expectStatus(
          await call(base, 'POST', '/api/keys', owner.headers, { name: 'cluster', permissions }),
          201,
        );
        return { id: created.id as number, headers: { authorization: `Bearer ${created.key}` } };
      }

      /** A staff member with an active, bookable profile (completed in the database). */
      async function bookableCompanion(): Promise<number> {
        const staff = await signUp(a.url, 'staff');
        await db.query(`INSERT INTO countries (name) VALUES ('Germany') ON CONFLICT DO NOTHING`);
        await db.query(
          `INSERT INTO cities (country_id, name)
           SELECT id, 'Berlin' FROM countries WHERE name = 'Germany' ON CONFLICT DO NOTHING`,
        );
        await db.query(
          `INSERT INTO service_types (name) VALUES ('Event Hostess') ON CONFLICT DO NOTHING`,
        );
        const { rows } = await db.query(
          `UPDATE companion_profiles SET
             status = 'active', first_name = 'Maria', hourly_rate_cents = 4500,
             timezone = 'Europe/Berlin',
             city_id = (SELECT id FROM cities WHERE name = 'Berlin' LIMIT 1),
             service_type_ids = ARRAY(SELECT id FROM service_types WHERE name = 'Event Hostess')
           WHERE user_id = $1 RETURNING id`,
          [staff.id],
        );
        return rows[0].id;
      }

      const bookingRequest = (companionId: number, customer: Session, day: number) => ({
        companion_id: companionId,
        event_date: new Date(Date.now() + (30 + day) * 86_400_000).toISOString().slice(0, 10),
        start_time: '18:00',
        duration_hours: 3,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: customer.email,
      });

      it(`shares the rate limit: ${SESSION_LIMIT} requests pass across both, the next gets 429 on either`, async () => {
        const member = await signUp(a.url);
        const answers: Array<[number, string | null]> = [];
        for (let i = 0; i < SESSION_LIMIT + 2; i += 1) {
          const response = await call([a, b][i % 2].url, 'GET', '/auth/me', member.headers);
          await response.text();
          answers.push([response.status, response.headers.get('x-ratelimit-remaining')]);
        }
        expect(answers).toEqual([
          ...Array.from({ length: SESSION_LIMIT }, (_, i) => [200, String(SESSION_LIMIT - 1 - i)]),
          [429, '0'],
          [429, '0'],
        ]);
      });

      it('refuses on B, at its next request, a key revoked on A', async () => {
        const owner = await signUp(a.url);
        const key = await apiKey(a.url, owner, ['read']);
        await expectStatus(await call(b.url, 'GET', '/auth/me', key.headers), 200);
        await expectStatus(await call(a.url, 'DELETE', `/api/keys/${key.id}`, owner.headers), 200);
        const refused = await expectStatus(await call(b.url, 'GET', '/auth/me', key.headers), 401);
        expect(refused).toEqual({ error: 'Invalid API key' });
        await expectStatus(await call(a.url, 'GET', '/auth/me', key.headers), 401);
      });

      it('accepts on B a session created on A (its CSRF token too), and ends it on both', async () => {
        const member = await signUp(a.url);
        const me = await expectStatus(await call(b.url, 'GET', '/auth/me', member.headers), 200);
        expect(me.user.email).toBe(member.email);
        await expectStatus(await call(b.url, 'POST', '/auth/logout', member.headers), 200);
        await expectStatus(await call(a.url, 'GET', '/auth/me', member.headers), 401);
      });

      it('runs a due scheduled job exactly once, whichever instance takes it', async () => {
        const companionId = await bookableCompanion();
        const customer = await signUp(a.url);
        const key = await apiKey(a.url, customer, ['read', 'book']);
        const ids: number[] = [];
        for (let day = 0; day < 8; day += 1) {
          const created = await expectStatus(
            await call(
              [a, b][day % 2].url,
              'POST',
              '/api/v1/bookings',
              key.headers,
              bookingRequest(companionId, customer, day),
            ),
            201,
          );
          ids.push(created.booking.id);
        }
        // Make the requests overdue and their expiry jobs due now; both instances poll the queue.
        await db.query(
          `UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = ANY($1)`,
          [ids],
        );
        const { rowCount } = await db.query(
          `UPDATE pgboss.job SET start_after = now()
            WHERE name = 'bookings.expire-pending' AND state = 'created'
              AND (data->>'bookingId')::int = ANY($1)`,
          [ids],
        );
        expect(rowCount).toBe(ids.length);
        await until('the expiry jobs to complete', async () => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS open FROM pgboss.job
              WHERE name = 'bookings.expire-pending' AND state <> 'completed'
                AND (data->>'bookingId')::int = ANY($1)`,
            [ids],
          );
          return rows[0].open === 0;
        });
        const { rows: jobs } = await db.query(
          `SELECT (data->>'bookingId')::int AS booking, retry_count
             FROM pgboss.job WHERE name = 'bookings.expire-pending'
              AND (data->>'bookingId')::int = ANY($1)`,
          [ids],
        );
        expect(jobs.map((job) => job.booking).sort()).toEqual([...ids].sort());
        expect(jobs.every((job) => job.retry_count === 0)).toBe(true);
        const { rows: events } = await db.query(
          `SELECT aggregate_id::int AS booking, count(*)::int AS times FROM domain_events
            WHERE type = 'booking.expired' AND aggregate_id = ANY($1::text[])
            GROUP BY aggregate_id`,
          [ids.map(String)],
        );
        expect(events.map((event) => [event.booking, event.times]).sort()).toEqual(
          ids.map((id) => [id, 1]).sort(),
        );
        const { rows: bookings } = await db.query(
          `SELECT DISTINCT status, cancelled_by FROM bookings WHERE id = ANY($1)`,
          [ids],
        );
        expect(bookings).toEqual([{ status: 'cancelled', cancelled_by: 'system' }]);
      });

      it('sends each webhook delivery once, though both instances work the queue', async () => {
        const receiver = await WebhookReceiver.start();
        try {
          const owner = await signUp(a.url);
          await db.query(`UPDATE users SET subscription_tier = 'enterprise' WHERE id = $1`, [
            owner.id,
          ]);
          const hook = await expectStatus(
            await call(b.url, 'POST', '/api/webhooks', owner.headers, {
              url: receiver.url('/cluster'),
              events: ['*'],
            }),
            201,
          );
          receiver.trust('/cluster', hook.secret);
          // Both instances' fan-out and delivery workers are woken by these commits.
          const events = 60;
          for (let index = 0; index < events; index += 1) {
            await db.query(
              `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version,
                 payload, occurred_at)
               VALUES ('booking.created', 'booking', $1, 1, $2, now())`,
              [String(index + 1), JSON.stringify({ client_user_id: owner.id })],
            );
          }
          await until('every delivery to be recorded', async () => {
            const { rows } = await db.query(
              `SELECT count(*)::int AS done FROM webhook_deliveries
                WHERE endpoint_id = $1 AND status = 'succeeded'`,
              [hook.id],
            );
            return rows[0].done === events;
          });
          // Recorded means sent: a second send would have had to happen before the record.
          const received = receiver.at('/cluster');
          expect(received).toHaveLength(events);
          expect(new Set(received.map((delivery) => delivery.json.id)).size).toBe(events);
          expect(received.every((delivery) => delivery.verified.reference)).toBe(true);
          expect(
            received.map((delivery) => Number(delivery.json.sequence)).sort((x, y) => x - y),
          ).toEqual(Array.from({ length: events }, (_, index) => index + 1));
          const { rows: attempts } = await db.query(
            `SELECT DISTINCT attempts FROM webhook_deliveries WHERE endpoint_id = $1`,
            [hook.id],
          );
          expect(attempts).toEqual([{ attempts: 1 }]);
        } finally {
          await receiver.close();
        }
      });

      it('delivers to a socket on B a message sent through A', async () => {
        const staff = await signUp(b.url, 'staff');
        const client = await signUp(a.url);
        const socket = await connectSocket(b.url, { cookie: staff.headers.cookie });
        try {
          const pushed = nextEvent<{ content: string; sender_id: number }>(socket, 'new_message');
          await expectStatus(
            await call(a.url, 'POST', `/messages/send/${staff.id}`, client.headers, {
              content: 'Are you free on the 12th?',
            }),
            201,
          );
          expect(await pushed).toMatchObject({
            content: 'Are you free on the 12th?',
            sender_id: client.id,
          });
        } finally {
          closeAllSockets();
        }
      });

      it('drops no in-flight request when A stops with SIGTERM under load', async () => {
        const companionId = await bookableCompanion();
        const customer = await signUp(b.url);
        const key = await apiKey(b.url, customer, ['read', 'book']);

        // Requests that A has accepted and is still working on when the signal arrives: their
        // booking insert waits on a lock that this test holds.
        const blocker = new Client({ connectionString: database.url });
        await blocker.connect();
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE bookings IN SHARE ROW EXCLUSIVE MODE');
        const held = [0, 1, 2].map((day) =>
          call(a.url, 'POST', '/api/v1/bookings', key.headers, {
            ...bookingRequest(companionId, customer, 20 + day),
          }).then(
            async (response) => ({ status: response.status, body: await response.text() }),
            (error: unknown) => ({ status: 0, body: String(error) }),
          ),
        );
        await until('the held requests to wait on the lock', async () => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].waiting === held.length;
        });

        // Steady searches through a balancer that, like nginx, sends a GET refused by a
        // stopping instance (no connection, or 503) to the other one.
        const served = { a: 0, b: 0, retried: 0 };
        const failures: string[] = [];
        let loading = true;
        let turn = 0;
        const search = async (): Promise<void> => {
          turn += 1;
          const order = turn % 2 === 0 ? [a, b] : [b, a];
          for (const [index, server] of order.entries()) {
            try {
              const response = await call(server.url, 'GET', '/api/v1/companions', key.headers);
              const text = await response.text();
              if (response.status === 503 && index === 0) {
                served.retried += 1;
                continue;
              }
              if (response.status !== 200) failures.push(`${response.status} ${text}`);
              else served[server === a ? 'a' : 'b'] += 1;
              return;
            } catch (error) {
              if (index === 0) {
                served.retried += 1;
                continue;
              }
              failures.push(String(error));
              return;
            }
          }
        };
        const load = Array.from({ length: 4 }, async () => {
          while (loading && failures.length < 20) await search();
        });
        await until('both instances to serve searches', () => served.a >= 10 && served.b >= 10);

        const stopped = a.stop();
        // A stops taking new work while its held requests are still running.
        await until('A to refuse new requests', () =>
          fetch(`${a.url}/health`).then(
            (response) => response.status === 503,
            () => true,
          ),
        );
        const servedByBBefore = served.b;
        await blocker.query('ROLLBACK');
        await blocker.end();

        const answers = await Promise.all(held);
        expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
        expect(await stopped).toBe(0);
        await until('B to go on serving', () => served.b >= servedByBBefore + 20);
        loading = false;
        await Promise.all(load);
        expect(failures).toEqual([]);
        const { rows } = await db.query(
          `SELECT count(*)::int AS bookings FROM bookings WHERE companion_id = $1`,
          [companionId],
        );
        expect(rows[0].bookings).toBe(3);
      });
    });
  },
);
