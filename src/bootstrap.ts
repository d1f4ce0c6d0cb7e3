import type { Server } from 'node:http';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { errorCodes } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger as PinoLogger } from 'pino';
import { AppModule, AppOptions } from './app.module';
import { createLogger, logRequests, NestLogger } from './common/logging';
import {
  BODY_LIMIT_BYTES,
  clientErrorHandler,
  frameworkErrorHandler,
  JsonTooDeepError,
  jsonDeeperThan,
  MAX_JSON_DEPTH,
  RouteTable,
} from './common/http-errors';
import { createValidationPipe } from './common/validation.pipe';

/** Builds the HTTP application (Fastify) exactly as production runs it; e2e tests use the same function. */
export async function createApp(
  options: AppOptions,
  { logger = true }: { logger?: boolean } = {},
): Promise<NestFastifyApplication> {
  const log = createLogger(options.env.LOG_LEVEL);
  const routes = new RouteTable();
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: frameworkErrorHandler(routes),
    clientErrorHandler,
  });
  adapter.getInstance().addHook('onRoute', (route) => routes.add(route.url));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    logger: logger ? undefined : false,
  });
  if (logger) app.useLogger(new NestLogger(log));
  registerHttpPlugins(app, log);
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
 * The one place where the HTTP layer is put together: the request log and body parsers now; the cookie, CSRF,
 * helmet, view and static plugins of sign-in and the web pages belong here too (Fastify plugins, `app.register`).
 */
function registerHttpPlugins(app: NestFastifyApplication, log: PinoLogger): void {
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, log);
  // JSON bodies: Fastify's parser (prototype-poisoning checks on), after a depth check that a body nested
  // thousands of levels deep never reaches the parser or the validators
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDeeperThan(text, MAX_JSON_DEPTH)) return done(new JsonTooDeepError(), undefined);
    void parseJson(request, text, done); // Fastify's JSON parser answers through `done`
  });
  // The API speaks JSON (and form posts, for the web pages to come): any other content type is a 415
  fastify.removeContentTypeParser('text/plain');
  // File uploads (a clerk's PDF on /verify): multipart parts are read by the route, which sets its own size limit;
  // no more than one file and a few fields per request anywhere. Only the routes listed take multipart bodies: the
  // JSON API answers them 415 as it answers any other content type.
  void app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 } });
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'] ?? '';
    if (/^\s*multipart\//i.test(type) && !MULTIPART_ROUTES.has(request.routeOptions.url ?? ''))
      return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type));
    done();
  });
}

/** The routes that take multipart/form-data bodies (file uploads). */
const MULTIPART_ROUTES = new Set(['/verify']);

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
