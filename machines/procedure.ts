/**
 * The orchestrator the service calls: one case machine, and per civil claim a mediation machine and (once
 * agreed) a restitution machine. Pure: load snapshots → `transition()` → new snapshots + effects to execute.
 * Cascades: a claim's outcome → case; case `convict.released` → every restitution; a restitution paid in full → case.
 */
import { type AnyStateMachine, initialTransition, transition } from 'xstate';
import { addDays, dayOfMonthIn, firstOfNextMonth, isLocalDate, parts } from '../src/common/local-date';
import { settings } from '../src/law/legal-rules';
import { instalmentTermsProblems } from '../src/restitution/domain/instalment-terms';
import { type CaseContext, caseChecks, caseMachine } from './case.machine';
import { type ClaimMediationContext, claimMediationChecks, claimMediationMachine } from './claim-mediation.machine';
import type { AgreementTerms, CaseEvent, Check, ClaimMediationEvent, InstalmentTerms, LocalDate, RestitutionEvent, ScheduleRow } from './events';
import { firstViolation } from './events';
import { EVENT_CATALOGUE, EVENT_TYPES, eventTypesOf, type Role } from './catalogue';
import { type RestitutionContext, isRepeatedPayment, nextInstalmentToWatch, restitutionChecks, restitutionMachine } from './restitution.machine';

export const PROCEDURE_MACHINE_ID = 'mediation-procedure';
export const PROCEDURE_MACHINE_VERSION = 1;

export type { Role };
/** Amounts in tiyn. */
export interface ClaimSeed {
  id: string;
  kind: 'victim' | 'state';
  awarded: number;
  recovered: number;
}
export interface CaseSeed {
  procedure: 'parole' | 'replacement';
  lifeImprisonment: boolean;
  claims: ClaimSeed[];
}
export interface ProcedureEvent {
  type: string;
  claimId?: string;
  /** YYYY-MM-DD, the calendar date in Asia/Almaty. */
  at: string;
  actor: Role;
  [k: string]: unknown;
}
/** JSON-serialisable persisted snapshots of the machines. */
export interface ProcedureState {
  case: unknown;
  claims: Record<string, { mediation: unknown; restitution: unknown | null }>;
}
export interface ProcedureDeps {
  schedule(input: { outstanding: number; monthly: number; firstDueDate: string; dayOfMonth: number }): { no: number; dueDate: string; amount: number }[];
  graceDays: number;
}
export type Effect = { type: string; params?: unknown };
export type ApplyResult =
  | { ok: true; state: ProcedureState; effects: Effect[]; changed: boolean }
  | { ok: false; error: 'event_not_allowed'; state: string; allowed: string[] }
  | { ok: false; error: 'rule_violation'; field: string; rule: string; message: string };

export interface ProcedureDescription {
  state: string;
  nextEvents: string[];
  claims: { id: string; state: string; outcome: string | null; restitution: string | null; nextEvents: string[] }[];
  mandatoryParole: boolean;
  refileNotBefore: string | null;
}
export interface Deadline {
  key: string;
  type: 'invitation.expired' | 'term.expired' | 'payment.overdue';
  claimId: string;
  dueDate: string;
  payload: Record<string, unknown>;
}

// ── who may record what (DOMAIN.md §5): derived from the event catalogue ───────────────────────────────
export const CASE_EVENTS = eventTypesOf('case');
export const MEDIATION_EVENTS = eventTypesOf('mediation');
export const RESTITUTION_EVENTS = eventTypesOf('restitution');
/** Who may record each event type. Without a prototype: `ROLES.valueOf` is not a role list. */
export const ROLES: Readonly<Record<string, readonly Role[]>> = Object.assign(Object.create(null) as Record<string, readonly Role[]>, ...EVENT_TYPES.map((type) => ({ [type]: EVENT_CATALOGUE[type].roles })));

/** Case states in which claims may be (re-)mediated: before court, or after a refusal. */
const MEDIATION_OPEN = ['mediation', 'readyForCourt', 'refused'];
const CASE_FINAL = ['declined', 'closed', 'revoked', 'withdrawn'];
const includes = (list: readonly string[], v: string) => list.includes(v);

