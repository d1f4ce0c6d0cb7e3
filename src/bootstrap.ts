import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { dirname, join } from 'node:path';
import type { Server } from 'node:http';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger as PinoLogger } from 'pino';
import { AppModule, AppOptions } from './app.module';
import { createLogger, logRequests, NestLogger } from './common/logging';
import {
  BODY_LIMIT_BYTES,
  clientErrorHandler,
  frameworkError,
  frameworkErrorHandler,
  JsonTooDeepError,
  jsonDeeperThan,
  MAX_JSON_DEPTH,
  RouteTable,
} from './common/http-errors';
import { createValidationPipe } from './common/validation.pipe';
import { registerPerimeter, trustProxyOption, withSecurityHeaders } from './common/perimeter';
import { AuditLog } from './audit/audit-log';
import { auditRequests } from './audit/audit.hook';
import { Authenticator } from './auth/authenticator';
import { registerAuthentication } from './auth/http-authentication';
import { Env } from './config/env';
import { findTemplatesDir } from './documents/document-renderer';
import { PageErrors } from './web/page-errors';

/** Builds the HTTP application (Fastify) exactly as production runs it; e2e tests use the same function. */
export async function createApp(
  options: AppOptions,
  { logger = true }: { logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const log = createLogger(options.env.LOG_LEVEL);
  const routes = new RouteTable();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(options.env.TRUST_PROXY),
    frameworkErrors: withSecurityHeaders(frameworkErrorHandler(routes)),
    clientErrorHandler,
  });
  adapter.getInstance().addHook('onRoute', (route) => routes.add(route.url));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    logger: logger ? undefined : false,
  });
  if (logger) app.useLogger(new NestLogger(log));
  await registerHttpPlugins(app, log);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle('Медиация до УДО — mediation before parole')
    .setDescription(
      'Cases of mediation between convict and victim on restitution of the civil claim before parole (CC RK art. 72) ' +
        'or replacement with a milder punishment (art. 73): procedure, deadlines, schedules, documents for the court.',
    )
    .setVersion('1')
    .build();
  // The UI's files are served by @fastify/static (without it Nest would exit); /api/docs-json needs nothing more
  const ui = installed('@fastify/static');
  if (!ui)
    log.warn(
      'Swagger UI at /api/docs is off: @fastify/static is not installed (the description stays at /api/docs-json)',
    );
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), { ui });
  return app;
}

/**
 * The one place where the HTTP layer is put together: the request log, the audit of reads (src/audit), security
 * headers and the rate limit (src/common/perimeter.ts), cookies, authentication and CSRF (hooks that run before any
 * route), body parsers; view and static plugins of the web pages belong here too (Fastify plugins,
 * `app.register`).
 */
async function registerHttpPlugins(app: NestFastifyApplication, log: PinoLogger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, log);
  auditRequests(fastify, app.get(AuditLog));
  // Headers first: an answer the authentication hook sends early (401, a foreign origin) carries them too
  await registerPerimeter(app, app.get(Env));
  // Cookies are parsed for the session cookie only; the signed-in user is resolved before Nest's guard runs
  await app.register(fastifyCookie);
  const pageErrors = app.get(PageErrors);
  registerAuthentication(fastify, app.get(Authenticator), app.get(Env), (req, reply) => pageErrors.refuse(req, reply));
  // JSON bodies: Fastify's parser (prototype-poisoning checks on), after a depth check that a body nested
  // thousands of levels deep never reaches the parser or the validators
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDeeperThan(text, MAX_JSON_DEPTH)) return done(new JsonTooDeepError(), undefined);
    void parseJson(request, text, done); // Fastify's JSON parser answers through `done`
  });
  // The API speaks JSON; the workplace's pages post forms (urlencoded: Nest's Fastify adapter parses them with
  // fast-querystring, as @fastify/formbody would); any other content type is a 415
  fastify.removeContentTypeParser('text/plain');
  // The workplace's files: its stylesheet (templates/assets), Pico CSS and htmx from their packages
  const assets: [string, string][] = [
    ['/assets/', join(findTemplatesDir(), 'assets')],
    ['/assets/pico/', join(dirname(require.resolve('@picocss/pico/package.json')), 'css')],
    ['/assets/htmx/', join(dirname(require.resolve('htmx.org/package.json')), 'dist')],
  ];
  for (const [prefix, root] of assets)
    await app.register(fastifyStatic, { root, prefix, decorateReply: false, index: false, maxAge: 3600_000 });
  // File uploads (receipts of payments, a clerk's PDF on /verify): read only by the routes that ask for a file, each with its own limits.
  // Every other route answers a multipart body as any other non-JSON body: 415, before anything is read
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 11 } });
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    // (request.isMultipart() is only set once the plugin's parser has run, after this hook)
    const type = request.headers['content-type'] ?? '';
    const multipartBody = /^multipart\//i.test(type);
    if (!multipartBody || MULTIPART_ROUTES.has(request.routeOptions.url ?? '')) return done(null, payload);
    const { status, body } = frameworkError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })!;
    void reply.code(status).send(body);
  });
}

/** The routes that take a file (multipart/form-data). */
const MULTIPART_ROUTES: ReadonlySet<string> = new Set([
  '/api/cases/:id/claims/:claimId/payments/:reference/receipts',
  '/verify',
  // the restitution page's payment with its receipt, and a receipt for a payment already recorded (src/web/restitution)
  '/cases/:id/claims/:claimId/payments',
  '/cases/:id/claims/:claimId/receipts',
]);

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
