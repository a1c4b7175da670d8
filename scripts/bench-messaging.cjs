/* global fetch, setTimeout, setInterval, clearInterval */
/**
 * Messaging benchmark (never part of `npm test`):
 *
 *   npm run bench:messaging                        # embedded PostgreSQL in .data/bench
 *   DATABASE_URL=postgres://… npm run bench:messaging
 *   REDIS_URL=redis://127.0.0.1:6379 npm run bench:messaging   # through the Redis adapter
 *
 * BENCH_SOCKETS (1000) users, half clients and half staff, each pair in one direct conversation
 * (BENCH_SOCKETS / 2 conversations), each user with one socket.io-client connection (websocket)
 * authenticated by a `connect.sid` session of their own. Users, sessions and conversations are
 * made in SQL (one real login is the template of the session rows), so no password hash is
 * computed per user. Then, open model: BENCH_RATE (200) messages per second for BENCH_DURATION
 * (30) seconds, each `send_message` from a client socket on schedule (never waiting for earlier
 * ones), conversations in turn. Latency = the staff socket's `new_message` time minus the
 * scheduled send time: p50, p99 (target p99 < 50 ms). Also the API process's RSS before the
 * sockets, with them idle, and after the load, and the memory per idle socket.
 */
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { io } = require('socket.io-client');
const { Signer } = require('@fastify/cookie');
const { summarize } = require('./bench-load.cjs');
const { provideDatabase, migrate, startApi } = require('./bench.cjs');

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const TARGET_P99_MS = 50;
const SESSION_SECRET = randomBytes(32).toString('hex');
const MARKER = `bench-chat-${Date.now()}`;

