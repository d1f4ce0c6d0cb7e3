/**
 * What request logging costs: POST /api/cases/:id/events (`session.held` on negotiating cases) through the whole
 * HTTP stack as production runs it (createApp with the logger on), logs at LOG_LEVEL (default info) written to
 * /dev/null, load from autocannon in another process.
 *
 *   npx ts-node --transpile-only test/bench/http-logging.ts [seconds=10] [connections=50]
 *
 * Prints `http events LOG_LEVEL=info: N req/s, server CPU N µs/request (p50 …)`. LOG_LEVEL=silent measures the
 * stack without logs. On a busy machine compare the CPU per request: req/s there depends on the neighbours.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { application } from '../factories/case.factory';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const LEVEL = process.env.LOG_LEVEL ?? 'info';

async function serve(): Promise<void> {
  // required here, not imported at the top: the load generator does not build the application
  /* eslint-disable @typescript-eslint/no-require-imports -- import() would load the .ts natively, outside ts-node */
  const { createApp } = require('../../src/bootstrap') as typeof import('../../src/bootstrap');
  const { loadEnv } = require('../../src/config/env') as typeof import('../../src/config/env');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { createCast } = require('../support/cast') as typeof import('../support/cast'); // eslint-disable-line @typescript-eslint/no-require-imports
  const app = await createApp({ env: loadEnv() });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  const cast = await createCast(app);
  // the server's own CPU time on request: the figure that a machine shared with other work does not distort
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  process.send?.({ tokens: { lawyer: cast.lawyer.token, mediator: cast.mediator.token } });
}

/** The service's cast tokens (it creates the cast and sends them when ready): requests are signed in. */
let tokens = { lawyer: '', mediator: '' };

async function call(port: number, method: string, path: string, body?: unknown): Promise<any> {
  const token = path.endsWith('/events') ? tokens.mediator : tokens.lawyer; // the events here are the mediator's
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function negotiatingCase(port: number): Promise<{ id: string; claimId: string }> {
  const kase = await call(port, 'POST', '/api/cases', application());
  const claimId = kase.claims[0].id;
  for (const e of [
    { type: 'case.accepted' },
    { type: 'invitation.sent', claimId },
    { type: 'invitation.accepted', claimId },
    { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
  ]) {
    await call(port, 'POST', `/api/cases/${kase.id}/events`, e);
  }
  return { id: kase.id, claimId };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-logbench-'));
  const port = 40000 + Math.floor(Math.random() * 10000);
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: LEVEL,
      DATABASE_PATH: join(dir, 'b.sqlite'),
      FIXED_CLOCK: '2026-12-01T10:00:00+05:00',
      SWEEP_INTERVAL_SECONDS: '3600',
      RATE_LIMIT_MAX: '0', // one client address sends everything: measured without the per-address limit
    },
    stdio: ['ignore', devNull, 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', (m: { tokens: typeof tokens }) => {
        tokens = m.tokens;
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const targets: { id: string; claimId: string }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) targets.push(await negotiatingCase(port));
    await call(port, 'POST', `/api/cases/${targets[0].id}/events`, {
      type: 'session.held',
      claimId: targets[0].claimId,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no type declarations
    const autocannon = require('autocannon');
    let next = 0;
    const run = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration,
        setupClient: (client: any) => {
          const t = targets[next++ % targets.length];
          client.setRequests([
            {
              method: 'POST',
              path: `/api/cases/${t.id}/events`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.mediator}` },
              body: JSON.stringify({ type: 'session.held', claimId: t.claimId }),
            },
          ]);
          if (process.env.BENCH_DEBUG)
            client.on(
              'response',
              (status: number, _size: number, _lat: number) => status >= 300 && console.log(status),
            );
          if (process.env.BENCH_DEBUG) client.on('body', (b: Buffer) => console.log(String(b).slice(0, 300)));
        },
      });
    const cpu = () =>
      new Promise<number>((resolve) => {
        child.once('message', (m: any) => resolve(m.cpuMicros));
        child.send('cpu');
      });
    await run(2); // warm-up
    const before = await cpu();
    const r = await run(SECONDS);
    const perRequest = ((await cpu()) - before) / r.requests.total;
    console.log(
      `http events LOG_LEVEL=${LEVEL}: ${r.requests.average.toFixed(0)} req/s, server CPU ${perRequest.toFixed(0)} µs/request ` +
        `(p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors})`,
    );
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') void serve();
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
