import type { Params } from 'nestjs-pino';

/**
 * Structured logs (pino). Personal data and mediation notes must never reach a log line:
 * request and response bodies are not logged at all, and a defensive redaction list covers
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

export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[скрыто]' },
      // Only method, path (ids are opaque UUIDs, never personal data), status and time.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