function rssKib(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

const mib = (kib) => (kib / 1024).toFixed(1);

const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process in milliseconds (0 once it is gone). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Follows the CPU time of the load generator, the API and the database's backends serving the API
 * (sampled as they come and go: the pool opens and closes connections during the run).
 */
function followCpu(db, apiPid) {
  const backends = new Map();
  const sample = async () => {
    const { rows } = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    for (const { pid } of rows) {
      const used = cpuMs(pid);
      const known = backends.get(pid);
      if (known) known.last = Math.max(known.last, used);
      else backends.set(pid, { first: started ? 0 : used, last: used });
    }
  };
  let started = false;
  const own = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const start = { loadGenerator: 0, api: 0 };
  let timer;
  return {
    async start() {
      await sample();
      started = true;
      Object.assign(start, { loadGenerator: own(), api: cpuMs(apiPid) });
      timer = setInterval(() => void sample(), 250);
    },
    async stop() {
      clearInterval(timer);
      await sample();
      let database = 0;
      for (const { first, last } of backends.values()) database += last - first;
      return {
        loadGenerator: own() - start.loadGenerator,
        api: cpuMs(apiPid) - start.api,
        database,
      };
    },
  };
}

/** Half clients, half staff; every client i shares a direct conversation with staff i. */
async function makeUsersAndConversations(db, pairs) {
  const { rows: users } = await db.query(
    `INSERT INTO users (email, password_hash, first_name, last_name, role)
     SELECT $1 || '-' || n || '@bench.eventstuffer.test', '!', 'Bench', 'User' || n,
            CASE WHEN n <= $2 THEN 'client' ELSE 'staff' END
       FROM generate_series(1, $2 * 2) n
     RETURNING id, role`,
    [MARKER, pairs],
  );
  const clients = users.filter((u) => u.role === 'client').map((u) => u.id);
  const staff = users.filter((u) => u.role === 'staff').map((u) => u.id);
  const { rows: conversations } = await db.query(
    `WITH pairs AS (
       SELECT c.id AS client_id, s.id AS staff_id
         FROM unnest($1::int[]) WITH ORDINALITY c(id, n)
         JOIN unnest($2::int[]) WITH ORDINALITY s(id, n) USING (n)),
     created AS (
       INSERT INTO conversations (kind, direct_key, created_by_user_id, created_at)
       SELECT 'direct', least(client_id, staff_id) || ':' || greatest(client_id, staff_id),
              client_id, now()
         FROM pairs
       RETURNING id, created_by_user_id AS client_id),
     joined AS (
       INSERT INTO conversation_participants (conversation_id, user_id, display_name, role, last_activity_at)
       SELECT c.id, p.client_id, 'Bench C.', 'client', now() FROM created c JOIN pairs p USING (client_id)
       UNION ALL
       SELECT c.id, p.staff_id, 'Bench S.', 'staff', now() FROM created c JOIN pairs p USING (client_id))
     SELECT c.id, c.client_id, p.staff_id FROM created c JOIN pairs p USING (client_id)`,
    [clients, staff],
  );
  return { userIds: users.map((u) => u.id), conversations };
}

/** One session row per user, shaped like the one a real login stored; the signed cookies. */
async function makeSessions(db, api, userIds) {
  const email = `${MARKER}-template@bench.eventstuffer.test`;
  const password = 'bench template password';
  const json = { 'content-type': 'application/json' };
  const registered = await fetch(`${api.base}/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password, first_name: 'T', last_name: 'T', role: 'client' }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const login = await fetch(`${api.base}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const signer = new Signer(SESSION_SECRET, 'sha256');
  const templateSid = signer.unsign(decodeURIComponent(cookie.split('=')[1])).value;
  const {
    rows: [template],
  } = await db.query('SELECT sess, expire FROM sessions WHERE sid = $1', [templateSid]);
  const sids = userIds.map(() => randomBytes(24).toString('base64url'));
  await db.query(
    `INSERT INTO sessions (sid, sess, expire)
     SELECT s.sid, (($3::jsonb) || jsonb_build_object('userId', s.user_id))::json, $4
       FROM unnest($1::text[], $2::int[]) AS s(sid, user_id)`,
    [sids, userIds, JSON.stringify(template.sess), template.expire],
  );
  return new Map(
    userIds.map((id, index) => [id, `connect.sid=${encodeURIComponent(signer.sign(sids[index]))}`]),
  );
}

function connect(base, cookie) {
  return new Promise((resolve, reject) => {
    const socket = io(base, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(base, cookies, ids, parallel = 20) {
  const sockets = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < ids.length) {
        const id = ids[next];
        next += 1;
        sockets.set(id, await connect(base, cookies.get(id)));
      }
    }),
  );
  return sockets;
}

async function main() {
  const database = await provideDatabase();
  const dataSource = await migrate(database.url);
  await dataSource.destroy();
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const api = await startApi(database.url, {
    SESSION_SECRET,
    RATE_LIMIT_SESSION: '100000000',
    RATE_LIMIT_ANONYMOUS: '100000000',
  });
  const sockets = new Map();
  const sendErrors = new Map();
  try {
    const pairs = Math.floor(SOCKETS / 2);
    const { userIds, conversations } = await makeUsersAndConversations(db, pairs);
    const cookies = await makeSessions(db, api, userIds);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssBefore = rssKib(api.pid);

    const connectStarted = performance.now();
    for (const [id, socket] of await connectAll(api.base, cookies, userIds))
      sockets.set(id, socket);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssIdle = rssKib(api.pid);

    const scheduled = new Map();
    const latencies = [];
    for (const conversation of conversations) {
      sockets.get(conversation.staff_id).on('new_message', (message) => {
        const sentAt = scheduled.get(message.content);
        if (sentAt === undefined) return;
        scheduled.delete(message.content);
        latencies.push(performance.now() - sentAt);
      });
    }
    const total = RATE * DURATION_S;
    const interval = 1000 / RATE;
    const acks = [];
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const cpu = followCpu(db, api.pid);
    await cpu.start();
    const started = performance.now();
    let late = 0;
    for (let index = 0; index < total; index += 1) {
      const due = started + index * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (wait < -2) late += 1;
      const conversation = conversations[index % conversations.length];
      const content = `bench message ${index}`;
      scheduled.set(content, due);
      sockets
        .get(conversation.client_id)
        .timeout(10_000)
        .emitWithAck('send_message', { conversation_id: conversation.id, content })
        .then(
          (ack) => {
            acks.push(performance.now() - due);
            if (!ack.ok) sendErrors.set(ack.error, (sendErrors.get(ack.error) ?? 0) + 1);
          },
          () => sendErrors.set('no ack', (sendErrors.get('no ack') ?? 0) + 1),
        );
    }
    for (let wait = 0; wait < 100 && scheduled.size > 0; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    loopDelay.disable();
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = await cpu.stop();
    const cpuPerMessage = (part) => (cpuUsed[part] / total).toFixed(2);
    const rssAfter = rssKib(api.pid);
    const delivery = summarize(latencies);

    console.log('');
    console.table([
      {
        sockets: sockets.size,
        conversations: conversations.length,
        'msg/s offered': RATE,
        sent: total,
        received: delivery.count,
        lost: scheduled.size,
        'late sends': late,
        'p50 ms': delivery.p50,
        'p99 ms': delivery.p99,
        'max ms': delivery.max,
        'target p99 ms': TARGET_P99_MS,
      },
    ]);
    const acked = summarize(acks);
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    console.table([
      {
        'ack p50 ms': acked.p50,
        'ack p99 ms': acked.p99,
        'load generator loop delay p50 ms': ms(loopDelay.percentile(50)),
        'p99 ms': ms(loopDelay.percentile(99)),
        'max ms': ms(loopDelay.max),
      },
    ]);
    console.table([
      {
        'CPU ms per message: load generator': cpuPerMessage('loadGenerator'),
        API: cpuPerMessage('api'),
        'PostgreSQL backends': cpuPerMessage('database'),
      },
    ]);
    console.table([
      {
        'RSS before sockets MiB': mib(rssBefore),
        'RSS idle sockets MiB': mib(rssIdle),
        'RSS after load MiB': mib(rssAfter),
        'KiB per idle socket': ((rssIdle - rssBefore) / sockets.size).toFixed(1),
        'connect s': connectSeconds.toFixed(1),
        'run s': seconds.toFixed(1),
      },
    ]);
    if (sendErrors.size > 0) console.log('refused sends:', Object.fromEntries(sendErrors));
    if (scheduled.size > 0 || sendErrors.size > 0) process.exitCode = 1;
  } finally {
    for (const socket of sockets.values()) socket.close();
    await db.query(
      `DELETE FROM conversations WHERE created_by_user_id IN
         (SELECT id FROM users WHERE email LIKE $1)`,
      [`${MARKER}-%`],
    );
    await db.query(
      `DELETE FROM sessions WHERE (sess ->> 'userId')::int IN
         (SELECT id FROM users WHERE email LIKE $1)`,
      [`${MARKER}-%`],
    );
    await db.query(`DELETE FROM users WHERE email LIKE $1`, [`${MARKER}-%`]);
    await db.end();
    await api.stop();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`bench:messaging failed: ${error.stack ?? error}`);
  process.exit(1);
});
