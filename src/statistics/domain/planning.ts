/**
 * Planning backwards (issue 12 §3): when the convict of a case may first petition (УК 72 for parole, УК 73 for
 * replacement, from the sentence as filed — the same computation as GET /api/cases/:id/eligibility), and the day
 * by which mediation should start (legal-rules `planning.startMediationMonthsBeforePetition` before it). A case is
 * on the «start now» register while it is open before the court's decision and no claim has an agreement yet.
 * Pure.
 */
import type { ProcedureState } from '../../../machines/procedure';
import { claimReadings } from '../../../machines/read';
import type { CaseApplication } from '../../cases/domain/case-application';
import { addMonths } from '../../common/local-date';
import { computeEligibility } from '../../eligibility/domain/parole-eligibility';
import { iinBirthDate, iinSex } from '../../identity/domain/iin';
import { planning } from '../../law/legal-rules';

/** Case states in which the work with the victims is still before the court (or may start again after a refusal). */
const PLANNED_STATES: ReadonlySet<string> = new Set(['applied', 'mediation', 'readyForCourt', 'refused']);

export interface Planning {
  /** The earliest day the convict may petition; null when the law excludes it or it cannot be computed. */
  earliestPetition: string | null;
  /** The day mediation should start by: three months before. */
  startBy: string | null;
  /** On the register: open before the court's decision, and no agreement signed yet. */
  planned: boolean;
}

export function earliestPetitionDate(app: CaseApplication): string | null {
  try {
    const s = app.sentence;
    const result = computeEligibility({
      procedure: app.procedure,
      term: s.lifeImprisonment ? undefined : s.term,
      lifeImprisonment: s.lifeImprisonment,
      termStartDate: s.startDate,
      pretrialDetentionDays: s.pretrialDetentionDays,
      gravity: s.gravity,
      againstLifeOrHealth: s.againstLifeOrHealth,
      birthDate: app.convict.birthDate ?? iinBirthDate(app.convict.iin) ?? undefined,
      sex: iinSex(app.convict.iin) ?? undefined,
    });
    const answer = app.procedure === 'replacement' ? result.replacement : result.parole;
    return answer?.earliestDate ?? null;
  } catch {
    return null; // an application the eligibility rules cannot read: not planned, never a failed write
  }
}

export const startByOf = (earliest: string): string =>
  addMonths(earliest, -planning.startMediationMonthsBeforePetition.value);

/** `earliest`: the date already computed for this application (the sentence did not change), else computed. */
export function planningOf(
  app: CaseApplication,
  state: string,
  snapshot: ProcedureState,
  earliest?: string | null,
): Planning {
  const earliestPetition = earliest !== undefined ? earliest : earliestPetitionDate(app);
  const agreed = claimReadings(snapshot).some((c) => c.agreement !== null);
  return {
    earliestPetition,
    startBy: earliestPetition ? startByOf(earliestPetition) : null,
    planned: earliestPetition !== null && !agreed && PLANNED_STATES.has(state),
  };
}
