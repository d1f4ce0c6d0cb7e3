import type { FastifyInstance } from 'fastify';
import type { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';

/**
 * Structured logs (pino). Personal data and mediation notes must never reach a log line:
 * request and response bodies and query strings are not logged at all, and a defensive redaction list covers
 * fields that could appear in error objects.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.iin',
  '*.bin',
  '*.notes',
  '*.address',
  '*.phone',
  '*.fullName',
  'req.body',
  'res.body',
];

/** The service's one pino logger: request lines and Nest's own messages (through nestjs-pino) go to it. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[скрыто]' } });
}

/**
 * nestjs-pino as the bridge for Nest's logger only: request lines come from the Fastify hook below, so the
 * module mounts no middleware (`forRoutes: []`).
 */
export function loggerParams(logger: Logger): Params {
  return { pinoHttp: { logger }, forRoutes: [] };
}

/**
 * One line per answered request — method, path (ids are opaque UUIDs, never personal data; the query string,
 * which may carry a searched name, is cut off), status and time in ms — from Fastify's onResponse hook:
 * no middleware layer and no per-request child logger. /health is not logged.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url.split('?')[0];
    if (url !== '/health') {
      const line = { req: { id: request.id, method: request.method, url }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
