/**
 * Booking-creation benchmark (never part of `npm test`):
 *
 *   npm run bench:bookings                        # embedded PostgreSQL in .data/bench
 *   DATABASE_URL=postgres://… npm run bench:bookings
 *
 * Uses the search bench's data set (scripts/seed-bench.cjs). Several client accounts, each with an
 * API key (`read`, `book`), POST /api/v1/bookings across many staff members; a share of the slots
 * is contended (several clients request the same staff member's same slot). Creation runs closed
 * loop at BENCH_CONNECTIONS concurrent requests, every request with its own Idempotency-Key, and
 * reports bookings/s and latency. Then the staff members accept through their own API keys: all
 * requests of a contended slot at once (exactly one may win, the others end `slot_taken` or 409),
 * and the single requests of the other slots. Finally SQL checks that no two held bookings
 * (accepted/paid/completed/disputed) of one staff member overlap, and exits non-zero if any do.
 *
 * Only the API child process gets raised limits: RATE_LIMIT_BOOKING_CREATION and
 * RATE_LIMIT_API_KEY. Bookings of earlier runs (clients bench-booker-*) are deleted first.
 *
 * Environment: BENCH_BOOKINGS (4000 requests), BENCH_STAFF (500), BENCH_CLIENTS (8),
 * BENCH_CONNECTIONS (32), BENCH_CONTENDED_EVERY (every 10th slot), BENCH_CONTENDERS (4).
 */
require('reflect-metadata');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { seedBench } = require('./seed-bench.cjs');
const { send, summarize } = require('./bench-load.cjs');
const {
  provideDatabase,
  migrate,
  startApi,
  createReaderKey,
  dist,
  COMPANIONS,
} = require('./bench.cjs');

