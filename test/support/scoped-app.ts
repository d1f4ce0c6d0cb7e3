import { Reflector } from '@nestjs/core';
import request from 'supertest';
import { AccessGuard } from '../../src/auth/access.guard';
import { CaseScope } from '../../src/auth/case-scope';
import type { Principal } from '../../src/auth/principal';
import { CaseUsers } from '../../src/cases/case-users';
import { startTestApp, type TestApp } from './app';
import { findInCast, principalOf, type CastMember } from './cast';

/** Everyone a request may come from: a member of the cast, or no one signed in. */
export type Caller = CastMember | 'anonymous';

export interface ScopedApp extends TestApp {
  /** Requests as this caller. */
  as(caller: Caller): { get(url: string): request.Test; post(url: string, body?: object): request.Test };
}

const HEADER = 'x-test-principal';

/**
 * The application with the access guard on every route and the cast signed in: a request names its caller in a
 * test-only header that a hook turns into `req.principal`, where sign-in puts it (the header exists only in this
 * harness). Accounts are the cast's, looked up in memory.
 */
export async function startScopedApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<ScopedApp> {
  const t = await startTestApp({
    ...opts,
    beforeInit: (app) => {
      app.get(CaseUsers).find = findInCast();
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onRequest', (req, _reply, done) => {
          const member = req.headers[HEADER];
          if (typeof member === 'string')
            (req as { principal?: Principal }).principal = principalOf(member as CastMember);
          done();
        });
      app.useGlobalGuards(new AccessGuard(app.get(Reflector), app.get(CaseScope)));
      opts.beforeInit?.(app);
    },
  });
  return {
    ...t,
    as(caller) {
      const sign = (r: request.Test) => (caller === 'anonymous' ? r : r.set(HEADER, caller));
      return {
        get: (url) => sign(request(t.http).get(url)),
        post: (url, body) => sign(request(t.http).post(url)).send(body ?? {}),
      };
    },
  };
}