// ── snapshots ──────────────────────────────────────────────────────────────────────────────────────────
/* eslint-disable @typescript-eslint/no-explicit-any */
const restore = <M extends AnyStateMachine>(machine: M, persisted: unknown) => machine.resolveState(persisted as any) as ReturnType<M['resolveState']>;
const persist = (machine: AnyStateMachine, snapshot: unknown): unknown => JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot as any)));
const valueOf = (persisted: unknown): string => String((persisted as { value: unknown }).value);
const contextOf = <T>(persisted: unknown): T => (persisted as { context: T }).context;
/** Event types the state handles at all (guards aside). */
const handledIn = (machine: AnyStateMachine, persisted: unknown): string[] => {
  const s = (persisted as { status?: string }).status;
  if (s === 'done') return [];
  return machine.root.states[valueOf(persisted)]?.ownEvents ?? [];
};
const effectsOf = (actions: { type: string; params?: unknown }[], claimId?: string): Effect[] =>
  actions.map((a) => ({ type: a.type, params: claimId ? { claimId, ...(a.params as object) } : a.params }));

export function initialProcedure(seed: CaseSeed): ProcedureState {
  const ids = new Set<string>();
  for (const c of seed.claims) {
    if (ids.has(c.id)) throw new RangeError(`duplicate claim id ${c.id}`);
    ids.add(c.id);
    if (!Number.isSafeInteger(c.awarded) || !Number.isSafeInteger(c.recovered) || c.recovered < 0 || c.recovered > c.awarded) {
      throw new RangeError(`claim ${c.id}: awarded and recovered must be integer tiyn, 0 ≤ recovered ≤ awarded`);
    }
  }
  const [caseSnap] = initialTransition(caseMachine, {
    procedure: seed.procedure,
    lifeImprisonment: seed.lifeImprisonment,
    claims: seed.claims.map((c) => ({ id: c.id, outcome: c.kind === 'state' ? ('not_mediable' as const) : null })),
  });
  const claims: ProcedureState['claims'] = {};
  for (const c of seed.claims) {
    const [m] = initialTransition(claimMediationMachine, { claimId: c.id, kind: c.kind, outstanding: c.awarded - c.recovered });
    claims[c.id] = { mediation: persist(claimMediationMachine, m), restitution: null };
  }
  return { case: persist(caseMachine, caseSnap), claims };
}

// ── applyEvent ─────────────────────────────────────────────────────────────────────────────────────────
class Refusal {
  constructor(readonly result: Extract<ApplyResult, { ok: false }>) {}
}
const violation = (field: string, rule: string, message: string) => new Refusal({ ok: false, error: 'rule_violation', field, rule, message });
const fromCheck = (c: Check<unknown, unknown>) => violation(c.field, c.rule, c.message);

export function applyEvent(state: ProcedureState, event: ProcedureEvent, deps: ProcedureDeps): ApplyResult {
  try {
    return apply(state, event, deps);
  } catch (e) {
    if (e instanceof Refusal) return e.result;
    throw e;
  }
}

function apply(state: ProcedureState, event: ProcedureEvent, deps: ProcedureDeps): ApplyResult {
  const { actor, claimId, ...payload } = event;
  const type = event.type;
  const isCaseEvent = includes(CASE_EVENTS, type);
  const isMediationEvent = includes(MEDIATION_EVENTS, type);
  const isRestitutionEvent = includes(RESTITUTION_EVENTS, type);
  if (!isCaseEvent && !isMediationEvent && !isRestitutionEvent) throw notAllowed(state, null);
  if (!isLocalDate(event.at)) throw violation('at', 'date_invalid', 'Дата события должна быть календарной датой ГГГГ-ММ-ДД');
  if (!ROLES[type].includes(actor)) throw violation('actor', 'role_not_allowed', `Событие ${type} записывает: ${ROLES[type].join(', ')}`);

  const next: ProcedureState = { case: state.case, claims: { ...state.claims } };
  const effects: Effect[] = [];

  if (isCaseEvent) {
    const ev = payload as unknown as CaseEvent;
    stepCase(next, ev, effects, state);
    if (type === 'convict.released') releaseRestitutions(next, ev as Extract<CaseEvent, { type: 'convict.released' }>, effects, deps);
  } else {
    if (typeof claimId !== 'string' || claimId.length === 0) throw violation('claimId', 'claim_required', 'Укажите гражданский иск (claimId)');
    const claim = state.claims[claimId];
    if (!claim) throw violation('claimId', 'unknown_claim', 'В деле нет гражданского иска с таким идентификатором');
    const caseState = valueOf(state.case);

    if (isMediationEvent) {
      if (!includes(MEDIATION_OPEN, caseState)) throw notAllowed(state, null, claimId);
      stepMediation(next, claimId, payload as unknown as ClaimMediationEvent, effects, deps, state);
    } else {
      let ev = payload as unknown as RestitutionEvent;
      const r = claim.restitution;
      // The same payment reference twice changes nothing: accepted without change (idempotent retries).
      if (r && ev.type === 'payment.recorded' && isRepeatedPayment(contextOf<RestitutionContext>(r), ev)) {
        return { ok: true, state, effects: [], changed: false };
      }
      if (!r || includes(CASE_FINAL, caseState)) throw notAllowed(state, r ? null : valueOf(claim.mediation), claimId);
      if (ev.type === 'agreement.amended') ev = withAmendedSchedule(ev, deps);
      stepRestitution(next, claimId, ev, effects, state);
    }
  }
  return { ok: true, state: next, effects, changed: JSON.stringify(next) !== JSON.stringify(state) };
}

