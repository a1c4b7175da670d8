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
 * and location + service) for BENCH_DURATION seconds after BENCH_WARMUP seconds of the same.
 * Booking: BENCH_BOOKINGS POST /api/v1/bookings after BENCH_WARMUP_BOOKINGS of them, each with
 * its own Idempotency-Key, across BENCH_STAFF staff members (every slot distinct; each
 * configuration books its own days). Uses the search bench's data set. The warm-up matters more
 * with several instances: each one's JIT compiles the same code from 1/n of the traffic.
 *
 * Then the same scenarios at a constant offered load below saturation (the open-model generator
 * of scripts/bench-load.cjs, request i to instance i mod n): the unfiltered search at each of
 * BENCH_RATES req/s and booking creation at BENCH_BOOKING_RATE per second, BENCH_DURATION seconds
 * each. At saturation (closed loop) p99 is mostly queueing; at a constant load it shows what a
 * request costs when it does not wait behind 31 others.
 *
 * Every run also reports where the CPU went, per request: the instances (from /proc), PostgreSQL
 * (the backends connected to the bench database), the load generator itself (this process),
 * Redis and the rest of the machine (whatever else runs here), the time the instances' event
 * loops and the backends were runnable but waited for a core (/proc/<pid>/schedstat), and the
 * load average. The instances' CPU is also split into the main thread (the event loop) and the
 * helper threads (V8's compilers and garbage collector, libuv's pool), and every run counts the
 * transactions committed in the bench database and the Redis commands per request.
 *
 * Environment: BENCH_DURATION seconds (10), BENCH_CONNECTIONS (32), BENCH_BOOKINGS (2000),
 * BENCH_STAFF (500), BENCH_CLIENTS (8), BENCH_ROUNDS (1: one→two runs, alternated), BENCH_WARMUP
 * seconds (10; was 2), BENCH_WARMUP_BOOKINGS (500; was 0), BENCH_RATES ('100,300'; '' skips the
 * constant-load runs), BENCH_BOOKING_RATE (100; 0 skips), BENCH_INSTANCE_ENV (JSON environment
 * added to every instance, e.g. '{"DATABASE_POOL_SIZE":"10"}'), BENCH_POOL_TOTAL (unset; else each
 * of n instances gets DATABASE_POOL_SIZE = total / n), BENCH_DATABASE (eventstuffer_bench). The
 * instances listen on free ports. BENCH_CONFIGS ('one,two') lists the configurations, reversed
 * every other round; 'two-first' runs two instances but sends everything to the first, which shows
 * what a second instance costs by merely running. BENCH_SEARCHES ('0,1'; '' runs bookings only)
 * picks the closed-loop search scenarios.
 */
require('reflect-metadata');
const { readdirSync, readFileSync } = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const { randomBytes, randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const Redis = require('ioredis');
const { seedBench } = require('./seed-bench.cjs');
const { constantRate, send, summarize } = require('./bench-load.cjs');
const { provideDatabase, migrate, startApi, createReaderKey, COMPANIONS } = require('./bench.cjs');

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 2000);
const STAFF = Number(process.env.BENCH_STAFF ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const WARMUP_BOOKINGS = Number(process.env.BENCH_WARMUP_BOOKINGS ?? 500);
const RATES = (process.env.BENCH_RATES ?? '100,300').split(',').filter(Boolean).map(Number);
const BOOKING_RATE = Number(process.env.BENCH_BOOKING_RATE ?? 100);
const INSTANCE_ENV = JSON.parse(process.env.BENCH_INSTANCE_ENV ?? '{}');
/**
 * Configurations measured, in this order (reversed every other round): 'one' instance, 'two'
 * behind round robin, 'two-first' (two running, all traffic to the first: what a second instance
 * costs by merely running: its pollers, the notifications and Socket.io broadcasts it receives).
 */
const CONFIGS = (process.env.BENCH_CONFIGS ?? 'one,two').split(',').filter(Boolean);
/** Indexes into SEARCHES of the closed-loop search scenarios ('' runs bookings only). */
for (const label of CONFIGS) {
  if (!['one', 'two', 'two-first'].includes(label)) {
    throw new Error(`BENCH_CONFIGS: unknown configuration ${label} (one, two, two-first)`);
  }
}
const SEARCH_SCENARIOS = (process.env.BENCH_SEARCHES ?? '0,1').split(',').filter(Boolean);
const POOL_TOTAL = process.env.BENCH_POOL_TOTAL ? Number(process.env.BENCH_POOL_TOTAL) : null;
/** Slots per staff member and day: 2-hour bookings from 06:00 to 20:00. */
const SLOTS_PER_DAY = 8;
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
      const pool = POOL_TOTAL ? { DATABASE_POOL_SIZE: String(Math.floor(POOL_TOTAL / count)) } : {};
      instances.push(await startApi(url, { ...shared, ...pool }, await freePort()));
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw error;
  }
  return instances;
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time of a process (user + system) in ms; 0 when it has gone. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU time in ms of a process's threads other than its main thread: for a Node.js instance, V8's
 * compiler and garbage-collector helpers and libuv's thread pool (argon2, DNS, files).
 */
