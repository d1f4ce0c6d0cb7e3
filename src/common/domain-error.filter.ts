import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MoneyError } from '../money/domain/money';
import { DomainError, DomainErrorCode, FieldError } from './domain-error';
import { frameworkError } from './http-errors';

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'rule_violation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'too_many_requests':
      return 429;
    case 'event_not_allowed':
    case 'version_conflict':
      return 409;
    case 'service_unavailable':
      return 503;
  }
}

/** The field a refusal without field errors of its own is about, so that every 4xx names one. */
function fieldOf(error: DomainError): FieldError {
  const { code, message, details } = error;
  switch (code) {
    case 'event_not_allowed':
      return { field: 'type', rule: 'event_not_allowed', message };
    case 'version_conflict':
      return { field: 'expectedVersion', rule: 'version_conflict', message };
    case 'not_found':
      return {
        field: details.claimId !== undefined || details.what === 'Требование' ? 'claimId' : 'id',
        rule: 'not_found',
        message,
      };
    case 'service_unavailable':
      return { field: 'service', rule: code, message }; // not the user's input: the service itself is not ready
    default:
      return { field: '', rule: code, message };
  }
}

export interface HttpErrorAnswer {
  status: number;
  body: { error: string; message?: string; errors: FieldError[]; [detail: string]: unknown };
}

/**
 * Every error as one JSON shape: `{ error, message?, errors: [{ field, rule, message }], ...details }`, messages in
 * Russian. Unknown errors become 500 (and are logged by the filter); everything the client caused is a 4xx.
 */
export function answerFor(exception: unknown): HttpErrorAnswer {
  if (exception instanceof DomainError) {
    const errors = Array.isArray(exception.details.errors)
      ? (exception.details.errors as FieldError[])
      : [fieldOf(exception)];
    if (exception.code === 'not_found')
      return { status: 404, body: { error: 'not_found', message: exception.message, errors } };
    return {
      status: statusOf(exception.code),
      body: { error: exception.code, message: exception.message, ...exception.details, errors },
    };
  }
  if (exception instanceof MoneyError) {
    const message = exception.message.slice(exception.field.length + 2);
    return {
      status: 400,
      body: { error: 'validation_failed', errors: [{ field: exception.field, rule: exception.rule, message }] },
    };
  }
  if (exception instanceof HttpException) {
    // Fastify's own 4xx errors (body parser, content type, URL) arrive wrapped, the original as the cause
    const known = frameworkError(exception.cause ?? exception);
    if (known) return known;
    const status = exception.getStatus();
    if (status === 404) {
      const message = 'Такого адреса в API нет (см. /api/docs)';
      return {
        status,
        body: { error: 'not_found', message, errors: [{ field: 'path', rule: 'route_not_found', message }] },
      };
    }
    if (status < 500) {
      const message = 'Запрос не может быть обработан';
      return {
        status,
        body: { error: 'http_error', message, errors: [{ field: '', rule: `http_${status}`, message }] },
      };
    }
  }
  const known = frameworkError(exception);
  if (known) return known;
  return {
    status: 500,
    body: { error: 'internal_error', message: 'Внутренняя ошибка сервиса; данные не изменены', errors: [] },
  };
}

/** Answers errors of the workplace's pages as pages (src/web/page-errors.ts); false: not a page request. */
export interface PageErrorAnswers {
  answer(req: FastifyRequest, reply: FastifyReply, answer: HttpErrorAnswer): boolean;
}
export const PAGE_ERROR_ANSWERS = Symbol('PageErrorAnswers');

/**
 * Maps every error to one JSON shape (see answerFor). An unknown error becomes a 500 whose body carries a
 * reference; the error line (level error) has the reference, the error's type and message — never request
 * bodies — and the stack goes to a debug line with the same reference (stack traces only in debug logs).
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() @Inject(PAGE_ERROR_ANSWERS) private readonly pages?: PageErrorAnswers) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = answerFor(exception);
    if (status >= 500 && !(exception instanceof DomainError)) {
      const reference = randomUUID().slice(0, 8);
      body.reference = reference;
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`Необработанная ошибка, ссылка ${reference}: ${error.name}: ${error.message}`);
      this.logger.debug(`Ссылка ${reference}, стек: ${error.stack ?? '(нет)'}`);
    }
    if (typeof body.retryAfterSeconds === 'number') void reply.header('Retry-After', String(body.retryAfterSeconds));
    // A page of the workplace answers with a page (src/web/page-errors.ts); the API with JSON
    if (this.pages?.answer(host.switchToHttp().getRequest<FastifyRequest>(), reply, { status, body })) return;
    // JSON even where a page's route had already named HTML (@HtmlPage) before it threw: a script calling a page
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
