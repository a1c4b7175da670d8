/**
 * Webhooks benchmark (never part of `npm test`):
 *
 *   npm run bench:webhooks                        # embedded PostgreSQL in .data/bench
 *   DATABASE_URL=postgres://… npm run bench:webhooks
 *
 * Five local receivers (plain HTTP servers in this process, answering 200) are registered as
 * endpoints of one Enterprise client subscribed to every event. Booking events naming that client
 * are committed at BENCH_EVENT_RATE (200) per second for BENCH_DURATION (30) seconds, each one
 * INSERT into the outbox in its own transaction (what a booking change commits), sent on an
 * open-model schedule. Commit-to-receipt latency is measured per event and receiver, from the
 * moment the INSERT's COMMIT returned to the moment the receiver read the body; afterwards the
 * bench waits up to BENCH_DRAIN_SECONDS (60) for stragglers, then reports p50/p99 of what arrived,
 * deliveries still missing then (queued or lost: the database says which) and duplicates
 * (received more than once). Exit 1 if any is missing.
 * Load-insensitive figures beside the latencies: the API process's CPU time and the database's
 * committed transactions per delivery (over the whole run, drain included), and the receivers'
 * busiest second.
 * The API child runs with WEBHOOK_ALLOW_INSECURE / WEBHOOK_ALLOW_PRIVATE (development mode).
 */
/* global Buffer, fetch, performance, setTimeout */
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { Pool } = require('pg');
const { provideDatabase, migrate, startApi, createReaderKey } = require('./bench.cjs');

const RATE = Number(process.env.BENCH_EVENT_RATE ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 5);
const DRAIN_S = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);

/** User + system CPU of a process, in ms (Linux /proc; null elsewhere). */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function commitsOf(pool) {
  const { rows } = await pool.query(
    'SELECT xact_commit::bigint AS commits FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].commits);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startReceiver(index, received) {
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const key = `${index}:${id}`;
      const times = received.get(key);
      if (times) times.push(at);
      else received.set(key, [at]);
      response.writeHead(200).end('ok');
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/hook/${index}` };
}

async function main() {
  const database = await provideDatabase();
  const dataSource = await migrate(database.url);
  // Each run starts clean: no endpoints (their deliveries go with them) or fan-out cursor of an
  // earlier run (whose secrets were sealed with another run's key); the cursor starts again at
  // the API's start. Jobs of the former per-attempt queue, if any, are dropped too.
  await dataSource.query('DELETE FROM webhook_endpoints');
  await dataSource.query(`DELETE FROM pgboss.job WHERE name = 'webhooks.deliver'`).catch(() => 0);
  await dataSource.query(`DELETE FROM event_consumers WHERE name = 'webhooks.fan-out'`);
  await dataSource.destroy();
  const received = new Map();
  const receivers = [];
  for (let index = 0; index < RECEIVERS; index += 1) {
    receivers.push(await startReceiver(index, received));
  }
  const api = await startApi(database.url, {
    WEBHOOK_ALLOW_INSECURE: 'true',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_WEBHOOK_MANAGEMENT: '1000',
  });
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const endpointIds = [];
  let failed = false;
  try {
    const owner = await createReaderKey(api.base, database.url, ['read'], 'webhooks');
    const { rows } = await pool.query('SELECT id FROM users WHERE lower(email) = $1', [
      owner.email,
    ]);
    const ownerId = rows[0].id;
    for (const receiver of receivers) {
      const response = await fetch(`${api.base}/api/webhooks`, {
        method: 'POST',
        headers: { ...owner, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url, events: ['*'] }),
      });
      if (response.status !== 201) throw new Error(`register: ${response.status}`);
      endpointIds.push((await response.json()).id);
    }
    // Let the fan-out cursor exist past the set-up.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const committed = new Map();
    const total = RATE * DURATION_S;
    const cpuBefore = cpuMsOf(api.pid);
    const commitsBefore = await commitsOf(pool);
    const interval = 1000 / RATE;
    const started = performance.now();
    let late = 0;
    const sends = [];
    for (let n = 0; n < total; n += 1) {
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (wait < -5) late += 1;
      sends.push(
        pool
          .query(
            `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version,
               payload, occurred_at)
             VALUES ('booking.created', 'booking', $1, 1, $2, now()) RETURNING id::text`,
            [
              String(n + 1),
              JSON.stringify({ client_user_id: ownerId, created_by_user_id: ownerId }),
            ],
          )
          .then((result) => committed.set(`evt_${result.rows[0].id}`, performance.now())),
      );
    }
    await Promise.all(sends);
    const sendSeconds = (performance.now() - started) / 1000;
    const expected = committed.size * RECEIVERS;
    const deadline = performance.now() + DRAIN_S * 1000;
    const countReceived = () => {
      let count = 0;
      for (const [key] of received) if (committed.has(key.slice(key.indexOf(':') + 1))) count += 1;
      return count;
    };
    while (countReceived() < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const cpuAfter = cpuMsOf(api.pid);
    // The statistics collector reports with a delay of up to a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const commitsAfter = await commitsOf(pool);
    const perSecond = new Map();
    for (const [, times] of received) {
      const second = Math.floor((times[0] - started) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const latencies = [];
    let duplicates = 0;
    let lost = 0;
    for (const [eventId, at] of committed) {
      for (let index = 0; index < RECEIVERS; index += 1) {
        const times = received.get(`${index}:${eventId}`);
        if (!times) {
          lost += 1;
          continue;
        }
        duplicates += times.length - 1;
        latencies.push(times[0] - at);
      }
    }
    latencies.sort((a, b) => a - b);
    const result = {
      database: database.description,
      events: committed.size,
      receivers: RECEIVERS,
      offered_rate: RATE,
      achieved_rate: Math.round(committed.size / sendSeconds),
      late_sends: late,
      deliveries_expected: expected,
      received: latencies.length,
      missing_after_drain: lost,
      duplicates,
      p50_ms: Math.round(percentile(latencies, 50)),
      p99_ms: Math.round(percentile(latencies, 99)),
      max_ms: Math.round(latencies.at(-1) ?? NaN),
      target_p99_ms: 1000,
      peak_arrivals_per_s: Math.max(0, ...perSecond.values()),
      api_cpu_ms_per_delivery:
        cpuBefore === null ? null : Number(((cpuAfter - cpuBefore) / expected).toFixed(3)),
      // Minus the bench's own event inserts (one transaction each).
      db_commits_per_delivery: Number(
        ((commitsAfter - commitsBefore - committed.size) / expected).toFixed(2),
      ),
    };
    console.log(JSON.stringify(result, null, 2));
    failed = lost > 0;
  } finally {
    await api.stop();
    for (const id of endpointIds) {
      await pool.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]).catch(() => undefined);
    }
    await pool.end();
    for (const receiver of receivers) receiver.server.close();
    await database.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
