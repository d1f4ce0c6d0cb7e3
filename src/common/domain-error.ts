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

  static notFound(what: string, id: string): DomainError {
    return new DomainError('not_found', `${what} не найдено: ${id}`, { what, id });
  }
}
