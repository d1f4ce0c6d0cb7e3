import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { MoneyError } from '../money/domain/money';
import { DomainError, DomainErrorCode } from './domain-error';

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'rule_violation':
      return 400;
    case 'not_found':
      return 404;
    case 'event_not_allowed':
    case 'version_conflict':
      return 409;
    case 'service_unavailable':
      return 503;
  }
}

/** Maps every error to one JSON shape. Unknown errors are logged (without request bodies) and become 500. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainError) {
      const status = statusOf(exception.code);
      switch (exception.code) {
        case 'event_not_allowed':
          res.status(status).json({ error: 'event_not_allowed', message: exception.message, ...exception.details });
          return;
        case 'version_conflict':
          res.status(status).json({ error: 'version_conflict', message: exception.message, ...exception.details });
          return;
        case 'not_found':
          res.status(status).json({ error: 'not_found', message: exception.message });
          return;
        default:
          res.status(status).json({ error: exception.code, message: exception.message, ...exception.details });
          return;
      }
    }
    if (exception instanceof MoneyError) {
      const message = exception.message.slice(exception.field.length + 2);
      res.status(400).json({ error: 'validation_failed', errors: [{ field: exception.field, rule: exception.rule, message }] });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (status === 400 && typeof body === 'object' && body !== null && 'message' in body) {
        // e.g. malformed JSON rejected by the body parser
        res.status(400).json({ error: 'validation_failed', errors: [{ field: 'body', rule: 'json', message: 'Тело запроса не является корректным JSON' }] });
        return;
      }
      if (status === 404) {
        res.status(404).json({ error: 'not_found', message: 'Такого адреса в API нет (см. /api/docs)' });
        return;
      }
      res.status(status).json({ error: 'http_error', message: exception.message });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    res.status(500).json({ error: 'internal_error', message: 'Внутренняя ошибка сервиса; данные не изменены' });
  }
}
