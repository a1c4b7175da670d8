/**
 * Scale-out benchmark (never part of `npm test`): the search and booking scenarios against one
 * instance of the API, then against two instances on the same PostgreSQL (and Redis, when
 * REDIS_URL is set: shared rate limits, as in production), reporting throughput, the ratio two/one
 * and p50/p99. On a machine with few cores expect little gain; the point is that nothing breaks
 * and p99 does not degrade.
 *
 *   npm run bench:cluster                          # embedded PostgreSQL in .data/bench
 *   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run bench:cluster
 *
 * The load generator balances like a round-robin load balancer: connection i goes to instance
 * i mod n, closed loop at BENCH_CONNECTIONS in total. Search: GET /api/v1/companions (no filter,
 * and location + service) for BENCH_DURATION seconds. Booking: BENCH_BOOKINGS POST
 * /api/v1/bookings, each with its own Idempotency-Key, across BENCH_STAFF staff members (every
 * slot distinct; each configuration books its own days). Uses the search bench's data set.
 *
 * Environment: BENCH_DURATION seconds (10), BENCH_CONNECTIONS (32), BENCH_BOOKINGS (2000),
 * BENCH_STAFF (500), BENCH_CLIENTS (8), BENCH_ROUNDS (1: one→two runs, alternated). The
 * instances listen on free ports.
 */
