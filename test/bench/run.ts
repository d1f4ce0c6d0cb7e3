/**
 * npm run bench — figures for the engine and the documents, each against a baseline measured in the same run.
 *  1. persisted events per second through the service layer vs raw SQLite single-row transactions
 *     (same sqlite3 driver, WAL, same synchronous level) → `engine/raw ratio`
 *  2. p50/p99 latency of POST /api/cases/:id/events at 50 concurrent connections
 *  3. median HTML render of the agreement and median warm PDF (when Chromium is installed)
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { loadEnv } from '../../src/config/env';
import { CasesService } from '../../src/cases/cases.service';
import { application } from '../factories/case.factory';
import { rawSqliteRowsPerSecond } from './raw-sqlite';
import { benchDocuments } from './documents.bench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 5000);
const CONNECTIONS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function openNegotiatingCase(cases: CasesService, actor = { role: 'lawyer' as const, name: null }) {
  const kase = await cases.create(application() as never, actor);
  const claimId = kase.claims[0].id;
  const none = { name: null };
  await cases.applyUserEvent(kase.id, { type: 'case.accepted' }, none);
  await cases.applyUserEvent(kase.id, { type: 'invitation.sent', claimId }, none);
  await cases.applyUserEvent(kase.id, { type: 'invitation.accepted', claimId }, none);
  await cases.applyUserEvent(kase.id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' }, none);
  return { id: kase.id, claimId };
}

/** 50 keep-alive connections in a worker thread, one case each, until `total` requests are done. */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, targets, total } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: targets.length });
function post(path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}
(async () => {
  const latencies = [];
  let errors = 0, sent = 0;
  const start = process.hrtime.bigint();
  await Promise.all(targets.map(async (t) => {
    const body = JSON.stringify({ type: 'session.held', claimId: t.claimId, form: 'phone' });
    while (sent < total) {
      sent++;
      const t0 = process.hrtime.bigint();
      const status = await post('/api/cases/' + t.id + '/events', body);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (status !== 200) errors++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, errors, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
})();
`;

function loadFromWorker(port: number, targets: { id: string; claimId: string }[], total: number): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { port, targets, total } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-bench-'));
  try {
    const payload = JSON.stringify({ form: 'video', at: '2026-12-01', claimId: '00000000-0000-4000-8000-000000000000' });
    const raw = await rawSqliteRowsPerSecond(join(dir, 'raw.sqlite'), EVENTS, payload);

    const env = loadEnv({ DATABASE_PATH: join(dir, 'engine.sqlite'), LOG_LEVEL: 'silent', SWEEP_INTERVAL_SECONDS: '3600' });
    const app = await createApp({ env, clock: new FixedClock(new Date('2026-12-01T10:00:00+05:00')) }, { logger: false });
    await app.listen(0, '127.0.0.1');
    const cases = app.get(CasesService);
    const db = app.get(DataSource);
    const [{ synchronous }] = await db.query('PRAGMA synchronous');
    const [{ journal_mode }] = await db.query('PRAGMA journal_mode');

    // 1. service-layer throughput: session.held is an event a negotiating claim accepts any number of times
    const one = await openNegotiatingCase(cases);
    for (let i = 0; i < 20; i++) await cases.applyUserEvent(one.id, { type: 'session.held', claimId: one.claimId }, { name: null });
    const start = process.hrtime.bigint();
    for (let i = 0; i < EVENTS; i++) await cases.applyUserEvent(one.id, { type: 'session.held', claimId: one.claimId }, { name: null });
    const engineSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const engineSequential = EVENTS / engineSeconds;

    // 1b. the same with 50 callers at once (as many users are): writes that queue up share one commit
    const callers = [];
    for (let i = 0; i < CONNECTIONS; i++) callers.push(await openNegotiatingCase(cases));
    let done = 0;
    const concurrentStart = process.hrtime.bigint();
    await Promise.all(
      callers.map(async (target) => {
        while (done < EVENTS) {
          done++;
          await cases.applyUserEvent(target.id, { type: 'session.held', claimId: target.claimId }, { name: null });
        }
      }),
    );
    const enginePerSecond = done / (Number(process.hrtime.bigint() - concurrentStart) / 1e9);

    // 2. HTTP latency at 50 concurrent keep-alive connections, one case per connection
    const targets = [];
    for (let i = 0; i < CONNECTIONS; i++) targets.push(await openNegotiatingCase(cases));
    const port = (app.getHttpServer().address() as AddressInfo).port;
    // The load comes from another thread (the second core), as it would from other machines: a client in the
    // service's own event loop would steal the time it measures.
    const { latencies, errors, seconds: httpSeconds } = await loadFromWorker(port, targets, HTTP_REQUESTS);
    latencies.sort((a, b) => a - b);

    const docs = await benchDocuments(app);
    await app.close();

    const ratio = enginePerSecond / raw.perSecond;
    const sequentialRatio = engineSequential / raw.perSecond;
    console.log(`SQLite settings: journal_mode=${journal_mode} (raw: ${raw.journal}), synchronous=${synchronous} (raw: ${raw.synchronous})`);
    console.log(`raw SQLite single-row transactions: ${raw.perSecond.toFixed(0)} rows/s (${EVENTS} rows)`);
    console.log(`engine persisted events (service layer), one caller at a time: ${engineSequential.toFixed(0)} events/s (${EVENTS} events)`);
    console.log(`engine persisted events (service layer), ${CONNECTIONS} callers: ${enginePerSecond.toFixed(0)} events/s (${done} events, group commit)`);
    console.log(`engine/raw ratio, one caller at a time: ${sequentialRatio.toFixed(2)}`);
    console.log(`engine/raw ratio: ${ratio.toFixed(2)}   (${CONNECTIONS} callers vs raw single-row transactions; goal ≥ 0.5)`);
    console.log(
      `POST /api/cases/:id/events at ${CONNECTIONS} connections: ${latencies.length} requests, ${(latencies.length / httpSeconds).toFixed(0)} req/s, ` +
        `p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms (goal p99 ≤ 15 ms), errors ${errors}`,
    );
    for (const line of docs) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
