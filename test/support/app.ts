import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { loadEnv } from '../../src/config/env';

export interface TestApp {
  app: NestFastifyApplication;
  http: any; // the Node http.Server supertest talks to
  clock: FixedClock;
  databasePath: string;
  close(): Promise<void>;
}

/**
 * The real application over HTTP against a real SQLite file, migrated from empty, with a fixed clock.
 * Pass `databasePath` to reopen the same file (restart tests).
 */
export async function startTestApp(
  opts: {
    now?: string;
    databasePath?: string;
    env?: Record<string, string>;
    beforeInit?: (app: NestFastifyApplication) => void;
  } = {},
): Promise<TestApp> {
  const dir = opts.databasePath ? undefined : mkdtempSync(join(tmpdir(), 'mediation-test-'));
  const databasePath = opts.databasePath ?? join(dir as string, 'test.sqlite');
  const clock = new FixedClock(new Date(opts.now ?? '2026-12-01T09:00:00+05:00'));
  const env = loadEnv({
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_SECONDS: '3600',
    // Rendering every event's documents (PDF through Chromium) would cost most tests seconds for nothing: the
    // tests of frozen documents turn it on; elsewhere a document is frozen at its first download.
    DOCUMENTS_ON_EVENT: 'false',
    ...opts.env,
  });
  const app = await createApp({ env, clock }, { logger: false });
  opts.beforeInit?.(app); // providers exist, start-up hooks have not run (e.g. register an outbox handler)
  await app.init();
  await app.getHttpAdapter().getInstance().ready(); // supertest talks to the Node server, not to Fastify's inject
  return {
    app,
    http: app.getHttpServer(),
    clock,
    databasePath,
    async close() {
      await app.close();
      if (dir && !opts.databasePath) rmSync(dir, { recursive: true, force: true });
    },
  };
}
