import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { UserRole } from '../../src/auth/principal';
import { createApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { loadEnv } from '../../src/config/env';
import { COURT_ID, createCast, POLICE_UNIT_ID, usualRoleOf, type CastMember } from './cast';

/** Requests as one signed-in user: supertest's methods with `Authorization: Bearer <his token>` set. */
export interface SignedInAgent {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: any; // the Node http.Server supertest talks to
  clock: FixedClock;
  databasePath: string;
  /** One user per role (test/support/cast.ts), each with a personal API token. */
  users: Record<UserRole, CastMember>;
  /** Requests as the cast member of this role. */
  as(role: UserRole): SignedInAgent;
  /** POST /api/cases/:id/events with the body, as the role that usually records the event (or the one given). */
  event(id: string, body: unknown, role?: UserRole): request.Test;
  close(): Promise<void>;
}

/**
 * The real application over HTTP against a real SQLite file, migrated from empty, with a fixed clock and a cast of
 * signed-in users (one per role). Pass `databasePath` to reopen the same file (restart tests).
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
    RATE_LIMIT_MAX: '0', // tests send many requests from one address; the rate-limit test sets a low limit
    ...opts.env,
  });
  const app = await createApp({ env, clock }, { logger: false });
  opts.beforeInit?.(app); // providers exist, start-up hooks have not run (e.g. register an outbox handler)
  await app.init();
  await app.getHttpAdapter().getInstance().ready(); // supertest talks to the Node server, not to Fastify's inject
  const http = app.getHttpServer();
  const users = await createCast(app);
  const as = (role: UserRole): SignedInAgent => {
    const auth = (t: request.Test) => t.set('Authorization', `Bearer ${users[role].token}`);
    return {
      get: (url) => auth(request(http).get(url)),
      post: (url) => auth(request(http).post(url)),
      put: (url) => auth(request(http).put(url)),
      patch: (url) => auth(request(http).patch(url)),
      delete: (url) => auth(request(http).delete(url)),
    };
  };
  return {
    app,
    http,
    clock,
    databasePath,
    users,
    as,
    event(id, body, role) {
      const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
      return as(role ?? usualRoleOf(type))
        .post(`/api/cases/${id}/events`)
        .send(withCastDirectory(body) as object);
    },
    async close() {
      await app.close();
      if (dir && !opts.databasePath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The cast's court and police unit where the event names none: the petition is filed with the cast's court (its
 * clerk then sees the case and records the ruling) and the parolee is released under the cast's unit (its officer
 * then sees the case). A body that names its own, or any other body, is sent as it is.
 */
function withCastDirectory(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if (b.type === 'petition.filed' && !('courtId' in b)) return { ...b, courtId: COURT_ID };
  if (b.type === 'convict.released' && !('supervisionUnitId' in b)) return { ...b, supervisionUnitId: POLICE_UNIT_ID };
  return body;
}
