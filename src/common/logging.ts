import type { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pino, { Level, Logger } from 'pino';

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

/** The service's one pino logger: request lines and Nest's own messages (through NestLogger) go to it. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[скрыто]' } });
}

/**
 * Nest's own messages (start-up, `new Logger(context)` in services, exception handlers) as pino lines on the
 * same logger: `{ level, context, msg }`, and for an error `err` with its type and message and a `reference`; the
 * stack goes only to a debug line with the same reference. Nest passes the context as the
 * last argument and, to `error`, a stack before it (`Logger.error(message, stack, context)`).
 */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const stack = params.find((p): p is string => typeof p === 'string' && /\n\s*at /.test(p));
    const last = params.at(-1);
    const fields: Record<string, unknown> = typeof last === 'string' && last !== stack ? { context: last } : {};
    let msg: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      msg = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      msg = String(message);
    }
    if (stack !== undefined && fields.err === undefined) fields.err = Object.assign(new Error(msg), { stack });
    const { err, ...rest } = fields;
    if (err instanceof Error) {
      // Named only (an error's other fields may hold query parameters): `error` with its type and message, and a
      // reference; the stack goes to a debug line with the same reference (stack traces only in debug logs).
      const reference = randomUUID().slice(0, 8);
      const error = { type: err.name, message: err.message };
      if (level !== 'debug' && level !== 'trace') this.logger[level]({ ...rest, reference, error }, msg);
      if (this.logger.isLevelEnabled('debug')) this.logger.debug({ ...rest, reference, error, stack: err.stack }, msg);
      return;
    }
    this.logger[level](fields, msg);
  }
}

/** What an unmatched request's path is logged as: the raw path may be anything a client typed (an ИИН). */
export const UNKNOWN_ROUTE = '(unknown route)';

/**
 * One line per answered request — method, the matched route's pattern (`/api/cases/:id`, never the path as sent:
 * a client may put an ИИН or a name where an id goes, and the query string may carry a searched name), status
 * and time in ms — from Fastify's onResponse hook: no middleware layer and no per-request child logger. A
 * request that matched no route is logged as UNKNOWN_ROUTE. /health is not logged.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.routeOptions.url ?? UNKNOWN_ROUTE;
    if (url !== '/health') {
      const line = {
        req: { id: request.id, method: request.method, url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 100) / 100,
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
