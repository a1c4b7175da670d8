/**
 * Payments benchmark (never part of `npm test`):
 *
 *   npm run bench:payments                        # embedded PostgreSQL in .data/bench
 *   DATABASE_URL=postgres://… npm run bench:payments
 *
 * The API runs with the Stripe adapter pointed at the tests' fake Stripe server
 * (test/support/fake-stripe-server.ts, compiled here with swc), both on this machine. Accepted
 * bookings are made in SQL on the search bench's staff profiles (one booking per staff member,
 * far in the future), for one bench client with a `read`+`book` key.
 *
 * 1. Round trip (BENCH_ROUND_TRIPS, 300, at BENCH_ROUND_TRIP_CONCURRENCY, 8): POST …/pay →
 *    checkout_url; the fake Stripe page is paid; the signed `checkout.session.completed` event
 *    goes to POST /payments/stripe/webhook; GET …/:code shows `paid`. Latency from the pay
 *    request to the paid booking: p50, p99.
 * 2. Webhook throughput (BENCH_WEBHOOK_EVENTS, 3000, at BENCH_CONNECTIONS, 32): checkouts are
 *    opened first (not timed), then every session is paid and its signed event delivered, closed
 *    loop. Each event is real work: signature check, event id recorded, checkout completed,
 *    ledger charge, booking `paid` with its outbox event and auto-completion job, one transaction.
 *    Target >= 300 events/s. Afterwards SQL checks every booking is paid exactly once (exit 1 if
 *    not).
 */
require('reflect-metadata');
const http = require('node:http');
const Module = require('node:module');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { transformFileSync } = require('@swc/core');
const { seedBench } = require('./seed-bench.cjs');
const { send, summarize } = require('./bench-load.cjs');
const { provideDatabase, migrate, startApi, createReaderKey, COMPANIONS } = require('./bench.cjs');

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 300);
const ROUND_TRIP_CONCURRENCY = Number(process.env.BENCH_ROUND_TRIP_CONCURRENCY ?? 8);
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGET = 300;

/** The tests' fake Stripe server, compiled from TypeScript with swc (no build step of its own). */
function loadFakeStripe() {
  const file = join(__dirname, '..', 'test', 'support', 'fake-stripe-server.ts');
  const { code } = transformFileSync(file, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const compiled = new Module(file, module);
  compiled.filename = file;
  compiled.paths = Module._nodeModulePaths(join(__dirname, '..'));
  compiled._compile(code, file);
  return compiled.exports.FakeStripeServer;
}

/** Accepted bookings, one per bench staff member, each on its own day far ahead. */
async function makeAcceptedBookings(client, clientUserId, count) {
  const { rows } = await client.query(
    `WITH staff AS (
       SELECT p.id, p.user_id, p.timezone, p.hourly_rate_cents, st.name AS service,
              row_number() OVER (ORDER BY p.id) AS n
         FROM companion_profiles p
         JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'
         JOIN service_types st ON st.id = p.service_type_ids[1]
        WHERE p.status = 'active' AND p.user_active
        ORDER BY p.id LIMIT $2),
     slot AS (
       SELECT s.*, date_trunc('day', now()) + interval '400 days'
                   + (s.n % 300) * interval '1 day' + interval '10 hours' AS starts_at
         FROM staff s)
     INSERT INTO bookings (booking_code, companion_id, staff_user_id, client_user_id,
       created_by_user_id, status, event_date, start_time, duration_hours, timezone, starts_at,
       ends_at, service_type, location, cancellation_insurance, hourly_rate_cents,
       subtotal_cents, insurance_fee_cents, total_cents, currency, cancellation_policy,
       payment_status, expires_at, version, created_at, updated_at)
     SELECT 'PS-' || upper(substr(md5(random()::text || s.n), 1, 8)), s.id, s.user_id, $1, $1,
            'accepted', (s.starts_at AT TIME ZONE 'UTC')::date, '10:00', 4, s.timezone,
            s.starts_at, s.starts_at + interval '4 hours', s.service, 'Bench hall, Main street 1',
            false, s.hourly_rate_cents, s.hourly_rate_cents * 4, 0, s.hourly_rate_cents * 4,
            'EUR', $3::jsonb, 'unpaid', now(), 2, now(), now()
       FROM slot s
     RETURNING id, booking_code`,
    [
      clientUserId,
      count,
      JSON.stringify({
        version: '2026-01',
        fullRefundHoursBefore: 48,
        halfRefundHoursBefore: 24,
        halfRefundPercent: 50,
        insuredLateRefundPercent: 50,
        staffCancellationRefundPercent: 100,
        insuranceFeeRefundedOnlyOnStaffCancellation: true,
      }),
    ],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} bench staff profiles: seed more`);
  return rows;
}

async function closedLoop(items, connections, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

function webhook(agent, base, event) {
  return send(agent, `${base}/payments/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
    body: event.payload,
  });
}

