import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Env } from '../config/env';
import { DomainError } from './domain-error';

/**
 * The Content-Security-Policy of every answer: nothing but the service's own files, no inline script, no
 * framing (frame-ancestors 'none': no click-jacking), forms post only here.
 */
const STRICT_CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  upgradeInsecureRequests: null, // the quick start speaks plain HTTP on 127.0.0.1; TLS is the proxy's
};

/**
 * Pages that carry their own inline styles get them allowed — still no inline script: the Swagger UI
 * (`/api/docs`, its page and assets) and a court document as HTML (its layout has a `<style>` block).
 */
const WITH_INLINE_STYLES = { ...STRICT_CSP, styleSrc: ["'self'", "'unsafe-inline'"] };

export function withInlineStyles(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/') || url === '/api/cases/:id/documents/:kind';
}

/**
 * The headers that matter on an answer helmet does not see: Fastify's `frameworkErrors` handler answers a URL it
 * cannot decode before any hook runs.
 */
export const FALLBACK_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(STRICT_CSP)
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';'),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function withSecurityHeaders(
  handler: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    void reply.headers({ ...FALLBACK_SECURITY_HEADERS });
    handler(error, request, reply);
  };
}

/** Fastify's `trustProxy` from the TRUST_PROXY setting (see src/config/env.ts). */
export function trustProxyOption(
  value: string | undefined,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value); // that many proxies in front: trust the addresses they added
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .join(',');
}

/**
 * Security headers and the global rate limit, registered before any route (so that every route gets them):
 *  - @fastify/helmet: the CSP above (relaxed for inline styles on the pages named in `withInlineStyles` only),
 *    X-Content-Type-Options: nosniff, Referrer-Policy: same-origin (no address leaves for another site; a browser sends Origin on the workplace's own forms, which the CSRF check reads), X-Frame-Options, no X-Powered-By, and the
 *    rest of helmet's defaults; on errors and 404s too.
 *  - @fastify/rate-limit: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_SECONDS per client address (`req.ip`:
 *    behind a proxy set TRUST_PROXY, or every client shares the proxy's budget), counted in this process's memory,
 *    on every request (unmatched paths too) before it is authenticated; 429 in the API's error shape with
 *    Retry-After; /health and /health/ready are never limited. 0 turns it off.
 */
export async function registerPerimeter(app: NestFastifyApplication, env: Env): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Routes of the pages with inline styles get their own policy (helmet reads it from the route's config)
  fastify.addHook('onRoute', (route) => {
    if (withInlineStyles(route.url)) {
      const helmetConfig = { contentSecurityPolicy: { useDefaults: false, directives: WITH_INLINE_STYLES } };
      route.config = { ...(route.config ?? {}), helmet: helmetConfig } as typeof route.config;
    }
  });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    hidePoweredBy: true,
  });
  if (env.RATE_LIMIT_MAX > 0) {
    await app.register(rateLimit, {
      global: false, // not per route: one hook for every request, below
      max: env.RATE_LIMIT_MAX,
      timeWindow: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
      keyGenerator: (request) => request.ip,
      allowList: (request) => request.url === '/health' || request.url.startsWith('/health/'),
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return DomainError.tooManyRequests(
          'request',
          seconds,
          `Слишком много запросов с этого адреса: не больше ${context.max} за ${env.RATE_LIMIT_WINDOW_SECONDS} с. ` +
            `Повторите через ${seconds} с`,
        );
      },
    });
    // Before authentication (registered ahead of it) and for unmatched paths too: a flood costs no token look-up
    fastify.addHook('onRequest', fastify.rateLimit());
  }
}
