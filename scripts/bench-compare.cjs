/* global URL, fetch, setTimeout */
/**
 * Companion search side by side (never part of `npm test`): the API against the hand-written
 * Fastify + `pg` server of scripts/bench-raw-search.cjs, on one database, same key, same data.
 *
 *   DATABASE_URL=postgres://…/postgres npm run bench:compare
 *
 * Creates (or reuses) the database BENCH_DATABASE (eventstuffer_bench_compare) on that server,
 * migrates and seeds it (scripts/seed-bench.cjs), prints every scenario's exact match count,
 * starts both servers, then measures in BENCH_ROUNDS rounds (3): in each round every scenario
 * runs on every server back to back (the order alternates between rounds), (a) autocannon at 32
 * connections for BENCH_DURATION seconds (5) and (b) a constant offered load of BENCH_RATE req/s
 * (100) from the open-model generator of scripts/bench-load.cjs. Figures are medians over the
 * rounds, so load from other jobs on the machine hits both servers alike; the load average is
 * printed at the start and the end. BENCH_DROP_DATABASE=1 drops the database at the end.
 *
 * BENCH_BASELINE_DIR: the root of another built checkout (e.g. an extracted and built `main`):
 * its API joins the rounds as a third server, on the same database (for before/after figures).
 * Other knobs: BENCH_SCENARIOS (indexes), BENCH_COMPANIONS (100000), BENCH_API_PORT (3099),
 * BENCH_RAW_PORT (3098), BENCH_BASELINE_PORT (3097).
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync, readdirSync, readlinkSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { constantRate } = require('./bench-load.cjs');
const { seedBench } = require('./seed-bench.cjs');
const { migrate, createReaderKey, COMPANIONS } = require('./bench.cjs');
const { SCENARIOS } = require('./bench.cjs');

const root = join(__dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const DATABASE = process.env.BENCH_DATABASE ?? 'eventstuffer_bench_compare';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error('BENCH_DATABASE: a plain identifier');
if (!process.env.DATABASE_URL) throw new Error('bench:compare needs DATABASE_URL (a server)');

function databaseUrl(name) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql) {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Spawns a server process and waits for its /health/ready. */
async function startServer(name, command, port, env) {
  const child = spawn(process.execPath, command, {
    cwd: env.cwd ?? root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env.vars },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const started = Date.now();
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) {
        console.log(`${name}: ready in ${Date.now() - started} ms on ${base}`);
        return {
          name,
          base,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not become ready`);
}

function apiEnvironment(url) {
  return {
    // As `npm run bench`: production would need Stripe keys and HTTPS-only session cookies.
    NODE_ENV: 'development',
    SESSION_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    DEMO_DATA: 'false',
    RATE_LIMIT_API_KEY: '100000000',
  };
}

/** Exact number of listed profiles each scenario matches (no cap), straight from SQL. */
async function matchCounts(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const counts = [];
  try {
    for (const scenario of SCENARIOS) {
      const r = scenario.request;
      const conditions = [`status = 'active'`, 'user_active'];
      const values = [];
      const bind = (value) => `$${values.push(value)}`;
      if (r.location) {
        const p = bind(`%${r.location}%`);
        conditions.push(`city_id IN (SELECT ci.id FROM cities ci JOIN countries co
          ON co.id = ci.country_id WHERE ci.name ILIKE ${p} OR co.name ILIKE ${p})`);
      }
      if (r.service) {
        conditions.push(`service_type_ids && ARRAY(SELECT id FROM service_types
          WHERE name ILIKE ${bind(`%${r.service}%`)})`);
      }
      if (r.minPrice !== undefined)
        conditions.push(`hourly_rate_cents >= ${bind(Math.round(r.minPrice * 100))}`);
      if (r.maxPrice !== undefined)
        conditions.push(`hourly_rate_cents <= ${bind(Math.round(r.maxPrice * 100))}`);
      if (r.date) {
        conditions.push(`NOT EXISTS (SELECT 1 FROM companion_blocked_dates b
          WHERE b.companion_id = companion_profiles.id AND b.blocked_on = ${bind(r.date)}::date)`);
      }
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM companion_profiles WHERE ${conditions.join(' AND ')}`,
        values,
      );
      counts.push(rows[0].n);
    }
    const { rows } = await client.query(
      `SELECT count(*)::int AS profiles,
              count(*) FILTER (WHERE status = 'active' AND user_active)::int AS listed,
              count(DISTINCT hourly_rate_cents)::int AS rates
         FROM companion_profiles`,
    );
    return { counts, ...rows[0] };
  } finally {
    await client.end();
  }
}

/** CPU time (user + system) a process has used so far, in microseconds (Linux /proc). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime in 1/100 s
}

/** Local TCP ports of a process's sockets (its pooled connections among them), from /proc. */
function localPortsOf(pid) {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && inodes.has(fields[9]))
        ports.add(parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}

/**
 * CPU time used so far by the PostgreSQL backends serving a server process (matched by the
 * client ports of its connections), by backend pid: the database's share of a request's cost.
 */
async function backendCpuMicros(url, pid) {
  const ports = localPortsOf(pid);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT pid, client_port FROM pg_stat_activity WHERE client_port = ANY($1::int[])',
      [[...ports]],
    );
    return new Map(rows.map((row) => [row.pid, cpuMicros(row.pid)]));
  } finally {
    await client.end();
  }
}

