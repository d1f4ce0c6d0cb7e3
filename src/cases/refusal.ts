import type { ApplyResult } from '../../machines/procedure';
import { DomainError } from '../common/domain-error';
import { stateLabelRu } from './state-labels';

/** The machines' refusal of an event, as the API answers it: 409 event_not_allowed, or 422 naming the rule. */
export function refusalError(result: Extract<ApplyResult, { ok: false }>, eventType: string): DomainError {
  if (result.error === 'event_not_allowed') {
    return new DomainError('event_not_allowed', `Событие «${eventType}» сейчас недопустимо: ${stateLabelRu(result.state)}`, {
      state: result.state,
      allowed: result.allowed,
    });
  }
  return DomainError.rule(result.field, result.rule, result.message);
}
