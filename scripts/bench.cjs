/* global URL, fetch, setTimeout */
/**
 * Companion search benchmark (never part of `npm test`):
 *
 *   npm run bench                       # embedded PostgreSQL in .data/bench, 100,000 profiles
 *   DATABASE_URL=postgres://… npm run bench   # a server you provide (database eventstuffer_bench)
 *
 * Seeds the data set (scripts/seed-bench.cjs; kept between runs), starts the built API in a
 * child process, prints the EXPLAIN plan of every scenario's search query (failing if any
 * seq-scans companion_profiles), then measures each scenario (a) with autocannon at 32
 * connections for throughput and (b) at a constant offered load of 100 req/s: an open-model
 * generator (scripts/bench-load.cjs) sends one request every 10 ms and measures each latency
 * from the request's scheduled send time.
 *
 * Environment: BENCH_SCENARIOS (indexes, e.g. '0,5'), BENCH_LOG_LEVEL (warn), BENCH_API_NODE_ARGS (node flags of the API child), BENCH_EXPLAIN_ONLY (set: stop after the plans), BENCH_COMPANIONS (100000), BENCH_DURATION seconds (10), BENCH_RATE (100),
 * BENCH_DATABASE (eventstuffer_bench), BENCH_AUTH_HEADERS (JSON headers of an authenticated
 * reader, e.g. '{"authorization":"Bearer ps_…"}'), BENCH_STATS_BOOKINGS (100000; 0 skips the
 * operators' statistics range).
 *
 * The operators' statistics range: BENCH_STATS_BOOKINGS bookings of the same staff, created over
 * the past year with their ledger entries (scripts/seed-bench-bookings.cjs), then
 * GET /api/admin/stats over the whole year and over the last 30 days, through an admin's key.
 */
require('reflect-metadata');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { constantRate } = require('./bench-load.cjs');
const { seedBench } = require('./seed-bench.cjs');
const { seedBenchBookings } = require('./seed-bench-bookings.cjs');

const root = join(__dirname, '..');
const dist = (path) => require(join(root, 'dist', 'src', path));

const COMPANIONS = Number(process.env.BENCH_COMPANIONS ?? 100000);
const STATS_BOOKINGS = Number(process.env.BENCH_STATS_BOOKINGS ?? 100000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3099);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const DATABASE = process.env.BENCH_DATABASE ?? 'eventstuffer_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error('BENCH_DATABASE: a plain identifier');

const SCENARIOS = [
  { name: 'no filter', query: '', request: {}, target: 600 },
  {
    name: 'location=city12',
    query: 'location=city12',
    request: { location: 'city12' },
    target: 400,
  },
  {
    name: 'service=bartender',
    query: 'service=bartender',
    request: { service: 'bartender' },
    target: 200,
  },
  {
    name: 'price 40–60',
    query: 'min_price=40&max_price=60',
    request: { minPrice: 40, maxPrice: 60 },
    target: 700,
  },
  {
    name: 'date=2026-06-10',
    query: 'date=2026-06-10',
    request: { date: '2026-06-10' },
    target: 250,
  },
  {
    name: 'all combined',
    query: 'location=country3&service=dj&min_price=30&max_price=120&date=2026-06-10',
    request: {
      location: 'country3',
      service: 'dj',
      minPrice: 30,
      maxPrice: 120,
      date: '2026-06-10',
    },
    target: 150,
  },
  {
    name: 'page=200&limit=50',
    query: 'page=200&limit=50',
    request: { page: 200, limit: 50 },
    target: 120,
  },
];

async function provideDatabase() {
  if (process.env.DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${DATABASE}`;
    return { url: url.toString(), stop: async () => undefined, description: 'DATABASE_URL' };
  }
  const { EmbeddedDatabase } = dist('database/embedded-database');
  const embedded = new EmbeddedDatabase({
    directory: join(root, '.data', 'bench', 'postgres'),
    port: Number(process.env.BENCH_DATABASE_PORT ?? 54339),
    databaseName: DATABASE,
  });
  await embedded.start();
  return { url: embedded.url, stop: () => embedded.stop(), description: 'embedded PostgreSQL 18' };
}

async function migrate(url) {
  const { buildDataSourceOptions } = dist('database/data-source-options');
  const { runMigrationsExclusively } = dist('database/migration-runner');
  const dataSource = new DataSource(buildDataSourceOptions(url, 2));
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource);
  return dataSource;
}

/** Runs the real search SQL through EXPLAIN by handing the reader a context that explains. */
async function explainScenarios(dataSource) {
  const { PostgresCompanionSearchReader } = dist(
    'modules/companions/infrastructure/persistence/postgres-companion-search.reader',
  );
  const { toSearchCriteria } = dist('modules/companions/domain/search-criteria');
  let failures = 0;
  for (const scenario of SCENARIOS) {
    const plans = [];
    const query = async (sql, parameters) => {
      if (!/FROM companion_profiles WHERE/.test(sql)) return dataSource.query(sql, parameters);
      const rows = await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, parameters);
      plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
      return [{ total: 0, id: null }];
    };
    const explaining = { manager: () => ({ query }), queryPrepared: query };
    await new PostgresCompanionSearchReader(explaining).search(
      toSearchCriteria(scenario.request),
      [],
    );
    const seqScan = plans.some((plan) => /Seq Scan on companion_profiles/.test(plan));
    if (seqScan) failures += 1;
    console.log(
      `\n--- EXPLAIN ${scenario.name}: ${seqScan ? 'SEQ SCAN of companion_profiles!' : 'no seq scan of companion_profiles'}`,
    );
    plans.forEach((plan) => console.log(plan));
  }
  return failures;
}

async function startApi(url, extraEnv = {}, port = API_PORT) {
  // BENCH_API_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/profiles', profiles the API.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      SESSION_SECRET: randomBytes(24).toString('hex'),
      // Request logging (two JSON lines per request at info) is measured separately: README.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      PORT: String(port),
      // The bench is one key hammering the API: lift its hourly budget above the run's volume.
      RATE_LIMIT_API_KEY: '100000000',
      HOST: '127.0.0.1',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    // Exited (port in use?): never measure whatever else answers on that port.
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/health/ready`);
      if (response.ok)
        return {
          base,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('The API did not become ready');
}

/** Registers a client, makes it an Enterprise subscriber and creates an API key with `read`. */
async function createReaderKey(base, url, permissions = ['read'], label = 'reader') {
  const email = `bench-${label}-${Date.now()}-${randomBytes(3).toString('hex')}@bench.eventstuffer.test`;
  const password = 'bench reader password';
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${base}/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      email,
      password,
      first_name: 'Bench',
      last_name: 'Reader',
      role: 'client',
    }),
  });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`UPDATE users SET subscription_tier = 'enterprise' WHERE lower(email) = $1`, [
    email,
  ]);
  await client.end();
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrf_token: csrfToken } = await login.json();
  const created = await fetch(`${base}/api/keys`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', permissions }),
  });
  if (created.status !== 201) throw new Error(`API key: ${created.status} ${await created.text()}`);
  return { authorization: `Bearer ${(await created.json()).key}`, email };
}

