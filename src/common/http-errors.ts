import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from './domain-error';

/** The largest request body the API takes (the same 100 KB Express's JSON parser allowed before). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Deepest nesting of objects and arrays a JSON body may have; the deepest request the API defines has 4 levels. */
export const MAX_JSON_DEPTH = 32;

/** A JSON body nested deeper than MAX_JSON_DEPTH: refused before it is parsed. */
export class JsonTooDeepError extends Error {
  readonly statusCode = 400;
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * Whether a JSON text nests objects/arrays deeper than `max`, found in one pass over the text without parsing it
 * (brackets inside strings do not count). Malformed text is left to the parser.
 */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

export interface FrameworkErrorAnswer {
  status: number;
  body: { error: string; message: string; errors: FieldError[] };
}

function answer(status: number, error: string, field: string, rule: string, message: string): FrameworkErrorAnswer {
  return { status, body: { error, message, errors: [{ field, rule, message }] } };
}

const INVALID_JSON = 'Тело запроса не является корректным JSON';

/**
 * Errors raised by the HTTP framework before a controller runs (body parser, content type, URL), in the API's
 * shape with a Russian message; null for anything else. Fastify's errors carry a `code` (FST_ERR_*) and a
 * `statusCode`; an unknown one with a 4xx status still becomes that 4xx, never a 500.
 */
export function frameworkError(err: unknown): FrameworkErrorAnswer | null {
  if (err instanceof JsonTooDeepError) {
    return answer(
      400,
      'validation_failed',
      'body',
      'max_depth',
      `Слишком глубокая вложенность JSON: не больше ${MAX_JSON_DEPTH} уровней`,
    );
  }
  if (typeof err !== 'object' || err === null) return null;
  const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return answer(400, 'validation_failed', 'body', 'json', INVALID_JSON);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return answer(400, 'validation_failed', 'body', 'json', 'Пустое тело запроса при Content-Type: application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer(
        413,
        'payload_too_large',
        'body',
        'max_size',
        `Тело запроса слишком большое: не больше ${BODY_LIMIT_BYTES / 1024} КБ`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer(
        415,
        'unsupported_media_type',
        'Content-Type',
        'content_type',
        'Неподдерживаемый тип содержимого: ожидается Content-Type: application/json',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return answer(
        400,
        'validation_failed',
        'Content-Length',
        'content_length',
        'Длина тела запроса не совпадает с заголовком Content-Length',
      );
    case 'FST_ERR_BAD_URL':
      return answer(400, 'validation_failed', 'path', 'url_encoding', 'Адрес содержит неверную %-последовательность');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return answer(414, 'validation_failed', 'path', 'max_length', 'Слишком длинная часть адреса');
  }
  if (err instanceof SyntaxError && statusCode === 400)
    return answer(400, 'validation_failed', 'body', 'json', INVALID_JSON);
  // any other Fastify (or plugin) error the client caused, e.g. FST_ERR_… or a plugin's FST_CSRF_…
  if (typeof code === 'string' && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return answer(
      statusCode,
      'http_error',
      '',
      code.replace(/^FST_(ERR_)?/, '').toLowerCase(),
      'Запрос не может быть обработан',
    );
  }
  return null;
}

/**
 * The registered route patterns, to name the path parameter an undecodable URL segment stands for: in
 * `/api/cases/%E0%A4%A` it is `id`. Fastify refuses such a URL before routing (FST_ERR_BAD_URL), without
 * knowing the route.
 */
export class RouteTable {
  private readonly routes: string[][] = [];

  add(url: string): void {
    this.routes.push(url.split('/'));
  }

  /** The name of the parameter the first undecodable segment of `path` stands for, or `path` when none fits. */
  parameterAt(path: string): string {
    const segments = path.split('?')[0].split('/');
    const bad = segments.findIndex((s) => !decodes(s));
    if (bad < 0) return 'path';
    for (const route of this.routes) {
      if (route.length !== segments.length || !route[bad]?.startsWith(':')) continue;
      if (route.every((part, i) => i === bad || part.startsWith(':') || part === segments[i]))
        return route[bad].slice(1);
    }
    return 'path';
  }
}

/**
 * Fastify's `frameworkErrors` option: errors it meets before routing (an undecodable URL, a parameter too long)
 * in the API's shape, the undecodable URL naming the path parameter it stands for.
 */
export function frameworkErrorHandler(routes: RouteTable) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const found = frameworkError(error) ?? answer(400, 'http_error', 'path', 'url', 'Запрос не может быть обработан');
    if (error.code === 'FST_ERR_BAD_URL') found.body.errors[0].field = routes.parameterAt(request.url);
    void reply.code(found.status).send(found.body);
  };
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (raw non-ASCII bytes in the URL, malformed
 * headers, headers too large, a client too slow) is answered on the socket in the API's shape, then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const found =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? answer(408, 'http_error', '', 'timeout', 'Запрос не получен полностью за отведённое время')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? answer(431, 'http_error', 'headers', 'max_size', 'Слишком большие заголовки запроса')
        : answer(
            400,
            'http_error',
            'request',
            'http_syntax',
            'Запрос не соответствует протоколу HTTP (например, байты вне ASCII в адресе: их нужно кодировать %XX)',
          );
  const body = JSON.stringify(found.body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${found.status} ${STATUS_CODES[found.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
