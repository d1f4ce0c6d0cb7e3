/**
 * The persisted procedure state, typed, and the one place that converts between XState's snapshots and their
 * JSON form. Every other module — in machines/ and outside — reads the state through these types and through
 * the functions of read.ts; nothing else casts a snapshot.
 */
import type { AnyStateMachine } from 'xstate';
import type { CaseContext } from './case.machine';
import type { ClaimMediationContext } from './claim-mediation.machine';
import type { RestitutionContext } from './restitution.machine';

/** The states of each machine (a unit test checks these lists against the machine definitions). */
export const CASE_STATES = [
  'applied',
  'declined',
  'mediation',
  'readyForCourt',
  'petitionFiled',
  'hearingScheduled',
  'paroleGranted',
  'replaced',
  'refused',
  'restitution',
  'closed',
  'revoked',
  'withdrawn',
] as const;
export const MEDIATION_STATES = [
  'pending',
  'tracked',
  'invited',
  'accepted',
  'negotiating',
  'agreed',
  'refused',
  'silent',
  'terminated',
] as const;
export const RESTITUTION_STATES = [
  'opening',
  'awaitingPayment',
  'awaitingRelease',
  'current',
  'inArrears',
  'defaultReported',
  'paidInFull',
] as const;

export type CaseStateValue = (typeof CASE_STATES)[number];
export type MediationStateValue = (typeof MEDIATION_STATES)[number];
export type RestitutionStateValue = (typeof RESTITUTION_STATES)[number];

/** A machine's snapshot as stored: XState's persisted snapshot of a flat machine, JSON round-tripped. */
export interface Persisted<C, V extends string> {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: V;
  context: C;
  children: Record<string, unknown>;
  historyValue?: unknown;
  output?: unknown;
  error?: unknown;
}

export type CaseSnapshot = Persisted<CaseContext, CaseStateValue>;
export type MediationSnapshot = Persisted<ClaimMediationContext, MediationStateValue>;
export type RestitutionSnapshot = Persisted<RestitutionContext, RestitutionStateValue>;

export interface ClaimSnapshots {
  mediation: MediationSnapshot;
  /** Present once the claim's agreement is signed. */
  restitution: RestitutionSnapshot | null;
}

/** JSON-serialisable persisted snapshots of the machines: one case machine and, per civil claim, its mediation and restitution. */
export interface ProcedureState {
  case: CaseSnapshot;
  claims: Record<string, ClaimSnapshots>;
}

// XState types snapshots per machine; the casts below name its own parameter types, and the JSON round-trip
// tests check the conversion.
/** A live snapshot of `machine` from its persisted form. */
export const restore = <M extends AnyStateMachine>(machine: M, persisted: Persisted<unknown, string>) =>
  machine.resolveState(persisted as Parameters<M['resolveState']>[0]) as ReturnType<M['resolveState']>;

/** The persisted (JSON) form of a live snapshot; the caller names which machine's snapshot it is. */
export const persist = <P extends Persisted<unknown, string>>(machine: AnyStateMachine, snapshot: unknown): P =>
  JSON.parse(
    JSON.stringify(machine.getPersistedSnapshot(snapshot as Parameters<AnyStateMachine['getPersistedSnapshot']>[0])),
  ) as P;

/** Event types the state handles at all (guards aside); none once the machine is done. */
export const handledIn = (machine: AnyStateMachine, persisted: Persisted<unknown, string>): string[] =>
  persisted.status === 'done' ? [] : ((machine.root.states[persisted.value]?.ownEvents ?? []) as string[]);