/** `state` names the case state; for a claim event refused by the claim's own machine, also that claim's state. */
function notAllowed(state: ProcedureState, claimState: string | null, claimId?: string): Refusal {
  const d = describeProcedure(state);
  const where = claimId && claimState !== null ? `${d.state} (claim ${claimId}: ${claimState})` : d.state;
  const claimEvents = d.claims.filter((c) => claimId === undefined || c.id === claimId || !state.claims[claimId]).flatMap((c) => c.nextEvents);
  return new Refusal({ ok: false, error: 'event_not_allowed', state: where, allowed: [...new Set([...d.nextEvents, ...claimEvents])] });
}

/** A transition requested from outside: the state must handle the type, and every legal check must hold. */
function step<M extends AnyStateMachine>(
  machine: M,
  persisted: unknown,
  event: { type: string },
  checks: readonly Check<any, any>[] | undefined,
  original: ProcedureState,
  claimId?: string,
): [unknown, { type: string; params?: unknown }[]] {
  const snap = restore(machine, persisted);
  if (!handledIn(machine, persisted).includes(event.type)) throw notAllowed(original, claimId ? valueOf(persisted) : null, claimId);
  const failed = firstViolation(checks, (snap as { context: unknown }).context, event);
  if (failed) throw fromCheck(failed);
  if (!snap.can(event as any)) throw notAllowed(original, claimId ? valueOf(persisted) : null, claimId);
  const [after, actions] = transition(machine, snap as any, event as any);
  return [persist(machine, after), actions as { type: string; params?: unknown }[]];
}

/** Internal cascade to the case machine (no checks: the orchestrator is the only sender). */
function tellCase(next: ProcedureState, ev: CaseEvent, effects: Effect[]): void {
  const snap = restore(caseMachine, next.case);
  if (!snap.can(ev)) return;
  const [after, actions] = transition(caseMachine, snap, ev);
  next.case = persist(caseMachine, after);
  effects.push(...effectsOf(actions as Effect[]));
}

function stepCase(next: ProcedureState, ev: CaseEvent, effects: Effect[], original: ProcedureState): void {
  const [after, actions] = step(caseMachine, next.case, ev, caseChecks[ev.type], original);
  next.case = after;
  effects.push(...effectsOf(actions));
}

function stepMediation(next: ProcedureState, claimId: string, ev: ClaimMediationEvent, effects: Effect[], deps: ProcedureDeps, original: ProcedureState): void {
  const before = contextOf<ClaimMediationContext>(next.claims[claimId].mediation);
  const [after, actions] = step(claimMediationMachine, next.claims[claimId].mediation, ev, claimMediationChecks[ev.type], original, claimId);
  next.claims[claimId] = { ...next.claims[claimId], mediation: after };
  effects.push(...effectsOf(actions, claimId));

  const ctx = contextOf<ClaimMediationContext>(after);
  if (ctx.outcome === before.outcome) return;
  if (ctx.outcome === null) return tellCase(next, { type: 'claim.reopened', claimId, at: ev.at }, effects);
  let owes = false;
  if (ctx.outcome === 'agreed' && ctx.agreement) {
    const r = openRestitution(claimId, ctx.agreement.signedOn, ctx.agreement.terms, deps);
    next.claims[claimId] = { ...next.claims[claimId], restitution: r };
    owes = valueOf(r) !== 'paidInFull';
  }
  tellCase(next, { type: 'claim.outcome', claimId, outcome: ctx.outcome, owes, at: ev.at }, effects);
}

