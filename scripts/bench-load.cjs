/* global setTimeout, Buffer */
/**
 * Load generators of the benchmarks (never part of `npm test`).
 *
 * constantRate(): an open-model generator. Request i is scheduled at start + i / rate, spread
 * evenly (one every 10 ms at 100 req/s), sent at its time whether or not earlier requests have
 * answered, and its latency is measured from that scheduled time (so a stalled server cannot hide
 * its queue: no coordinated omission). Unlike autocannon's `overallRate`, which may send each
 * second's budget in a burst, the offered load has no bursts of its own.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');

function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Latency summary in milliseconds (one decimal). */
function summarize(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/**
 * One HTTP request over the agent; resolves with {status, body} (body only when `keepBody`).
 * Never rejects: transport errors resolve with status 0.
 */
function send(agent, url, { method = 'GET', headers = {}, body, keepBody = false } = {}) {
  return new Promise((resolve) => {
    const request = http.request(url, { method, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => {
        if (keepBody) chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          body: keepBody ? Buffer.concat(chunks).toString('utf8') : undefined,
        }),
      );
      response.on('error', () => resolve({ status: 0 }));
    });
    request.on('error', () => resolve({ status: 0 }));
    request.end(body);
  });
}

/**
 * Offers `rate` requests per second for `durationSeconds`, evenly spaced; each request may go out
 * on its own keep-alive connection when earlier ones are still pending (up to `maxSockets`).
 * `request(i)` returns the options of request i ({url, method, headers, body}).
 */
async function constantRate({ rate, durationSeconds, request, maxSockets = 256 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const interval = 1000 / rate;
  const total = Math.round(rate * durationSeconds);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  let lateSends = 0;
  const pending = [];
  const start = performance.now() + 20;
  let next = 0;
  await new Promise((finish) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const scheduled = start + next * interval;
        if (now - scheduled > 2) lateSends += 1;
        const options = request(next);
        next += 1;
        pending.push(
          send(agent, options.url, options).then(({ status }) => {
            latencies.push(performance.now() - scheduled);
            if (status === 0) errors += 1;
            else if (status < 200 || status >= 300) non2xx += 1;
          }),
        );
      }
      if (next >= total) return finish();
      const wait = start + next * interval - performance.now();
      setTimeout(tick, Math.max(0, wait));
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  return { ...summarize(latencies), errors, non2xx, lateSends };
}

module.exports = { constantRate, send, summarize };