/** An API key of an administrator: a reader whose account is then made an admin. */
async function createAdminKey(base, url) {
  const { authorization, email } = await createReaderKey(base, url, ['read'], 'operator');
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`UPDATE users SET role = 'admin' WHERE lower(email) = $1`, [email]);
  await client.end();
  return { authorization };
}

/** GET /api/admin/stats over the seeded year and over its last 30 days. */
async function benchStats(base, url) {
  const headers = await createAdminKey(base, url);
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const rows = [];
  for (const [name, from] of [
    ['stats, 1 year', day(-366)],
    ['stats, 30 days', day(-30)],
  ]) {
    const statsUrl = `${base}/api/admin/stats?from=${from}&to=${day(0)}`;
    const check = await fetch(statsUrl, { headers });
    if (!check.ok) throw new Error(`${name}: HTTP ${check.status} ${await check.text()}`);
    const { bookings } = await check.json();
    await run({ url: statsUrl, headers, connections: 4, duration: 2 }); // warm-up
    const throughput = await run({ url: statsUrl, headers, connections: 4, duration: DURATION });
    rows.push({
      scenario: name,
      total: bookings.total,
      'req/s @4': Math.round(throughput.requests.average),
      'p50 ms @4': throughput.latency.p50,
      'p99 ms @4': throughput.latency.p99,
      errors: throughput.errors + throughput.non2xx,
    });
  }
  return rows;
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main() {
  const database = await provideDatabase();
  console.log(`bench: ${database.description}, ${COMPANIONS} profiles, ${DURATION} s per run`);
  const dataSource = await migrate(database.url);
  await seedBench(database.url, COMPANIONS);
  if (STATS_BOOKINGS > 0) await seedBenchBookings(database.url, STATS_BOOKINGS);
  const seqScans = await explainScenarios(dataSource);
  await dataSource.destroy();
  if (process.env.BENCH_EXPLAIN_ONLY) {
    await database.stop();
    if (seqScans > 0) process.exitCode = 1;
    return;
  }
  const api = await startApi(database.url);
  const headers = process.env.BENCH_AUTH_HEADERS
    ? JSON.parse(process.env.BENCH_AUTH_HEADERS)
    : { authorization: (await createReaderKey(api.base, database.url)).authorization };
  const rows = [];
  try {
    const only = process.env.BENCH_SCENARIOS?.split(',').map(Number);
    for (const scenario of SCENARIOS.filter((_, index) => !only || only.includes(index))) {
      const url = `${api.base}/api/v1/companions${scenario.query ? `?${scenario.query}` : ''}`;
      const check = await fetch(url, { headers });
      if (!check.ok)
        throw new Error(`${scenario.name}: HTTP ${check.status} ${await check.text()}`);
      const { total } = await check.json();
      await run({ url, headers, connections: 32, duration: 2 }); // warm-up
      const throughput = await run({ url, headers, connections: 32, duration: DURATION });
      const fixed = await constantRate({
        rate: RATE,
        durationSeconds: DURATION,
        request: () => ({ url, headers }),
      });
      rows.push({
        scenario: scenario.name,
        total,
        'req/s @32': Math.round(throughput.requests.average),
        target: scenario.target,
        'p50 ms @32': throughput.latency.p50,
        'p99 ms @32': throughput.latency.p99,
        [`p50 ms @${RATE}/s`]: fixed.p50,
        [`p99 ms @${RATE}/s`]: fixed.p99,
        [`max ms @${RATE}/s`]: fixed.max,
        'late sends': fixed.lateSends,
        errors: throughput.errors + throughput.non2xx + fixed.errors + fixed.non2xx,
      });
    }
    if (STATS_BOOKINGS > 0) rows.push(...(await benchStats(api.base, database.url)));
  } finally {
    await api.stop();
    await database.stop();
  }
  console.log('');
  console.table(rows);
  if (seqScans > 0) {
    console.error(`${seqScans} scenario(s) seq-scan companion_profiles`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench failed: ${error.stack ?? error}`);
    process.exit(1);
  });
}

module.exports = {
  provideDatabase,
  migrate,
  startApi,
  createReaderKey,
  dist,
  COMPANIONS,
  SCENARIOS,
};