function stepRestitution(next: ProcedureState, claimId: string, ev: RestitutionEvent, effects: Effect[], original: ProcedureState): void {
  const persisted = next.claims[claimId].restitution!;
  const [after, actions] = step(restitutionMachine, persisted, ev, restitutionChecks[ev.type], original, claimId);
  next.claims[claimId] = { ...next.claims[claimId], restitution: after };
  effects.push(...effectsOf(actions, claimId));
  if (valueOf(after) === 'paidInFull' && valueOf(persisted) !== 'paidInFull') tellCase(next, { type: 'restitution.paid', claimId, at: ev.at }, effects);
}

function computeSchedule(deps: ProcedureDeps, i: InstalmentTerms, firstDueDate: LocalDate): ScheduleRow[] {
  let rows: ScheduleRow[];
  try {
    rows = deps.schedule({ outstanding: i.total, monthly: i.monthly, firstDueDate, dayOfMonth: i.dayOfMonth });
  } catch (e) {
    throw violation('instalments', 'schedule_invalid', `График не построен: ${(e as Error).message}`);
  }
  if (rows.reduce((s, r) => s + r.amount, 0) !== i.total) throw violation('instalments', 'schedule_does_not_add_up', 'Сумма платежей графика не равна сумме рассрочки');
  return rows.map((r) => ({ no: r.no, dueDate: r.dueDate, amount: r.amount }));
}

/** Instalments start the month after release on the agreed day, unless the agreement fixed the first due date. */
const monthAfter = (date: LocalDate, dayOfMonth: number): LocalDate => {
  const { year, month } = parts(firstOfNextMonth(date));
  return dayOfMonthIn(year, month, dayOfMonth);
};

function openRestitution(claimId: string, signedOn: LocalDate, terms: AgreementTerms, deps: ProcedureDeps): unknown {
  const i = terms.instalments && terms.instalments.total > 0 ? terms.instalments : null;
  const schedule = i?.firstDueDate ? computeSchedule(deps, i, i.firstDueDate) : [];
  // Dates come with release; the terms are checked now (as if released today), so that a schedule that cannot
  // be built (e.g. longer than the rules allow) is refused at signing and never blocks recording the release.
  if (i && !i.firstDueDate) computeSchedule(deps, i, monthAfter(signedOn, i.dayOfMonth));
  const [snap] = initialTransition(restitutionMachine, {
    claimId,
    agreementDate: signedOn,
    preHearingDue: terms.paidBeforeHearing,
    waived: terms.waived,
    instalments: i,
    schedule,
    releaseDate: null,
  });
  return persist(restitutionMachine, snap);
}

function releaseRestitutions(next: ProcedureState, ev: Extract<CaseEvent, { type: 'convict.released' }>, effects: Effect[], deps: ProcedureDeps): void {
  for (const [claimId, claim] of Object.entries(next.claims)) {
    if (!claim.restitution || !handledIn(restitutionMachine, claim.restitution).includes('convict.released')) continue;
    const ctx = contextOf<RestitutionContext>(claim.restitution);
    const needsSchedule = ctx.instalments !== null && ctx.instalments.total > 0 && ctx.schedule.length === 0;
    const schedule = needsSchedule ? computeSchedule(deps, ctx.instalments!, monthAfter(ev.releaseDate, ctx.instalments!.dayOfMonth)) : undefined;
    const rev: RestitutionEvent = { type: 'convict.released', releaseDate: ev.releaseDate, at: ev.at, ...(schedule && { schedule }) };
    const [after, actions] = step(restitutionMachine, claim.restitution, rev, restitutionChecks['convict.released'], next, claimId);
    next.claims[claimId] = { ...claim, restitution: after };
    effects.push(...effectsOf(actions, claimId));
  }
}

