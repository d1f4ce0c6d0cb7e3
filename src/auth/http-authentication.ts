import '@fastify/multipart'; // the request's parts() and isMultipart(), typed
import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerFor } from '../common/domain-error.filter';
import { DomainError } from '../common/domain-error';
import type { Env } from '../config/env';
import { Authenticator, csrfTokenMatches, SESSION_COOKIE } from './authenticator';
import type { AuthenticatedRequestFields, Principal } from './principal';

declare module 'fastify' {
  interface FastifyRequest extends AuthenticatedRequestFields {
    /** The session cookie's secret when the request was authenticated by it (for the CSRF check). */
    sessionSecret?: string;
    /**
     * A page's multipart form whose leading `_csrf` field the perimeter has read: the parts after it, for the route
     * (src/web/forms/multipart.ts reads them; the request's stream can be read only once).
     */
    multipartRest?: AsyncIterableIterator<Multipart>;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const LOGIN_PATH = '/api/auth/login';
/** The workplace's sign-in form posts here (src/web/sign-in). */
export const PAGE_LOGIN_PATH = '/login';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Authentication and the perimeter, as Fastify hooks (they run before Nest's guard and before any body is read):
 *  - onRequest: `Authorization: Bearer <token>` or the session cookie → `req.principal` (absent: anonymous; an
 *    invalid or expired credential is anonymous too, and the access guard answers 401 where sign-in is needed).
 *    The Swagger UI and description (`/api/docs*`, Fastify routes outside Nest's guard) need sign-in here.
 *  - preValidation (after the body is parsed, so a form's `_csrf` field can be read): CSRF for every state-changing
 *    request authenticated by the cookie — the `X-CSRF-Token` header (or `_csrf` form field) must be the session's
 *    token, and Origin (or Referer) must be the service's own. Bearer requests carry no ambient credential and are
 *    exempt. Sign-in itself gets the Origin check (no session yet, so no token).
 *    A page's multipart form (a file upload) is not parsed before the route: its token is the form's FIRST field,
 *    `_csrf` (the hidden input the csrf partial puts first in the form; browsers send fields in document order).
 *    The perimeter reads that one field from the stream and refuses the form — before any file is read — unless it
 *    is the session's token; the route reads the remaining parts (req.multipartRest). The token never travels in
 *    the URL (it would be logged).
 */
export function registerAuthentication(
  fastify: FastifyInstance,
  auth: Authenticator,
  env: Env,
  refusePage?: (req: FastifyRequest, reply: FastifyReply) => void,
): void {
  const hooks = authenticationHooks(auth, env, refusePage);
  fastify.addHook('onRequest', hooks.onRequest);
  fastify.addHook('preValidation', hooks.preValidation);
}

type Hook = (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => void;

/** The hooks themselves (registerAuthentication adds them; the benchmark times onRequest in-process). */
export function authenticationHooks(
  auth: Authenticator,
  env: Env,
  refusePage?: (req: FastifyRequest, reply: FastifyReply) => void,
): { onRequest: Hook; preValidation: Hook } {
  /** A refused form of the workplace is answered with a page (src/web/page-errors.ts); the API's with JSON. */
  const refuse = (req: FastifyRequest, reply: FastifyReply, field: string, rule: string, message: string): void => {
    if (refusePage && !req.url.startsWith('/api/') && /\btext\/html\b/i.test(req.headers.accept ?? ''))
      return refusePage(req, reply);
    refuseJson(reply, field, rule, message);
  };
  const ownOrigin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null;

  /** After the principal is known: the Swagger routes need one; a cookie or sign-in request from a foreign origin
   * is refused before its body is even read. */
  const afterAuthentication = (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void): void => {
    if (!req.principal && req.url.startsWith('/api/docs')) {
      const { status, body } = answerFor(DomainError.unauthenticated());
      void reply.code(status).send(body);
      return;
    }
    if (UNSAFE.has(req.method) && (req.principal?.via === 'session' || isLogin(req)) && !originAllowed(req, ownOrigin))
      return refuse(req, reply, 'Origin', 'origin_not_allowed', 'Запрос отправлен с чужого сайта и отклонён');
    done();
  };

  const onRequest: Hook = (req, reply, done) => {
    const credential = credentialOf(req);
    if (!credential) return afterAuthentication(req, reply, done);
    const hit = auth.cached(credential.kind, credential.secret);
    if (hit) {
      setPrincipal(req, hit, credential);
      return afterAuthentication(req, reply, done);
    }
    auth.resolve(credential.kind, credential.secret).then(
      (principal) => {
        if (principal) setPrincipal(req, principal, credential);
        afterAuthentication(req, reply, done);
      },
      (e: unknown) => done(e as Error),
    );
  };

  const refuseCsrf = (req: FastifyRequest, reply: FastifyReply) =>
    refuse(
      req,
      reply,
      'X-CSRF-Token',
      'csrf_token_invalid',
      'Нет или неверный токен защиты от подделки запросов (X-CSRF-Token): обновите страницу',
    );

  const preValidation: Hook = (req, reply, done) => {
    if (!UNSAFE.has(req.method) || req.principal?.via !== 'session' || isLogin(req) || isReadOnlyPost(req))
      return done();
    if (req.headers[CSRF_HEADER] === undefined && isPageMultipart(req)) {
      leadingCsrfField(req).then(
        (sent) =>
          req.sessionSecret && sent && csrfTokenMatches(req.sessionSecret, sent) ? done() : refuseCsrf(req, reply),
        () => refuseCsrf(req, reply),
      );
      return;
    }
    if (!csrfTokenValid(req)) return refuseCsrf(req, reply);
    done();
  };
  return { onRequest, preValidation };
}

/**
 * The public document check (`POST /verify`, a clerk uploads a PDF) changes nothing and answers the same signed in
 * or not: no CSRF token is asked (a signed-in clerk posting its form must not be refused).
 */
function isReadOnlyPost(req: FastifyRequest): boolean {
  return req.url.split('?')[0] === '/verify';
}

function isLogin(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0];
  return path === LOGIN_PATH || path === PAGE_LOGIN_PATH;
}

function setPrincipal(req: FastifyRequest, principal: Principal, credential: { kind: string; secret: string }) {
  req.principal = principal;
  if (credential.kind === 'session') req.sessionSecret = credential.secret;
}

/** The bearer token if the request has one (it wins over a cookie), else the session cookie. */
function credentialOf(req: FastifyRequest): { kind: 'session' | 'token'; secret: string } | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    if (authorization.length > 7 && authorization.slice(0, 7).toLowerCase() === 'bearer ')
      return { kind: 'token', secret: authorization.slice(7).trim() };
    return undefined;
  }
  if (req.headers.cookie === undefined) return undefined;
  const secret = req.cookies?.[SESSION_COOKIE];
  return secret ? { kind: 'session', secret } : undefined;
}

/**
 * Origin, else Referer, must be the service's own origin (PUBLIC_URL; unset: the request's Host). A request with
 * neither (a script, curl) passes: the CSRF token still guards cookie requests, and browsers send Origin on every
 * cross-site POST.
 */
function originAllowed(req: FastifyRequest, ownOrigin: string | null): boolean {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = origin ?? referer;
  if (claimed === undefined) return true;
  let url: URL;
  try {
    url = new URL(claimed); // Origin "null" (a sandboxed frame, a file://) does not parse: refused
  } catch {
    return false;
  }
  if (ownOrigin) return url.origin === ownOrigin;
  return url.host === req.headers.host;
}

/** A multipart body posted to a page (the API's uploads send the X-CSRF-Token header instead). */
function isPageMultipart(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') && typeof req.isMultipart === 'function' && req.isMultipart();
}

/**
 * The value of the form's first part when it is the field `_csrf`; undefined otherwise (a file first, another
 * field first, an empty form). The parts after it are left to the route in req.multipartRest, read with the
 * route's limits (route config `multipartOptions`, as @fastify/multipart's own body attachment does).
 */
async function leadingCsrfField(req: FastifyRequest): Promise<string | undefined> {
  const config = req.routeOptions.config as { multipartOptions?: Parameters<FastifyRequest['parts']>[0] };
  const parts = req.parts(config.multipartOptions);
  const first = await parts.next();
  req.multipartRest = parts;
  if (first.done) return undefined;
  const part = first.value;
  if (part.type !== 'field' || part.fieldname !== '_csrf') return undefined;
  return typeof part.value === 'string' ? part.value : undefined;
}

function csrfTokenValid(req: FastifyRequest): boolean {
  if (!req.sessionSecret) return false;
  let sent = req.headers[CSRF_HEADER];
  if (Array.isArray(sent)) sent = sent[0];
  if (sent === undefined && typeof req.body === 'object' && req.body !== null) {
    const body = req.body as Record<string, unknown>;
    if (typeof body._csrf === 'string') sent = body._csrf;
    delete body._csrf; // the perimeter's field, not the form's: the route's validation never sees it
  }
  return typeof sent === 'string' && csrfTokenMatches(req.sessionSecret, sent);
}

function refuseJson(reply: FastifyReply, field: string, rule: string, message: string): void {
  const { status, body } = answerFor(new DomainError('forbidden', message, { errors: [{ field, rule, message }] }));
  void reply.code(status).send(body);
}