require('reflect-metadata');
const http = require('node:http');
const net = require('node:net');
const { randomBytes, randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { seedBench } = require('./seed-bench.cjs');
const { send, summarize } = require('./bench-load.cjs');
const { provideDatabase, migrate, startApi, createReaderKey, COMPANIONS } = require('./bench.cjs');

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 2000);
const STAFF = Number(process.env.BENCH_STAFF ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CLIENT_EMAILS = 'bench-cluster-%@bench.eventstuffer.test';

const SEARCHES = [
  { name: 'search: no filter', query: '' },
  { name: 'search: location + service', query: 'location=city12&service=bartender' },
];

function isoDay(offsetDays) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A port nobody listens on now (other benchmarks may run on this machine). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `count` instances on one database (and one Redis when REDIS_URL is set). */
async function startInstances(url, count, shared) {
  const instances = [];
  try {
    for (let i = 0; i < count; i += 1) {
      instances.push(await startApi(url, shared, await freePort()));
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw error;
  }
  return instances;
}

/** Closed loop: `connections` workers, worker i on instance i mod n, until `more()` says stop. */
async function closedLoop(instances, connections, more, request) {
  const agents = instances.map(() => new http.Agent({ keepAlive: true, maxSockets: connections }));
  const latencies = [];
  const statuses = new Map();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const target = worker % instances.length;
      for (let i = more(); i !== null; i = more()) {
        const options = request(instances[target].base, i);
        const sentAt = performance.now();
        const { status } = await send(agents[target], options.url, options);
        latencies.push(performance.now() - sentAt);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agents.forEach((agent) => agent.destroy());
  return { seconds, statuses, ...summarize(latencies) };
}

function forSeconds(seconds) {
  const until = performance.now() + seconds * 1000;
  let i = 0;
  return () => (performance.now() < until ? i++ : null);
}

function times(count) {
  let i = 0;
  return () => (i < count ? i++ : null);
}

async function bookableStaff(client) {
  const { rows } = await client.query(
    `SELECT p.id, st.name AS service
       FROM companion_profiles p
       JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'
       JOIN service_types st ON st.id = p.service_type_ids[1]
      WHERE p.status = 'active' AND p.user_active
      ORDER BY p.id LIMIT $1`,
    [STAFF],
  );
  return rows;
}

async function measure(label, instances, staff, bookers, dayOffset) {
  const reader = bookers[0];
  const rows = [];
  for (const search of SEARCHES) {
    const path = `/api/v1/companions${search.query ? `?${search.query}` : ''}`;
    const request = (base) => ({
      url: `${base}${path}`,
      headers: { authorization: reader.authorization },
    });
    await closedLoop(instances, CONNECTIONS, forSeconds(2), request); // warm-up
    const result = await closedLoop(instances, CONNECTIONS, forSeconds(DURATION), request);
    rows.push({ scenario: search.name, instances: label, ...result });
  }
  const perStaff = Math.ceil(BOOKINGS / staff.length);
  if (perStaff > 8) throw new Error('Too many bookings per staff member: raise BENCH_STAFF');
  const booking = (base, i) => {
    const member = staff[i % staff.length];
    const booker = bookers[i % bookers.length];
    return {
      url: `${base}/api/v1/bookings`,
      method: 'POST',
      headers: {
        authorization: booker.authorization,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        companion_id: member.id,
        event_date: isoDay(dayOffset),
        start_time: `${String(6 + 2 * Math.floor(i / staff.length)).padStart(2, '0')}:00`,
        duration_hours: 2,
        service_type: member.service,
        location: 'Bench hall, Main street 1',
        customer_email: booker.email,
      }),
    };
  };
  const result = await closedLoop(instances, CONNECTIONS, times(BOOKINGS), booking);
  rows.push({ scenario: 'booking creation', instances: label, ...result });
  return rows.map((row) => ({
    ...row,
    perSecond: Math.round(
      (row.statuses.get(row.scenario === 'booking creation' ? 201 : 200) ?? 0) / row.seconds,
    ),
    failures: [...row.statuses]
      .filter(([status]) => status < 200 || status >= 300)
      .reduce((sum, [, n]) => sum + n, 0),
  }));
}

async function main() {
  const database = await provideDatabase();
  const dataSource = await migrate(database.url);
  await dataSource.destroy();
  await seedBench(database.url, COMPANIONS);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `DELETE FROM bookings WHERE client_user_id IN (SELECT id FROM users WHERE email LIKE $1)`,
    [CLIENT_EMAILS],
  );
  const staff = await bookableStaff(client);
  const redisUrl = process.env.REDIS_URL;
  const shared = {
    SESSION_SECRET: randomBytes(24).toString('hex'),
    RATE_LIMIT_BOOKING_CREATION: '100000000',
    RATE_LIMIT_API_KEY: '100000000',
    RATE_LIMIT_ANONYMOUS: '100000',
    ...(redisUrl
      ? {
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: `bench-cluster-${randomBytes(4).toString('hex')}:`,
        }
      : {}),
  };
  console.log(
    `bench:cluster: ${database.description}, ${COMPANIONS} profiles, ${CONNECTIONS} connections, ` +
      `${DURATION} s per search run, ${BOOKINGS} bookings per run, ` +
      (redisUrl
        ? 'rate limits shared through Redis'
        : 'no REDIS_URL: each instance counts its own rate limits'),
  );
  const results = [];
  // Bookable days reach a year ahead (a run books one day per configuration).
  let dayOffset = 100 + Math.floor(Math.random() * 200);
  try {
    const setup = await startInstances(database.url, 1, shared);
    const bookers = [];
    try {
      for (let i = 0; i < CLIENTS; i += 1) {
        bookers.push(
          await createReaderKey(setup[0].base, database.url, ['read', 'book'], 'cluster'),
        );
      }
    } finally {
      await Promise.all(setup.map((instance) => instance.stop()));
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const count of round % 2 === 0 ? [1, 2] : [2, 1]) {
        const instances = await startInstances(database.url, count, shared);
        try {
          dayOffset += 1;
          results.push(
            ...(await measure(count === 1 ? 'one' : 'two', instances, staff, bookers, dayOffset)),
          );
        } finally {
          await Promise.all(instances.map((instance) => instance.stop()));
        }
      }
    }
  } finally {
    await client.query(
      `DELETE FROM bookings WHERE client_user_id IN (SELECT id FROM users WHERE email LIKE $1)`,
      [CLIENT_EMAILS],
    );
    await client.end();
    await database.stop();
  }

  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  };
  const table = [];
  let failures = 0;
  for (const scenario of [...SEARCHES.map((search) => search.name), 'booking creation']) {
    const of = (label) =>
      results.filter((row) => row.scenario === scenario && row.instances === label);
    const one = of('one');
    const two = of('two');
    failures += [...one, ...two].reduce((sum, row) => sum + row.failures, 0);
    const oneRate = median(one.map((row) => row.perSecond));
    const twoRate = median(two.map((row) => row.perSecond));
    table.push({
      scenario,
      'req/s one': oneRate,
      'req/s two': twoRate,
      'two / one': Math.round((twoRate / oneRate) * 100) / 100,
      'p50 ms one': median(one.map((row) => row.p50)),
      'p50 ms two': median(two.map((row) => row.p50)),
      'p99 ms one': median(one.map((row) => row.p99)),
      'p99 ms two': median(two.map((row) => row.p99)),
      'non-2xx/errors': [...one, ...two].reduce((sum, row) => sum + row.failures, 0),
    });
  }
  console.log('');
  console.table(table);
  for (const row of results) {
    console.log(
      `${row.instances} instance(s), ${row.scenario}: ${JSON.stringify(Object.fromEntries(row.statuses))}`,
    );
  }
  if (failures > 0) {
    console.error(`${failures} request(s) failed or answered non-2xx`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench:cluster failed: ${error.stack ?? error}`);
  process.exit(1);
});
