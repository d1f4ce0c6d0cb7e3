import {
  applyEvent,
  initialProcedure,
  type ProcedureDeps,
  type ProcedureEvent,
  type ProcedureState,
  type Role,
} from '../../../machines/procedure';
import type { PaymentOnRecord } from '../../../machines/events';
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
  // The payments ledger as the history builds it, per claim: reference → the payment no reversal refers to. The
  // store looks the original of a reversal up in the ledger table; replay looks it up here.
  const ledger = new Map<string, Map<string, PaymentOnRecord>>();
  const live = (claimId: string) => ledger.get(claimId) ?? ledger.set(claimId, new Map()).get(claimId)!;
  for (const e of events) {
    if (e.seq === 1) continue; // the application itself
    const { notesRef: _notesRef, ...payload } = e.payload;
    let event = {
      ...payload,
      type: e.type,
      claimId: e.claimId ?? undefined,
      actor: e.actorRole as Role,
      at: e.eventDate,
    } as ProcedureEvent;
    const claimLedger = e.claimId ? live(e.claimId) : undefined;
    const reversed = e.type === 'payment.reversed' ? claimLedger?.get(String(payload.reference)) : undefined;
    if (e.type === 'payment.reversed') event = { ...event, original: reversed ?? null, replacementOnRecord: null };
    const result = applyEvent(state, event, deps);
    if (!result.ok) throw new Error(`history does not replay at seq ${e.seq} (${e.type}): ${JSON.stringify(result)}`);
    if (claimLedger && result.changed) {
      const entry = (p: Record<string, unknown>) =>
        claimLedger.set(String(p.reference), { amount: Number(p.amount), date: String(p.date) });
      if (e.type === 'payment.recorded' && !claimLedger.has(String(payload.reference))) entry(payload);
      if (e.type === 'payment.reversed') {
        claimLedger.delete(String(payload.reference));
        if (payload.replacement) entry(payload.replacement as Record<string, unknown>);
      }
    }
    state = result.state;
  }
  return state;
}