/** Backend CPU between two snapshots (a backend that appeared in between counts from zero). */
function backendCpuBetween(before, after) {
  let total = 0;
  for (const [pid, micros] of after) total += micros - (before.get(pid) ?? 0);
  return total;
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

async function main() {
  const { rowCount } = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`);
  if (!rowCount) await adminQuery(`CREATE DATABASE ${DATABASE}`);
  const url = databaseUrl(DATABASE);
  const dataSource = await migrate(url);
  await dataSource.destroy();
  await seedBench(url, COMPANIONS);
  const data = await matchCounts(url);
  console.log(
    `data: ${data.profiles} profiles, ${data.listed} listed, ${data.rates} distinct hourly rates`,
  );
  SCENARIOS.forEach((scenario, index) =>
    console.log(`  match count ${scenario.name}: ${data.counts[index]}`),
  );

  const servers = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  const rows = new Map();
  try {
    servers.push(
      await startServer('api', ['dist/src/main.js'], Number(process.env.BENCH_API_PORT ?? 3099), {
        vars: apiEnvironment(url),
      }),
    );
    servers.push(
      await startServer(
        'raw',
        [join(__dirname, 'bench-raw-search.cjs')],
        Number(process.env.BENCH_RAW_PORT ?? 3098),
        { vars: { DATABASE_URL: url } },
      ),
    );
    if (process.env.BENCH_BASELINE_DIR) {
      servers.push(
        await startServer(
          'baseline',
          ['dist/src/main.js'],
          Number(process.env.BENCH_BASELINE_PORT ?? 3097),
          { cwd: process.env.BENCH_BASELINE_DIR, vars: apiEnvironment(url) },
        ),
      );
    }
    const headers = { authorization: (await createReaderKey(servers[0].base, url)).authorization };
    const only = process.env.BENCH_SCENARIOS?.split(',').map(Number);
    const scenarios = SCENARIOS.map((scenario, index) => ({ ...scenario, index })).filter(
      ({ index }) => !only || only.includes(index),
    );
    console.log(`load average at start (1/5/15 min): ${load()}`);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const scenario of scenarios) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          const target = `${server.base}/api/v1/companions${scenario.query ? `?${scenario.query}` : ''}`;
          const check = await fetch(target, { headers });
          if (!check.ok)
            throw new Error(
              `${server.name} ${scenario.name}: HTTP ${check.status} ${await check.text()}`,
            );
          const { total } = await check.json();
          await run({ url: target, headers, connections: 32, duration: 1 }); // warm-up
          const backendsBefore = await backendCpuMicros(url, server.pid);
          const cpuBefore = cpuMicros(server.pid);
          const throughput = await run({
            url: target,
            headers,
            connections: 32,
            duration: DURATION,
          });
          const cpu = (cpuMicros(server.pid) - cpuBefore) / throughput.requests.total;
          const backendCpu =
            backendCpuBetween(backendsBefore, await backendCpuMicros(url, server.pid)) /
            throughput.requests.total;
          const fixed = await constantRate({
            rate: RATE,
            durationSeconds: DURATION,
            request: () => ({ url: target, headers }),
          });
          const key = `${scenario.index}|${server.name}`;
          const row = rows.get(key) ?? {
            scenario,
            server: server.name,
            total,
            rps: [],
            p99: [],
            cpu: [],
            dbCpu: [],
            errors: 0,
          };
          row.rps.push(Math.round(throughput.requests.average));
          row.p99.push(fixed.p99);
          row.cpu.push(Math.round(cpu));
          row.dbCpu.push(Math.round(backendCpu));
          row.errors += throughput.errors + throughput.non2xx + fixed.errors + fixed.non2xx;
          rows.set(key, row);
          console.log(
            `round ${round + 1} ${scenario.name} ${server.name}: ${row.rps.at(-1)} req/s @32, ${row.cpu.at(-1)} µs CPU/request (PostgreSQL ${row.dbCpu.at(-1)}), p99 ${fixed.p99} ms @${RATE}/s (load ${load()})`,
          );
        }
      }
    }
    console.log(`load average at end (1/5/15 min): ${load()}`);
  } finally {
    await stopAll();
    if (process.env.BENCH_DROP_DATABASE) {
      await adminQuery(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      console.log(`dropped database ${DATABASE}`);
    }
  }
  const table = [];
  for (const scenario of SCENARIOS) {
    const api = rows.get(`${SCENARIOS.indexOf(scenario)}|api`);
    if (!api) continue;
    const raw = rows.get(`${SCENARIOS.indexOf(scenario)}|raw`);
    const baseline = rows.get(`${SCENARIOS.indexOf(scenario)}|baseline`);
    table.push({
      scenario: scenario.name,
      matches: data.counts[SCENARIOS.indexOf(scenario)],
      total: api.total,
      ...(baseline ? { 'baseline req/s': median(baseline.rps) } : {}),
      'api req/s': median(api.rps),
      'raw req/s': median(raw.rps),
      'api/raw': Math.round((median(api.rps) / median(raw.rps)) * 100) / 100,
      ...(baseline ? { 'baseline µs CPU/req': median(baseline.cpu) } : {}),
      'api µs CPU/req': median(api.cpu),
      'raw µs CPU/req': median(raw.cpu),
      ...(baseline ? { 'baseline µs PG CPU/req': median(baseline.dbCpu) } : {}),
      'api µs PG CPU/req': median(api.dbCpu),
      'raw µs PG CPU/req': median(raw.dbCpu),
      ...(baseline ? { 'baseline p99': median(baseline.p99) } : {}),
      [`api p99 ms @${RATE}/s`]: median(api.p99),
      [`raw p99 ms @${RATE}/s`]: median(raw.p99),
      errors: api.errors + raw.errors + (baseline?.errors ?? 0),
    });
  }
  console.log(`\nmedians of ${ROUNDS} rounds, ${DURATION} s runs:`);
  console.table(table);
}

main().catch((error) => {
  console.error(`bench:compare failed: ${error.stack ?? error}`);
  process.exit(1);
});
