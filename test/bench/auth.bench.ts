/**
 * Sign-in figures:
 *   login: N ms — POST /api/auth/login over HTTP, median of sequential sign-ins (argon2id verification dominates)
 *   auth overhead per request: N ms — the authentication hook (onRequest) in-process, a bearer token already
 *     resolved once (the cache a busy integration hits), mean over many calls; the cookie path in the detail line.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator, SESSION_COOKIE } from '../../src/auth/authenticator';
import { authenticationHooks } from '../../src/auth/http-authentication';
import { ARGON2_DESCRIPTION } from '../../src/auth/passwords';
import { Env } from '../../src/config/env';
import { CAST, TEST_PASSWORD, type CastMember } from '../support/cast';

const LOGINS = 15;
const HOOK_CALLS = 200_000;

async function login(port: number): Promise<{ ms: number; sessionSecret: string }> {
  const t0 = process.hrtime.bigint();
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: CAST.mediator.login, password: TEST_PASSWORD }),
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 200) throw new Error(`login → ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return { ms, sessionSecret: new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)![1] };
}

/** Mean time of one onRequest call over `calls`, the request built once per call as Fastify would hand it. */
async function hookCost(
  hook: (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => void,
  headers: Record<string, string>,
  cookies: Record<string, string> | undefined,
  calls: number,
): Promise<number> {
  const reply = {} as FastifyReply;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = { headers, cookies, url: '/api/cases', method: 'GET' } as unknown as FastifyRequest;
      hook(req, reply, (e) => (e ? reject(e) : req.principal ? resolve() : reject(new Error('not signed in'))));
    });
  await once(); // resolves the credential from the database once: the cache is warm after it
  let pending = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const req = { headers, cookies, url: '/api/cases', method: 'GET' } as unknown as FastifyRequest;
    hook(req, reply, () => {
      if (req.principal) pending++;
    });
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (pending !== calls) throw new Error(`only ${pending} of ${calls} calls were answered synchronously`);
  return ms / calls;
}

export async function benchAuth(app: NestFastifyApplication, port: number, mediator: CastMember): Promise<string[]> {
  const times: number[] = [];
  let sessionSecret = '';
  for (let i = 0; i < LOGINS + 2; i++) {
    const r = await login(port);
    sessionSecret = r.sessionSecret;
    if (i >= 2) times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const median = times[(times.length - 1) >> 1];

  const { onRequest } = authenticationHooks(app.get(Authenticator), app.get(Env));
  const bearer = await hookCost(onRequest, { authorization: `Bearer ${mediator.token}` }, undefined, HOOK_CALLS);
  const cookie = await hookCost(
    onRequest,
    { cookie: `${SESSION_COOKIE}=${sessionSecret}` },
    { [SESSION_COOKIE]: sessionSecret },
    HOOK_CALLS,
  );
  const anonymous = (() => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < HOOK_CALLS; i++)
      onRequest(
        { headers: {}, url: '/api/cases', method: 'GET' } as unknown as FastifyRequest,
        {} as FastifyReply,
        () => {},
      );
    return Number(process.hrtime.bigint() - t0) / 1e6 / HOOK_CALLS;
  })();
  return [
    `login: ${median.toFixed(0)} ms (${ARGON2_DESCRIPTION}; median of ${LOGINS} sequential sign-ins over HTTP)`,
    `  (login: min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms)`,
    `auth overhead per request: ${bearer.toFixed(4)} ms (bearer token, resolved credential cached; onRequest hook in-process, mean of ${HOOK_CALLS})`,
    `  (session cookie: ${cookie.toFixed(4)} ms; anonymous request: ${anonymous.toFixed(4)} ms; the cookie header itself is parsed by @fastify/cookie)`,
  ];
}