async function main() {
  const FakeStripeServer = loadFakeStripe();
  const fake = await new FakeStripeServer({
    port: Number(process.env.BENCH_STRIPE_PORT ?? 0),
  }).start();
  const database = await provideDatabase();
  const dataSource = await migrate(database.url);
  await dataSource.destroy();
  await seedBench(database.url, COMPANIONS);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  await db.query(
    `WITH old AS (SELECT b.id FROM bookings b JOIN users u ON u.id = b.client_user_id
                   WHERE u.email LIKE 'bench-payer-%@bench.eventstuffer.test'),
          c AS (DELETE FROM payment_checkouts WHERE booking_id IN (SELECT id FROM old)),
          l AS (DELETE FROM ledger_entries WHERE booking_id IN (SELECT id FROM old))
     SELECT 1`,
  );
  await db.query(
    `DELETE FROM bookings WHERE client_user_id IN
       (SELECT id FROM users WHERE email LIKE 'bench-payer-%@bench.eventstuffer.test')`,
  );
  const api = await startApi(database.url, {
    ...fake.env(),
    STRIPE_MAX_NETWORK_RETRIES: '0',
    RATE_LIMIT_API_KEY: '100000000',
    RATE_LIMIT_PAYMENT_WEBHOOK: '100000000',
  });
  let failures = 0;
  try {
    const payer = await createReaderKey(api.base, database.url, ['read', 'book'], 'payer');
    const [{ id: payerId }] = (
      await db.query('SELECT id FROM users WHERE lower(email) = lower($1)', [payer.email])
    ).rows;
    const bookings = await makeAcceptedBookings(db, payerId, ROUND_TRIPS + EVENTS + 20);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const auth = { authorization: payer.authorization };
    const pay = async (code) => {
      const response = await send(agent, `${api.base}/api/v1/bookings/${code}/pay`, {
        method: 'POST',
        headers: auth,
        keepBody: true,
      });
      if (response.status !== 200)
        throw new Error(`pay ${code}: ${response.status} ${response.body}`);
      return JSON.parse(response.body).checkout_url.split('/').pop();
    };

    // Warm-up, not counted.
    for (const booking of bookings.slice(0, 20)) {
      await webhook(agent, api.base, fake.payCheckout(await pay(booking.booking_code)).completed);
    }

    const roundTrips = [];
    const tripStatuses = new Map();
    await closedLoop(
      bookings.slice(20, 20 + ROUND_TRIPS),
      ROUND_TRIP_CONCURRENCY,
      async (booking) => {
        const started = performance.now();
        const sessionId = await pay(booking.booking_code);
        const delivered = await webhook(agent, api.base, fake.payCheckout(sessionId).completed);
        const shown = await send(agent, `${api.base}/api/v1/bookings/${booking.booking_code}`, {
          headers: auth,
          keepBody: true,
        });
        const status =
          delivered.status === 200 ? JSON.parse(shown.body).booking.status : delivered.status;
        tripStatuses.set(status, (tripStatuses.get(status) ?? 0) + 1);
        roundTrips.push(performance.now() - started);
      },
    );
    const trip = summarize(roundTrips);

    const throughputBookings = bookings.slice(20 + ROUND_TRIPS);
    const sessions = [];
    await closedLoop(throughputBookings, CONNECTIONS, async (booking) => {
      sessions.push(await pay(booking.booking_code));
    });
    // Signed just before sending: Stripe's signatures are valid for five minutes.
    const events = sessions.map((sessionId) => fake.payCheckout(sessionId).completed);
    const latencies = [];
    const statuses = new Map();
    const started = performance.now();
    await closedLoop(events, CONNECTIONS, async (event) => {
      const sentAt = performance.now();
      const response = await webhook(agent, api.base, event);
      latencies.push(performance.now() - sentAt);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    });
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const delivery = summarize(latencies);

    const ids = bookings.map((booking) => booking.id);
    const {
      rows: [check],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE b.status = 'paid')::int AS paid,
              count(*)::int AS total,
              (SELECT count(*) FROM ledger_entries WHERE booking_id = ANY($1) AND kind = 'charge')::int
                AS charges
         FROM bookings b WHERE b.id = ANY($1)`,
      [ids],
    );
    failures = check.total - check.paid + Math.abs(check.charges - check.total);

    console.log('');
    console.table([
      {
        phase: 'pay → webhook → paid (round trip)',
        count: trip.count,
        concurrency: ROUND_TRIP_CONCURRENCY,
        'per s': '',
        target: '',
        'p50 ms': trip.p50,
        'p99 ms': trip.p99,
        'max ms': trip.max,
        outcomes: JSON.stringify(Object.fromEntries(tripStatuses)),
      },
      {
        phase: 'POST /payments/stripe/webhook',
        count: delivery.count,
        concurrency: CONNECTIONS,
        'per s': Math.round(events.length / seconds),
        target: TARGET,
        'p50 ms': delivery.p50,
        'p99 ms': delivery.p99,
        'max ms': delivery.max,
        outcomes: JSON.stringify(Object.fromEntries(statuses)),
      },
    ]);
    console.log(
      failures === 0
        ? `check: all ${check.total} bookings paid, one ledger charge each`
        : `check FAILED: ${check.paid}/${check.total} paid, ${check.charges} charges`,
    );
  } finally {
    await db.end();
    await api.stop();
    await database.stop();
    await fake.stop();
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench:payments failed: ${error.stack ?? error}`);
  process.exit(1);
});