const REQUESTS = Number(process.env.BENCH_BOOKINGS ?? 4000);
const STAFF = Number(process.env.BENCH_STAFF ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CONTENDED_EVERY = Number(process.env.BENCH_CONTENDED_EVERY ?? 10);
const CONTENDERS = Math.min(Number(process.env.BENCH_CONTENDERS ?? 4), CLIENTS);
const TARGET = 300;
const HELD = `('accepted', 'paid', 'completed', 'disputed')`;

/** Staff members with their first service; gives them Enterprise and a `book` key to accept. */
async function prepareStaff(client) {
  const { generateApiKeyToken, digestApiKeyToken, displayPrefixOf } = dist(
    'modules/api-keys/domain/api-key-token',
  );
  const { rows } = await client.query(
    `SELECT p.id, p.user_id, st.name AS service
       FROM companion_profiles p
       JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'
       JOIN service_types st ON st.id = p.service_type_ids[1]
      WHERE p.status = 'active' AND p.user_active
      ORDER BY p.id LIMIT $1`,
    [STAFF],
  );
  const userIds = rows.map((row) => row.user_id);
  await client.query(`UPDATE users SET subscription_tier = 'enterprise' WHERE id = ANY($1)`, [
    userIds,
  ]);
  await client.query(`DELETE FROM api_keys WHERE user_id = ANY($1) AND name = 'bench-staff'`, [
    userIds,
  ]);
  for (const row of rows) {
    const token = generateApiKeyToken();
    await client.query(
      `INSERT INTO api_keys (user_id, name, key_hash, prefix, permissions)
       VALUES ($1, 'bench-staff', $2, $3, ARRAY['read', 'book'])`,
      [row.user_id, digestApiKeyToken(token), displayPrefixOf(token)],
    );
    row.authorization = `Bearer ${token}`;
  }
  return rows;
}

function isoDay(offsetDays) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Slots of 2 h from 06:00; every CONTENDED_EVERY-th slot is requested by CONTENDERS clients. */
function planRequests(staff, clients) {
  const slots = [];
  const requests = [];
  const perStaff = Math.ceil(REQUESTS / staff.length);
  const day = isoDay(60);
  for (let index = 0; requests.length < REQUESTS; index += 1) {
    const member = staff[index % staff.length];
    const slotOfMember = Math.floor(index / staff.length);
    const startHour = 6 + 2 * (slotOfMember % 8);
    const eventDate = slotOfMember < 8 ? day : isoDay(60 + Math.floor(slotOfMember / 8));
    const contenders = index % CONTENDED_EVERY === 0 ? CONTENDERS : 1;
    const slot = { member, eventDate, startHour, codes: [], contended: contenders > 1 };
    slots.push(slot);
    for (let c = 0; c < contenders && requests.length < REQUESTS; c += 1) {
      const booker = clients[(index + c) % clients.length];
      requests.push({ slot, booker });
    }
  }
  if (perStaff > 64) throw new Error('Too many requests per staff member: raise BENCH_STAFF');
  // Interleave, so that contended requests for one slot arrive close together but not in order.
  for (let i = requests.length - 1; i > 0; i -= 1) {
    const j = Math.max(0, i - 1 - Math.floor(Math.random() * 8));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  return { slots, requests };
}

async function closedLoop(items, connections, work) {
  let next = 0;
  const workers = Array.from({ length: connections }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  });
  await Promise.all(workers);
}

async function main() {
  const database = await provideDatabase();
  const dataSource = await migrate(database.url);
  await dataSource.destroy();
  await seedBench(database.url, COMPANIONS);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  // Accepted bookings get a checkout ready (payments reacts to booking.accepted): those go first.
  await client.query(
    `DELETE FROM payment_checkouts WHERE booking_id IN
       (SELECT b.id FROM bookings b JOIN users u ON u.id = b.client_user_id
         WHERE u.email LIKE 'bench-booker-%@bench.eventstuffer.test')`,
  );
  await client.query(
    `DELETE FROM bookings WHERE client_user_id IN
       (SELECT id FROM users WHERE email LIKE 'bench-booker-%@bench.eventstuffer.test')`,
  );
  const staff = await prepareStaff(client);
  const api = await startApi(database.url, {
    RATE_LIMIT_BOOKING_CREATION: '100000000',
    RATE_LIMIT_API_KEY: '100000000',
    RATE_LIMIT_ANONYMOUS: '100000',
  });
  let violations = 0;
  try {
    const clients = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      clients.push(await createReaderKey(api.base, database.url, ['read', 'book'], 'booker'));
    }
    const { slots, requests } = planRequests(staff, clients);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const url = `${api.base}/api/v1/bookings`;

    // Warm-up: a few bookings far ahead, not counted.
    for (let i = 0; i < 20; i += 1) {
      const member = staff[i % staff.length];
      await send(agent, url, bookingRequest(member, isoDay(300), 6 + 2 * (i % 8), clients[0]));
    }

    const latencies = [];
    const outcomes = new Map();
    const started = performance.now();
    await closedLoop(requests, CONNECTIONS, async ({ slot, booker }) => {
      const sentAt = performance.now();
      const response = await send(agent, url, {
        ...bookingRequest(slot.member, slot.eventDate, slot.startHour, booker),
        keepBody: true,
      });
      latencies.push(performance.now() - sentAt);
      outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
      if (response.status === 201) slot.codes.push(JSON.parse(response.body).booking.booking_code);
    });
    const seconds = (performance.now() - started) / 1000;
    const created = outcomes.get(201) ?? 0;
    const creation = summarize(latencies);

    // Acceptance: contended slots all at once (one winner), the others one request each.
    const acceptOutcomes = new Map();
    const acceptLatencies = [];
    const acceptStarted = performance.now();
    await closedLoop(
      slots.filter((slot) => slot.codes.length > 0),
      CONNECTIONS / 2,
      async (slot) => {
        const results = await Promise.all(
          slot.codes.map(async (code) => {
            const sentAt = performance.now();
            const response = await send(agent, `${url}/${code}/accept`, {
              method: 'POST',
              headers: { authorization: slot.member.authorization },
            });
            acceptLatencies.push(performance.now() - sentAt);
            acceptOutcomes.set(response.status, (acceptOutcomes.get(response.status) ?? 0) + 1);
            return response.status;
          }),
        );
        slot.accepted = results.filter((status) => status === 200).length;
      },
    );
    const acceptSeconds = (performance.now() - acceptStarted) / 1000;
    agent.destroy();

    const overlapping = await client.query(
      `SELECT a.booking_code AS a, b.booking_code AS b, a.companion_id
         FROM bookings a JOIN bookings b
           ON b.companion_id = a.companion_id AND b.id > a.id
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
        WHERE a.status IN ${HELD} AND b.status IN ${HELD}`,
    );
    const contendedSlots = slots.filter((slot) => slot.codes.length > 1);
    const doubleWins = slots.filter((slot) => (slot.accepted ?? 0) > 1).length;
    const unaccepted = slots.filter((slot) => slot.codes.length > 0 && slot.accepted === 0).length;
    violations = overlapping.rowCount + doubleWins;

    console.log('');
    console.table([
      {
        phase: 'POST /api/v1/bookings',
        requests: requests.length,
        connections: CONNECTIONS,
        'created (201)': created,
        'per s': Math.round(created / seconds),
        target: TARGET,
        'p50 ms': creation.p50,
        'p99 ms': creation.p99,
        'max ms': creation.max,
        statuses: JSON.stringify(Object.fromEntries(outcomes)),
      },
      {
        phase: 'POST …/:code/accept',
        requests: acceptLatencies.length,
        connections: `${CONNECTIONS / 2} slots`,
        'created (201)': '',
        'per s': Math.round(acceptLatencies.length / acceptSeconds),
        target: '',
        'p50 ms': summarize(acceptLatencies).p50,
        'p99 ms': summarize(acceptLatencies).p99,
        'max ms': summarize(acceptLatencies).max,
        statuses: JSON.stringify(Object.fromEntries(acceptOutcomes)),
      },
    ]);
    console.log(
      `contended slots: ${contendedSlots.length} (${CONTENDERS} requests each); slots with more ` +
        `than one accepted request: ${doubleWins}; slots where no accept won: ${unaccepted}`,
    );
    console.log(
      overlapping.rowCount === 0
        ? 'check: no overlapping held bookings (accepted/paid/completed/disputed) in the database'
        : `check FAILED: ${overlapping.rowCount} overlapping held pairs, e.g. ${JSON.stringify(overlapping.rows.slice(0, 5))}`,
    );
  } finally {
    await client.end();
    await api.stop();
    await database.stop();
  }
  if (violations > 0) process.exitCode = 1;
}

function bookingRequest(member, eventDate, startHour, booker) {
  return {
    method: 'POST',
    headers: {
      authorization: booker.authorization,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      companion_id: member.id,
      event_date: eventDate,
      start_time: `${String(startHour).padStart(2, '0')}:00`,
      duration_hours: 2,
      service_type: member.service,
      location: 'Bench hall, Main street 1',
      customer_email: booker.email,
    }),
  };
}

main().catch((error) => {
  console.error(`bench:bookings failed: ${error.stack ?? error}`);
  process.exit(1);
});
