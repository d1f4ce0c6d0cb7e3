import type { LoggerService } from '@nestjs/common';
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
 * same logger: `{ level, context, msg }`, and `err` with the stack for an error. Nest passes the context as the
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
    this.logger[level](fields, msg);
  }
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