function helperThreadsCpuMs(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .filter((tid) => tid !== String(pid))
      .reduce((sum, tid) => {
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
          .split(') ')[1]
          .split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
      }, 0);
  } catch {
    return 0;
  }
}

/**
 * Time the process's main thread (an instance's event loop, a backend) spent runnable but waiting
 * for a core, in ms (/proc/<pid>/schedstat); 0 when it has gone or the kernel does not tell.
 */
function runQueueWaitMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine in ms (every core; idle and iowait excluded). */
function machineBusyMs() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user + nice + system + irq + softirq + steal) * CLOCK_TICK_MS;
}

/** CPU time of the Redis server in ms (INFO cpu), or 0 without Redis. */
async function redisCpuMs(redis) {
  if (!redis) return 0;
  const info = await redis.info('cpu');
  const seconds = (name) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1000;
}

/** Commands the Redis server has run so far (INFO commandstats), or 0 without Redis. */
async function redisCommands(redis) {
  if (!redis) return 0;
  const info = await redis.info('commandstats');
  return [...info.matchAll(/calls=(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** Transactions committed in the bench database so far (the statistics lag by up to 1 s). */
async function databaseCommits(client) {
  const { rows } = await client.query(
    `SELECT xact_commit::bigint AS commits FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0].commits);
}

async function databaseBackends(client) {
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.pid);
}

/**
 * Where the CPU goes while `run` runs: the instances, PostgreSQL's backends of this database
 * (the pools' and the job queue's), this process (the load generator) and everything else.
 */
async function withCpuAccounting({ client, redis }, instances, run) {
  // The statistics collector publishes a backend's counts at most once a second.
  await sleep(1100);
  const backendsBefore = await databaseBackends(client);
  const before = {
    redis: await redisCpuMs(redis),
    redisCommands: await redisCommands(redis),
    commits: await databaseCommits(client),
    api: instances.map((instance) => processCpuMs(instance.pid)),
    apiThreads: instances.map((instance) => helperThreadsCpuMs(instance.pid)),
    apiWait: instances.map((instance) => runQueueWaitMs(instance.pid)),
    backends: new Map(backendsBefore.map((pid) => [pid, processCpuMs(pid)])),
    backendsWait: new Map(backendsBefore.map((pid) => [pid, runQueueWaitMs(pid)])),
    generator: process.cpuUsage(),
    machine: machineBusyMs(),
    at: performance.now(),
  };
  const result = await run();
  const generatorUsage = process.cpuUsage(before.generator);
  const machine = machineBusyMs() - before.machine;
  const seconds = (performance.now() - before.at) / 1000;
  const api = instances.reduce(
    (sum, instance, i) => sum + processCpuMs(instance.pid) - before.api[i],
    0,
  );
  const apiThreads = instances.reduce(
    (sum, instance, i) => sum + helperThreadsCpuMs(instance.pid) - before.apiThreads[i],
    0,
  );
  const apiWait = instances.reduce(
    (sum, instance, i) => sum + runQueueWaitMs(instance.pid) - before.apiWait[i],
    0,
  );
  let postgres = 0;
  let postgresWait = 0;
  for (const pid of new Set([...backendsBefore, ...(await databaseBackends(client))])) {
    const now = processCpuMs(pid);
    // A backend that ended during the run (an idle pool connection closed) is lost: count 0.
    if (now > 0) postgres += now - (before.backends.get(pid) ?? 0);
    const waited = runQueueWaitMs(pid);
    if (waited > 0) postgresWait += waited - (before.backendsWait.get(pid) ?? 0);
  }
  const generator = (generatorUsage.user + generatorUsage.system) / 1000;
  const redisMs = (await redisCpuMs(redis)) - before.redis;
  const commands = (await redisCommands(redis)) - before.redisCommands;
  await sleep(1100);
  const commits = (await databaseCommits(client)) - before.commits;
  return {
    ...result,
    cpu: {
      api,
      apiThreads,
      apiWait,
      commits,
      redisCommands: commands,
      postgres,
      postgresWait,
      generator,
      redis: redisMs,
      machine,
      others: Math.max(0, machine - api - postgres - generator - redisMs),
      seconds,
      load: os.loadavg()[0],
    },
  };
}

/** Closed loop: `connections` workers, worker i on instance i mod n, until `more()` says stop. */
async function closedLoop(instances, connections, more, request) {
  const agents = instances.map(() => new http.Agent({ keepAlive: true, maxSockets: connections }));
  const latencies = [];
  const byInstance = instances.map(() => []);
  const statuses = new Map();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const target = worker % instances.length;
      for (let i = more(); i !== null; i = more()) {
        const options = request(instances[target].base, i);
        const sentAt = performance.now();
        const { status } = await send(agents[target], options.url, options);
        const latency = performance.now() - sentAt;
        latencies.push(latency);
        byInstance[target].push(latency);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agents.forEach((agent) => agent.destroy());
  const perInstance = byInstance.map((each) => summarize(each));
  return { seconds, statuses, perInstance, ...summarize(latencies) };
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

/** Booking `i` of a run on `dayOffset`: staff member i mod n, slot i div n of that day. */
function bookingRequest(staff, bookers, dayOffset) {
  return (base, i) => {
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
}

function checkBookingVolume(count, staff) {
  if (Math.ceil(count / staff.length) > SLOTS_PER_DAY) {
    throw new Error('Too many bookings per staff member and day: raise BENCH_STAFF');
  }
}

/** Closed-loop rows (saturation). */
async function measureSaturated(meters, { label, instances, targets }, staff, bookers, dayOffset) {
  const reader = bookers[0];
  const rows = [];
  for (const search of SEARCH_SCENARIOS.map((index) => SEARCHES[Number(index)])) {
    const path = `/api/v1/companions${search.query ? `?${search.query}` : ''}`;
    const request = (base) => ({
      url: `${base}${path}`,
      headers: { authorization: reader.authorization },
    });
    // Each instance compiles its own hot code, with 1/n of the traffic: a short warm-up leaves
    // two instances colder than one and charges their JIT work to the measurement.
    await closedLoop(targets, CONNECTIONS, forSeconds(WARMUP), request);
    const result = await withCpuAccounting(meters, instances, () =>
      closedLoop(targets, CONNECTIONS, forSeconds(DURATION), request),
    );
    rows.push({ scenario: search.name, instances: label, ...result });
  }
  checkBookingVolume(BOOKINGS, staff);
  checkBookingVolume(WARMUP_BOOKINGS, staff);
  await closedLoop(
    targets,
    CONNECTIONS,
    times(WARMUP_BOOKINGS),
    bookingRequest(staff, bookers, dayOffset + 2),
  );
  const result = await withCpuAccounting(meters, instances, () =>
    closedLoop(targets, CONNECTIONS, times(BOOKINGS), bookingRequest(staff, bookers, dayOffset)),
  );
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

/** Constant offered load (open model): request i goes to instance i mod n, like round robin. */
async function measureAtConstantLoad(
  meters,
  { label, instances, targets },
  staff,
  bookers,
  dayOffset,
) {
  const rows = [];
  const reader = bookers[0];
  const target = (i) => targets[i % targets.length].base;
  for (const rate of RATES) {
    const result = await withCpuAccounting(meters, instances, () =>
      constantRate({
        rate,
        durationSeconds: DURATION,
        request: (i) => ({
          url: `${target(i)}/api/v1/companions`,
          headers: { authorization: reader.authorization },
        }),
      }),
    );
    rows.push({ scenario: `search: no filter @ ${rate}/s`, instances: label, ...result });
  }
  if (BOOKING_RATE > 0) {
    const count = Math.round(BOOKING_RATE * DURATION);
    checkBookingVolume(count, staff);
    const booking = bookingRequest(staff, bookers, dayOffset);
    const result = await withCpuAccounting(meters, instances, () =>
      constantRate({
        rate: BOOKING_RATE,
        durationSeconds: DURATION,
        request: (i) => booking(target(i), i),
      }),
    );
    rows.push({ scenario: `booking creation @ ${BOOKING_RATE}/s`, instances: label, ...result });
  }
  return rows.map((row) => ({ ...row, failures: row.errors + row.non2xx }));
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
  const meters = { client, redis: redisUrl ? new Redis(redisUrl) : null };
  const shared = {
    ...INSTANCE_ENV,
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
        : 'no REDIS_URL: each instance counts its own rate limits') +
      (Object.keys(INSTANCE_ENV).length ? `, instances with ${JSON.stringify(INSTANCE_ENV)}` : ''),
  );
  console.log(
    `load average before: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const results = [];
  const steady = [];
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
      for (const label of round % 2 === 0 ? CONFIGS : [...CONFIGS].reverse()) {
        const instances = await startInstances(database.url, label === 'one' ? 1 : 2, shared);
        try {
          const config = {
            label,
            instances,
            targets: label === 'two-first' ? instances.slice(0, 1) : instances,
          };
          dayOffset += 3; // measured bookings, constant-load bookings, warm-up bookings
          results.push(...(await measureSaturated(meters, config, staff, bookers, dayOffset)));
          steady.push(
            ...(await measureAtConstantLoad(meters, config, staff, bookers, dayOffset + 1)),
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
    meters.redis?.disconnect();
    await database.stop();
  }

  // Of an even count, the mean of the middle two (the lower one alone favoured nobody but read
  // low: with BENCH_ROUNDS=2 it was the minimum).
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = (sorted.length - 1) / 2;
    const value = (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
    return Math.round(value * 10) / 10;
  };
  const failuresOf = (rows) => rows.reduce((sum, row) => sum + row.failures, 0);
  // Every configuration's runs count (two-first too), though the tables compare one and two.
  const failures = failuresOf([...results, ...steady]);
  const scenarios = (rows) =>
    [...new Set(rows.map((row) => row.scenario))].map((scenario) => {
      const runs = rows.filter((row) => row.scenario === scenario);
      const of = (label) => runs.filter((row) => row.instances === label);
      return { scenario, runs, one: of('one'), two: of('two') };
    });
  const table = [];
  for (const { scenario, runs, one, two } of scenarios(results)) {
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
      'non-2xx/errors': failuresOf(runs),
    });
  }
  console.log('');
  console.log(
    `At saturation (closed loop, ${CONNECTIONS} connections); medians of ${ROUNDS} round(s):`,
  );
  console.table(table);

  const constantTable = [];
  for (const { scenario, runs, one, two } of scenarios(steady)) {
    constantTable.push({
      scenario,
      'p50 ms one': median(one.map((row) => row.p50)),
      'p50 ms two': median(two.map((row) => row.p50)),
      'p99 ms one': median(one.map((row) => row.p99)),
      'p99 ms two': median(two.map((row) => row.p99)),
      'late sends': runs.reduce((sum, row) => sum + row.lateSends, 0),
      'non-2xx/errors': failuresOf(runs),
    });
  }
  if (constantTable.length > 0) {
    console.log('');
    console.log(`At a constant offered load (open model, latency from the scheduled send):`);
    console.table(constantTable);
  }

  console.log('');
  console.log(
    'CPU per run: ms per answered request of the instances, PostgreSQL (this database) and the ' +
      "load generator, and the time the instances' event loops and the backends spent runnable " +
      'but waiting for a core (wait); cores busy on average (of ' +
      `${os.cpus().length}) by them, by Redis and by everything else, and idle; 1-min load average at the end:`,
  );
  const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
  console.table(
    [...results, ...steady].map((row) => {
      const answered = row.count;
      const { cpu } = row;
      return {
        scenario: row.scenario,
        instances: row.instances,
        'api ms/req': round(cpu.api / answered, 2),
        'api helper threads ms/req': round(cpu.apiThreads / answered, 2),
        'api wait ms/req': round(cpu.apiWait / answered, 2),
        'pg ms/req': round(cpu.postgres / answered, 2),
        'pg wait ms/req': round(cpu.postgresWait / answered, 2),
        'gen ms/req': round(cpu.generator / answered, 2),
        'commits/req': round(cpu.commits / answered, 2),
        'redis cmds/req': round(cpu.redisCommands / answered, 2),
        'api cores': round(cpu.api / cpu.seconds / 1000, 2),
        'pg cores': round(cpu.postgres / cpu.seconds / 1000, 2),
        'gen cores': round(cpu.generator / cpu.seconds / 1000, 2),
        'redis cores': round(cpu.redis / cpu.seconds / 1000, 2),
        'other cores': round(cpu.others / cpu.seconds / 1000, 2),
        'idle cores': round(os.cpus().length - cpu.machine / cpu.seconds / 1000, 2),
        load: round(cpu.load, 2),
      };
    }),
  );
  console.log('Every run in order (other jobs on the machine show as "others"):');
  for (const row of [...results, ...steady]) {
    const perInstance = (row.perInstance ?? []).map((each) => `${each.p50}/${each.p99}`).join(', ');
    const others = Math.round((row.cpu.others / row.cpu.seconds / 1000) * 100) / 100;
    console.log(
      `${row.instances} instance(s), ${row.scenario}: ` +
        `${row.perSecond ? `${row.perSecond}/s, ` : ''}p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
        `others ${others} cores, load ${row.cpu.load.toFixed(2)}` +
        (row.statuses ? `; ${JSON.stringify(Object.fromEntries(row.statuses))}` : '') +
        (row.perInstance?.length > 1 ? `; p50/p99 ms by instance: ${perInstance}` : ''),
    );
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  if (failures > 0) {
    console.error(`${failures} request(s) failed or answered non-2xx`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`bench:cluster failed: ${error.stack ?? error}`);
  process.exit(1);
});
