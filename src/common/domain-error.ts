/**
 * The one error vocabulary of the service. Services throw DomainError with a code;
 * exactly one filter (domain-error.filter.ts) maps codes to HTTP. Services never throw HttpException.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'event_not_allowed'
  | 'version_conflict'
  | 'rule_violation'
  | 'unauthenticated'
  | 'forbidden'
  | 'too_many_requests'
  | 'service_unavailable';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[]): DomainError {
    return new DomainError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }

  static rule(field: string, rule: string, message: string): DomainError {
    return new DomainError('rule_violation', message, { errors: [{ field, rule, message }] });
  }

  /** No one is signed in (or the session expired): 401. */
  static unauthenticated(): DomainError {
    return new DomainError('unauthenticated', 'Требуется вход в систему', {
      errors: [{ field: 'session', rule: 'sign_in_required', message: 'Требуется вход в систему' }],
    });
  }

  /** Signed in, but the role may not do this (outside a case: inside one, out of scope is a 404): 403. */
  static forbidden(
    role: string,
    rule = 'role_not_allowed',
    message = `Роль «${role}» не может выполнить это действие`,
  ): DomainError {
    return new DomainError('forbidden', message, { errors: [{ field: 'role', rule, message }] });
  }

  /** Too many attempts: 429 with the seconds until the next one is accepted (`Retry-After`). */
  static tooManyRequests(field: string, retryAfterSeconds: number, message: string): DomainError {
    return new DomainError('too_many_requests', message, {
      retryAfterSeconds,
      errors: [{ field, rule: 'too_many_attempts', message }],
    });
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('not_found', `${what} не найдено: ${id}`, { what, id });
  }
}
