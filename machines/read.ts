/**
 * Reading the procedure state, typed: what the service, the views and the documents need to know about a case
 * and its claims. Pure. Amounts are the restitution machine's own figures, and payments are allocated by the
 * one ledger (allocatePayments via the machine's dueRows), so a view cannot disagree with the machine.
 */
import type { LocalDate } from '../src/common/local-date';
import { type Ledger, type PaymentLike, ledgerAsOf } from '../src/restitution/domain/ledger';
import type { CaseContext } from './case.machine';
import type { ClaimMediationContext } from './claim-mediation.machine';
import type { AgreementTerms, Tiyn } from './events';
import { type Deadline, type ProcedureDeps, describeProcedure, pendingDeadlines } from './procedure';
import {
  type Miss,
  type RestitutionContext,
  allocationOf,
  balance,
  dueRows,
  evasions,
  openArrears,
} from './restitution.machine';
import type { CaseStateValue, MediationStateValue, ProcedureState, RestitutionStateValue } from './snapshot';

export const caseStateOf = (state: ProcedureState): CaseStateValue => state.case.value;
export const caseContextOf = (state: ProcedureState): CaseContext => state.case.context;
export const claimIdsOf = (state: ProcedureState): string[] => Object.keys(state.claims);

export interface RestitutionReading {
  state: RestitutionStateValue;
  context: RestitutionContext;
}

/** One civil claim as the machines hold it. */
export interface ClaimReading {
  id: string;
  mediationState: MediationStateValue;
  mediation: ClaimMediationContext;
  outcome: ClaimMediationContext['outcome'];
  agreement: { signedOn: LocalDate; terms: AgreementTerms } | null;
  invitedOn: LocalDate | null;
  /** Last day to answer the invitation (ЗМед ст. 20 п. 6). */
  replyBy: LocalDate | null;
  /** Last day of the mediation term (ЗМед ст. 23). */
  termEndsOn: LocalDate | null;
  /** Once the agreement is signed. */
  restitution: RestitutionReading | null;
}

/** The claim, or null when the case has no claim with this id. */
export function claimReading(state: ProcedureState, claimId: string): ClaimReading | null {
  if (!Object.hasOwn(state.claims, claimId)) return null;
  const { mediation, restitution } = state.claims[claimId];
  const m = mediation.context;
  return {
    id: claimId,
    mediationState: mediation.value,
    mediation: m,
    outcome: m.outcome,
    agreement: m.agreement,
    invitedOn: m.invitedOn,
    replyBy: m.replyBy,
    termEndsOn: m.termEndsOn,
    restitution: restitution ? { state: restitution.value, context: restitution.context } : null,
  };
}

/** Every claim of the case, in the order of the application. */
export const claimReadings = (state: ProcedureState): ClaimReading[] =>
  claimIdsOf(state).map((id) => claimReading(state, id)!);

/** What the agreement still obliges the convict to pay (tiyn); null while the claim has no agreement. */
export function outstandingBalance(state: ProcedureState, claimId: string): Tiyn | null {
  const r = claimReading(state, claimId)?.restitution;
  return r ? balance(r.context) : null;
}

/** Arrears as the machine holds them: missed instalments of the current schedule that payments do not cover yet. */
export interface Arrears {
  misses: Miss[];
  /** Unpaid rest of those instalments (tiyn). */
  amount: Tiyn;
}

/** The claim's arrears; null while the claim has no agreement. In arrears ⇔ `misses` is not empty. */
export function arrearsOf(state: ProcedureState, claimId: string): Arrears | null {
  const r = claimReading(state, claimId)?.restitution;
  if (!r) return null;
  const misses = openArrears(r.context);
  const rows = allocationOf(r.context).rows;
  const open = new Set(misses.map((m) => m.instalmentNo));
  return { misses, amount: rows.filter((row) => open.has(row.no)).reduce((s, row) => s + row.remaining, 0) };
}

/**
 * A claim's restitution ledger: the machine's record and the one allocation of its payments, as of a day. The
 * payments come from the payments ledger table (the snapshot keeps only their total, count and last date).
 */
export interface ClaimLedger {
  state: RestitutionStateValue;
  context: RestitutionContext;
  /** Row 0 (what was due before the current schedule) and the schedule, with the payments allocated and each row's status on `asOf`. */
  ledger: Ledger;
  arrears: Arrears;
  /** Misses without a good reason, every schedule counted (УК 72 ч. 7 п. 1) — what `default.reported` checks. */
  evasions: number;
  /** Misses for which the officer recorded a good reason. */
  excusedMisses: number;
}

export function claimLedger(
  state: ProcedureState,
  claimId: string,
  asOf: LocalDate,
  graceDays: number,
  payments: readonly PaymentLike[],
): ClaimLedger | null {
  const r = claimReading(state, claimId)?.restitution;
  if (!r) return null;
  const c = r.context;
  return {
    state: r.state,
    context: c,
    ledger: ledgerAsOf(dueRows(c), payments, asOf, graceDays),
    arrears: arrearsOf(state, claimId)!,
    evasions: evasions(c),
    excusedMisses: c.misses.length - evasions(c),
  };
}

/** What may happen next: the case's event types and each claim's (guards aside — a check may still refuse). */
export function nextEvents(state: ProcedureState): { case: string[]; claims: Record<string, string[]> } {
  const d = describeProcedure(state);
  return { case: d.nextEvents, claims: Object.fromEntries(d.claims.map((c) => [c.id, c.nextEvents])) };
}

/** The deadlines the procedure awaits, the earliest first. */
export function nextDeadlines(state: ProcedureState, deps: ProcedureDeps): Deadline[] {
  return pendingDeadlines(state, deps).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}
