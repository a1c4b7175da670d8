/* global URL, fetch, setTimeout */
/**
 * Start-up time and idle memory of the production process (never part of `npm test`):
 *
 *   DATABASE_URL=postgres://…/postgres npm run bench:startup
 *
 * Starts `npm run start:prod`'s command (node and its flags as package.json has them, built
 * dist/) in production mode on the migrated database BENCH_DATABASE
 * (eventstuffer_bench_compare), BENCH_ROUNDS times (5): the time from spawn to the first 200
 * of GET /health/ready, then the resident set size (VmRSS) after BENCH_IDLE_MS (3000) idle. With
 * BENCH_BASELINE_DIR (another built checkout) both run in every round, alternating who goes
 * first; medians are printed with the load average.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 3000);
const PORT = Number(process.env.BENCH_API_PORT ?? 3096);
const DATABASE = process.env.BENCH_DATABASE ?? 'eventstuffer_bench_compare';
if (!process.env.DATABASE_URL) throw new Error('bench:startup needs DATABASE_URL (a server)');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The node flags of the checkout's `start:prod` script (e.g. --enable-source-maps). */
function startFlags(root) {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['start:prod'];
  const match = /^node((?:\s+--?[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js$/.exec(script.trim());
  if (!match) throw new Error(`${root}: start:prod is not "node [flags] dist/src/main.js"`);
  return match[1].trim().split(/\s+/).filter(Boolean);
}

function rssMegabytes(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function measure(root) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${DATABASE}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(root), 'dist/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      SESSION_SECRET: randomBytes(24).toString('hex'),
      STRIPE_SECRET_KEY: 'sk_test_startup_bench',
      STRIPE_WEBHOOK_SECRET: 'whsec_startup_bench',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(PORT),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${root}: exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/health/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error(`${root}: not ready in 120 s`);
      await sleep(10);
    }
    const ready = performance.now() - started;
    await sleep(IDLE_MS);
    return { ready, rss: rssMegabytes(child.pid) };
  } finally {
    await new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  }
}

async function main() {
  const roots = [join(__dirname, '..')];
  if (process.env.BENCH_BASELINE_DIR) roots.push(process.env.BENCH_BASELINE_DIR);
  const results = new Map(roots.map((root) => [root, { ready: [], rss: [] }]));
  console.log(
    `load average at start (1/5/15 min): ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' / ')}`,
  );
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const root of round % 2 === 0 ? roots : [...roots].reverse()) {
      const { ready, rss } = await measure(root);
      results.get(root).ready.push(ready);
      results.get(root).rss.push(rss);
      console.log(
        `round ${round + 1} ${root}: ready in ${Math.round(ready)} ms, idle RSS ${rss.toFixed(1)} MB`,
      );
    }
  }
  console.log(
    `load average at end (1/5/15 min): ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' / ')}`,
  );
  console.table(
    roots.map((root) => ({
      checkout: root,
      'start:prod flags': startFlags(root).join(' ') || '(none)',
      'ready ms (median)': Math.round(median(results.get(root).ready)),
      'idle RSS MB (median)': Math.round(median(results.get(root).rss) * 10) / 10,
    })),
  );
}

main().catch((error) => {
  console.error(`bench:startup failed: ${error.stack ?? error}`);
  process.exit(1);
});