function withAmendedSchedule(ev: Extract<RestitutionEvent, { type: 'agreement.amended' }>, deps: ProcedureDeps): RestitutionEvent {
  const i = ev.instalments;
  const schedule = instalmentTermsProblems(i, { notBefore: ev.at }).length === 0 ? computeSchedule(deps, i, i.firstDueDate ?? monthAfter(ev.at, i.dayOfMonth)) : [];
  return { ...ev, schedule };
}

// ── reading the state ──────────────────────────────────────────────────────────────────────────────────
function claimNextEvents(caseState: string, claim: ProcedureState['claims'][string]): string[] {
  const events: string[] = [];
  if (includes(MEDIATION_OPEN, caseState)) events.push(...handledIn(claimMediationMachine, claim.mediation).filter((t) => includes(MEDIATION_EVENTS, t)));
  if (claim.restitution && !includes(CASE_FINAL, caseState)) events.push(...handledIn(restitutionMachine, claim.restitution).filter((t) => includes(RESTITUTION_EVENTS, t)));
  return events;
}

/**
 * The compensation part of УК 72 ч. 1 абз. 2 (mandatory parole): every claim paid in full (or waived, when
 * the setting counts a waiver as full compensation). The served part of the term and the absence of malicious
 * violations are checked elsewhere.
 */
function fullyCompensated(state: ProcedureState): boolean {
  return Object.values(state.claims).every((claim) => {
    const m = contextOf<ClaimMediationContext>(claim.mediation);
    if (m.outstanding === 0) return true;
    if (m.kind === 'state' || !claim.restitution) return false;
    const r = contextOf<RestitutionContext>(claim.restitution);
    if (r.waived > 0 && !settings.waiverCountsAsFullCompensation) return false;
    return valueOf(claim.restitution) === 'paidInFull';
  });
}

export function describeProcedure(state: ProcedureState): ProcedureDescription {
  const caseState = valueOf(state.case);
  const ctx = contextOf<CaseContext>(state.case);
  return {
    state: caseState,
    nextEvents: handledIn(caseMachine, state.case).filter((t) => includes(CASE_EVENTS, t)),
    claims: Object.entries(state.claims).map(([id, claim]) => ({
      id,
      state: valueOf(claim.mediation),
      outcome: contextOf<ClaimMediationContext>(claim.mediation).outcome,
      restitution: claim.restitution ? valueOf(claim.restitution) : null,
      nextEvents: claimNextEvents(caseState, claim),
    })),
    mandatoryParole: fullyCompensated(state),
    refileNotBefore: ctx.refileNotBefore,
  };
}

/** Deadlines the service's sweeper fires (as `system`); `key` is stable per deadline instance. */
export function pendingDeadlines(state: ProcedureState, deps: ProcedureDeps): Deadline[] {
  const caseState = valueOf(state.case);
  const out: Deadline[] = [];
  for (const [claimId, claim] of Object.entries(state.claims)) {
    const m = contextOf<ClaimMediationContext>(claim.mediation);
    if (includes(MEDIATION_OPEN, caseState)) {
      // Silence counts once the last day of the reply period has ended.
      if (valueOf(claim.mediation) === 'invited' && m.replyBy)
        out.push({ key: `${claimId}:invitation:${m.invitations}`, type: 'invitation.expired', claimId, dueDate: addDays(m.replyBy, 1), payload: {} });
      if (valueOf(claim.mediation) === 'negotiating' && m.termEndsOn)
        out.push({ key: `${claimId}:term:${m.invitations}:${m.termEndsOn}`, type: 'term.expired', claimId, dueDate: addDays(m.termEndsOn, 1), payload: {} });
    }
    if (claim.restitution && !includes(CASE_FINAL, caseState) && handledIn(restitutionMachine, claim.restitution).includes('payment.overdue')) {
      const r = contextOf<RestitutionContext>(claim.restitution);
      const row = nextInstalmentToWatch(r);
      if (row)
        out.push({
          key: `${claimId}:instalment:${r.scheduleVersion}:${row.no}`,
          type: 'payment.overdue',
          claimId,
          // At least the day after the due date: an instalment is not overdue on its own due date.
          dueDate: addDays(row.dueDate, Math.max(1, deps.graceDays)),
          payload: { instalmentNo: row.no },
        });
    }
  }
  return out;
}
