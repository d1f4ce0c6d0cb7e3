import type { ApplyResult } from '../../machines';
import { DomainError } from '../common/domain-error';
import { stateLabel } from './state-labels';

type Refused = Extract<ApplyResult, { ok: false }>;

/**
 * The DomainError for an event the procedure refused: 409 `event_not_allowed` with where the case (and the claim)
 * stands and what may happen instead, or 400 `rule_violation` naming the field and the rule.
 */
export function refusalError(result: Refused): DomainError {
  if (result.error === 'rule_violation') return DomainError.rule(result.field, result.rule, result.message);
  const { caseState, claimId, claimState } = result;
  const claimPart =
    claimId !== undefined && claimState ? ` (claim ${claimId}: ${claimState.restitution ?? claimState.mediation})` : '';
  return new DomainError('event_not_allowed', `Событие «${result.event}» сейчас недопустимо: ${stateLabel(result)}`, {
    // Compact, as before the states were structured: «mediation (claim <id>: pending)».
    state: `${caseState}${claimPart}`,
    caseState,
    ...(claimId !== undefined && { claimId }),
    ...(claimState && { claimState }),
    allowed: result.allowed,
  });
}
