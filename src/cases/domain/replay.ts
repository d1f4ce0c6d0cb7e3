import {
  applyEvent,
  initialProcedure,
  type ProcedureDeps,
  type ProcedureEvent,
  type ProcedureState,
  type Role,
} from '../../../machines/procedure';
import type { CaseApplication } from './case-application';

export interface RecordedEvent {
  seq: number;
  type: string;
  claimId: string | null;
  actorRole: string;
  eventDate: string;
  payload: Record<string, unknown>;
}

/**
 * Rebuilds a case's procedure state from its application and its history alone.
 * The history is complete when this reproduces the stored snapshot (tested).
 */
export function replayHistory(
  application: CaseApplication,
  events: RecordedEvent[],
  deps: ProcedureDeps,
): ProcedureState {
  let state = initialProcedure({
    procedure: application.procedure,
    lifeImprisonment: application.sentence.lifeImprisonment,
    claims: application.claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      awarded: c.amountAwarded,
      recovered: c.amountRecovered,
    })),
  });
  for (const e of events) {
    if (e.seq === 1) continue; // the application itself
    const { notesRef: _notesRef, ...payload } = e.payload;
    const event = {
      ...payload,
      type: e.type,
      claimId: e.claimId ?? undefined,
      actor: e.actorRole as Role,
      at: e.eventDate,
    } as ProcedureEvent;
    const result = applyEvent(state, event, deps);
    if (!result.ok) throw new Error(`history does not replay at seq ${e.seq} (${e.type}): ${JSON.stringify(result)}`);
    state = result.state;
  }
  return state;
}
