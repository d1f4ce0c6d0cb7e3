/**
 * POST /api/cases/:id/events under load from a worker thread — the second core — so the load generator does
 * not share the server's event loop (it would steal the time it measures). Each request records
 * `session.held` on a negotiating case, an event that can repeat without end.
 *
 * - closed loop: autocannon, 50 keep-alive connections, each posting to its own case (`setupClient` gives every
 *   connection its own path and body); each connection sends its next request when the previous one is
 *   answered. Measures throughput.
 * - open loop: our own timer-driven sender at a fixed rate. Request i is due at start + i/rate and its latency
 *   is measured from that intended time, not from when it went out, so a stalled server (or a sender that
 *   fell behind) shows as latency instead of as requests never sent — no coordinated omission. autocannon's
 *   `overallRate` was not used: it sends each second's budget as fast as its connections allow and times each
 *   request from its actual send, which hides exactly that queueing.
 */
import { Worker } from 'node:worker_threads';
import type { CaseRef } from './engine';

const CLOSED_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannonPath);
const { port, targets, seconds, warmupSeconds, token } = workerData;
function options(duration) {
  let next = 0;
  return {
    url: 'http://127.0.0.1:' + port,
    connections: targets.length,
    duration,
    setupClient(client) {
      const t = targets[next++ % targets.length];
      client.setRequests([{
        method: 'POST',
        path: '/api/cases/' + t.id + '/events',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
        body: JSON.stringify({ type: 'session.held', claimId: t.claimId, form: 'phone' }),
      }]);
    },
  };
}
(async () => {
  await autocannon(options(warmupSeconds));
  const measured = options(seconds);
  // In a worker thread autocannon returns the unaggregated result (it takes itself for one of its own workers).
  const r = autocannon.aggregateResult([await autocannon(measured)], measured);
  parentPort.postMessage({ ok: r['2xx'], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, seconds: r.duration, p50: r.latency.p50, p99: r.latency.p99 });
})().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

const OPEN_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { port, targets, rate, seconds, warmupSeconds, token } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const warm = Math.round(rate * warmupSeconds);
const total = warm + Math.round(rate * seconds);
const bodies = targets.map((t) => JSON.stringify({ type: 'session.held', claimId: t.claimId, form: 'phone' }));
const latencies = [];
let errors = 0, done = 0, inFlight = 0, maxInFlight = 0, lateSends = 0;
const start = performance.now() + 20;
const due = (i) => start + (i * 1000) / rate;
function finish() {
  agent.destroy();
  parentPort.postMessage({ latencies, errors, maxInFlight, lateSends, seconds: (performance.now() - start) / 1000 });
}
function answered(i, ok) {
  if (i >= warm) latencies.push(performance.now() - due(i));
  if (!ok) errors++;
  inFlight--;
  if (++done === total) finish();
}
function send(i) {
  const t = targets[i % targets.length];
  const body = bodies[i % targets.length];
  inFlight++;
  if (inFlight > maxInFlight) maxInFlight = inFlight;
  const req = http.request(
    { host: '127.0.0.1', port, path: '/api/cases/' + t.id + '/events', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer ' + token } },
    (res) => { res.resume(); res.on('end', () => answered(i, res.statusCode >= 200 && res.statusCode < 300)); },
  );
  req.on('error', () => answered(i, false));
  req.end(body);
}
let next = 0;
function tick() {
  const now = performance.now();
  while (next < total && due(next) <= now) {
    if (now - due(next) > 1) lateSends++;
    send(next++);
  }
  if (next < total) setTimeout(tick, Math.max(0, due(next) - performance.now()));
}
setTimeout(tick, 20);
`;

function inWorker<T>(code: string, data: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: data });
    worker.once('message', (m: T & { error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Failed requests are not hidden in the figure: the line says how many there were. */
const failures = (n: number) => (n > 0 ? ` (${n} failed)` : '');

/** The requests are signed in: `token` is the mediator's personal API token (session.held is his event). */
export async function httpClosedLoop(
  port: number,
  targets: CaseRef[],
  seconds: number,
  token: string,
): Promise<{ line: string; detail: string }> {
  const r = await inWorker<{
    ok: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    seconds: number;
    p50: number;
    p99: number;
  }>(CLOSED_LOOP, {
    autocannonPath: require.resolve('autocannon'),
    port,
    targets,
    seconds,
    warmupSeconds: 2,
    token,
  });
  return {
    line:
      `http events closed ${targets.length}: ${(r.ok / r.seconds).toFixed(0)} req/s` +
      failures(r.non2xx + r.errors + r.timeouts),
    detail: `  (closed loop: ${r.ok} answered 2xx in ${r.seconds.toFixed(1)} s, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; p50 ${r.p50} ms, p99 ${r.p99} ms)`,
  };
}

export async function httpOpenLoop(
  port: number,
  targets: CaseRef[],
  rate: number,
  seconds: number,
  token: string,
): Promise<{ line: string; detail: string }> {
  const r = await inWorker<{
    latencies: number[];
    errors: number;
    maxInFlight: number;
    lateSends: number;
    seconds: number;
  }>(OPEN_LOOP, {
    port,
    targets,
    rate,
    seconds,
    warmupSeconds: 1,
    token,
  });
  const sorted = r.latencies.sort((a, b) => a - b);
  return {
    line:
      `http events open ${rate}/s: p50 ${percentile(sorted, 50).toFixed(1)} ms p99 ${percentile(sorted, 99).toFixed(1)} ms` +
      failures(r.errors),
    detail:
      `  (open loop: ${sorted.length} requests over ${seconds} s after 1 s of warm-up, latency from the intended send time; ` +
      `max ${percentile(sorted, 100).toFixed(1)} ms, errors ${r.errors}, at most ${r.maxInFlight} in flight, ${r.lateSends} sent > 1 ms late)`,
  };
}
