/**
 * The orchestrator the service calls: one case machine, and per civil claim a mediation machine and (once
 * agreed) a restitution machine. Pure: persisted snapshots → `transition()` → new snapshots + the effects
 * (effects.ts) the service writes to its outbox. Refusals are data: which state refused, or which rule failed.
 * Cascades: a claim's outcome → case; case `convict.released` → every restitution; a restitution paid in full → case.
 */
import { type AnyStateMachine, createActor, initialTransition } from 'xstate';
import { addDays, addMonths, dayOfMonthIn, firstOfNextMonth, isLocalDate, parts } from '../src/common/local-date';
import { mediation, settings } from '../src/law/legal-rules';
import { overdueFrom } from '../src/restitution/domain/ledger';
import { instalmentTermsProblems } from '../src/restitution/domain/instalment-terms';
import { EVENT_CATALOGUE, EVENT_TYPES, eventTypesOf, type Role } from './catalogue';
import { caseChecks, caseMachine, PEOPLE_EVENTS, refilingMonths } from './case.machine';
import { claimMediationChecks, claimMediationMachine } from './claim-mediation.machine';
import type {
  AgreementTerms,
  CaseEvent,
  Check,
  ClaimMediationEvent,
  ClaimOutcome,
  InstalmentTerms,
  LocalDate,
  RestitutionEvent,
  ScheduleRow,
} from './events';
import { firstViolation } from './events';
import { isRepeatedPayment, nextInstalmentToWatch, restitutionChecks, restitutionMachine } from './restitution.machine';
import { type ProcedureEffect, effectsFrom } from './effects';
import {
  type CaseSnapshot,
  type CaseStateValue,
  type ClaimSnapshots,
  type MediationSnapshot,
  type MediationStateValue,
  type Persisted,
  type ProcedureState,
  type RestitutionSnapshot,
  type RestitutionStateValue,
  handledIn,
  persist,
  restore,
} from './snapshot';

export type { ProcedureState } from './snapshot';

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
export interface ProcedureDeps {
  schedule(input: {
    outstanding: number;
    monthly: number;
    firstDueDate: string;
    dayOfMonth: number;
  }): { no: number; dueDate: string; amount: number }[];
  graceDays: number;
  /**
   * The last day of a term whose calendar count ends on `nominal`: ГК 175 moves it off a non-working day to the
   * next working day (src/law/legal-rules.ts civilTerms, settings.termsEndOnWorkingDay). Deterministic.
   */
  termEnd: (nominal: LocalDate) => LocalDate;
  /** Days before a scheduled hearing its reminder point falls (default: settings.hearingReminderDaysBefore). */
  hearingReminderDays?: number;
}
/** Where a claim stands: its mediation, and its restitution once agreed. */
export interface ClaimState {
  mediation: MediationStateValue;
  restitution: RestitutionStateValue | null;
}
/** The event is not possible in the state the case (and, for a claim event, the claim) is in. */
export interface EventNotAllowed {
  ok: false;
  error: 'event_not_allowed';
  /** The event type refused. */
  event: string;
  caseState: CaseStateValue;
  /** Given for an event on a claim of this case. */
  claimId?: string;
  claimState?: ClaimState;
  /** What may happen instead: the case's next events and those of the claim (of every claim for a case event). */
  allowed: string[];
}
/** A legal condition of the event does not hold (the first that fails, from the machines' `*Checks` tables). */
export interface RuleViolation {
  ok: false;
  error: 'rule_violation';
  field: string;
  rule: string;
  message: string;
}
export type ApplyResult =
  { ok: true; state: ProcedureState; effects: ProcedureEffect[]; changed: boolean } | EventNotAllowed | RuleViolation;

export interface ProcedureDescription {
  state: CaseStateValue;
  nextEvents: string[];
  claims: {
    id: string;
    state: MediationStateValue;
    outcome: ClaimOutcome | null;
    restitution: RestitutionStateValue | null;
    nextEvents: string[];
  }[];
  mandatoryParole: boolean;
  refileNotBefore: string | null;
}
export interface Deadline {
  key: string;
  type: 'invitation.expired' | 'term.expired' | 'payment.overdue' | 'hearing.reminder';
  /** null for a deadline of the case (the hearing). */
  claimId: string | null;
  dueDate: string;
  payload: Record<string, unknown>;
}

// ── who may record what (DOMAIN.md §5): derived from the event catalogue ───────────────────────────────
export const CASE_EVENTS = eventTypesOf('case');
export const MEDIATION_EVENTS = eventTypesOf('mediation');
export const RESTITUTION_EVENTS = eventTypesOf('restitution');
/** Who may record each event type. Without a prototype: `ROLES.valueOf` is not a role list. */
export const ROLES: Readonly<Record<string, readonly Role[]>> = Object.assign(
  Object.create(null) as Record<string, readonly Role[]>,
  Object.fromEntries(EVENT_TYPES.map((type) => [type, EVENT_CATALOGUE[type].roles])),
);

/** Case states in which claims may be (re-)mediated: before court, or after a refusal. */
const MEDIATION_OPEN: readonly CaseStateValue[] = ['mediation', 'readyForCourt', 'refused'];
const CASE_FINAL: readonly CaseStateValue[] = ['declined', 'closed', 'revoked', 'withdrawn'];
const includes = (list: readonly string[], v: string) => list.includes(v);

export function initialProcedure(seed: CaseSeed): ProcedureState {
  const ids = new Set<string>();
  for (const c of seed.claims) {
    if (ids.has(c.id)) throw new RangeError(`duplicate claim id ${c.id}`);
    ids.add(c.id);
    if (
      !Number.isSafeInteger(c.awarded) ||
      !Number.isSafeInteger(c.recovered) ||
      c.recovered < 0 ||
      c.recovered > c.awarded
    ) {
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
    const [m] = initialTransition(claimMediationMachine, {
      claimId: c.id,
      kind: c.kind,
      outstanding: c.awarded - c.recovered,
    });
    claims[c.id] = { mediation: persist<MediationSnapshot>(claimMediationMachine, m), restitution: null };
  }
  return { case: persist<CaseSnapshot>(caseMachine, caseSnap), claims };
}

// ── applyEvent ─────────────────────────────────────────────────────────────────────────────────────────
/** Thrown inside `apply` and caught by `applyEvent`, which returns its `result`: a refusal never leaves this module. */
class Refusal extends Error {
  constructor(readonly result: Extract<ApplyResult, { ok: false }>) {
    super(result.error);
    this.name = 'Refusal';
  }
}
const violation = (field: string, rule: string, message: string) =>
  new Refusal({ ok: false, error: 'rule_violation', field, rule, message });
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
  const { actor, claimId, ...request } = event;
  const type = event.type;
  const isCaseEvent = includes(CASE_EVENTS, type);
  const isMediationEvent = includes(MEDIATION_EVENTS, type);
  const isRestitutionEvent = includes(RESTITUTION_EVENTS, type);
  if (!isCaseEvent && !isMediationEvent && !isRestitutionEvent) throw notAllowed(state, type);
  if (!isLocalDate(event.at))
    throw violation('at', 'date_invalid', 'Дата события должна быть календарной датой ГГГГ-ММ-ДД');
  if (!ROLES[type].includes(actor))
    throw violation('actor', 'role_not_allowed', `Событие ${type} записывает: ${ROLES[type].join(', ')}`);

  const next: ProcedureState = { case: state.case, claims: { ...state.claims } };
  const effects: ProcedureEffect[] = [];
  const payload = withTermEnd(state, request, claimId, deps);

  if (isCaseEvent) {
    const ev = payload as unknown as CaseEvent;
    stepCase(next, ev, effects, state);
    if (type === 'convict.released')
      releaseRestitutions(next, ev as Extract<CaseEvent, { type: 'convict.released' }>, effects, deps);
    if (type === 'release.corrected')
      correctReleaseOfRestitutions(next, ev as Extract<CaseEvent, { type: 'release.corrected' }>, effects, deps);
  } else {
    if (typeof claimId !== 'string' || claimId.length === 0)
      throw violation('claimId', 'claim_required', 'Укажите гражданский иск (claimId)');
    const claim = Object.hasOwn(state.claims, claimId) ? state.claims[claimId] : undefined;
    if (!claim) throw violation('claimId', 'unknown_claim', 'В деле нет гражданского иска с таким идентификатором');
    const caseState = state.case.value;

    if (isMediationEvent) {
      if (!includes(MEDIATION_OPEN, caseState)) throw notAllowed(state, type, claimId);
      stepMediation(next, claimId, payload as unknown as ClaimMediationEvent, effects, deps, state);
    } else {
      let ev = payload as unknown as RestitutionEvent;
      const r = claim.restitution;
      // The same payment reference twice changes nothing: accepted without change (idempotent retries).
      if (r && ev.type === 'payment.recorded' && isRepeatedPayment(r.context, ev)) {
        return { ok: true, state, effects: [], changed: false };
      }
      if (!r || includes(CASE_FINAL, caseState)) throw notAllowed(state, type, claimId);
      if (ev.type === 'agreement.amended') ev = withAmendedSchedule(ev, deps);
      stepRestitution(next, claimId, ev, effects, state);
    }
  }
  return { ok: true, state: next, effects, changed: JSON.stringify(next) !== JSON.stringify(state) };
}

/**
 * The refusal of an event the state does not allow: the case state, and for an event on a claim, that claim's
 * state; `allowed` lists the case's next events and the claim's (every claim's for a case event).
 */
function notAllowed(state: ProcedureState, event: string, claimId?: string): Refusal {
  const d = describeProcedure(state);
  const claim = claimId === undefined ? undefined : d.claims.find((c) => c.id === claimId);
  const claimEvents = (claim ? [claim] : d.claims).flatMap((c) => c.nextEvents);
  return new Refusal({
    ok: false,
    error: 'event_not_allowed',
    event,
    caseState: d.state,
    ...(claim && { claimId: claim.id, claimState: { mediation: claim.state, restitution: claim.restitution } }),
    allowed: [...new Set([...d.nextEvents, ...claimEvents])],
  });
}

type Scope = Parameters<AnyStateMachine['transition']>[2];
const scopes = new WeakMap<AnyStateMachine, Scope>();

/**
 * XState's `transition(machine, snapshot, event)` without its cost per call: that builds a throw-away actor, whose
 * constructor computes the machine's initial snapshot (context factory included) — half of applyEvent's CPU
 * (node --cpu-prof, npm run bench). The inert scope (actions collected, never executed) is made once per machine
 * instead; the machines spawn and invoke no children, so nothing registers in its system between calls.
 */
function pureTransition(
  machine: AnyStateMachine,
  snap: ReturnType<typeof restore>,
  event: { type: string },
): [ReturnType<typeof restore>, { type: string; params?: unknown }[]] {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const noop = () => undefined;
    scope = {
      self,
      defer: noop,
      id: '',
      logger: noop,
      sessionId: '',
      stopChild: noop,
      system: self.system,
      emit: noop,
      actionExecutor: noop,
    };
    scopes.set(machine, scope);
  }
  const actions: { type: string; params?: unknown }[] = [];
  scope.actionExecutor = (action: { type: string; params?: unknown }) => void actions.push(action);
  try {
    return [machine.transition(snap, event, scope), actions];
  } finally {
    scope.actionExecutor = () => undefined;
  }
}

/** A transition requested from outside: the state must handle the type, and every legal check must hold. */
function step<S extends Persisted<unknown, string>>(
  machine: AnyStateMachine,
  persisted: S,
  event: { type: string },
  checks: readonly Check<any, any>[] | undefined, // eslint-disable-line @typescript-eslint/no-explicit-any -- each machine's own checks table
  original: ProcedureState,
  claimId?: string,
): [S, ProcedureEffect[]] {
  if (!handledIn(machine, persisted).includes(event.type)) throw notAllowed(original, event.type, claimId);
  const failed = firstViolation(checks, persisted.context, event);
  if (failed) throw fromCheck(failed);
  const snap = restore(machine, persisted);
  if (!snap.can(event)) throw notAllowed(original, event.type, claimId);
  const [after, actions] = pureTransition(machine, snap, event);
  return [persist<S>(machine, after), effectsFrom(actions)];
}

/** Internal cascade to the case machine (no checks: the orchestrator is the only sender). */
function tellCase(next: ProcedureState, ev: CaseEvent, effects: ProcedureEffect[]): void {
  const snap = restore(caseMachine, next.case);
  if (!snap.can(ev)) return;
  const [after, actions] = pureTransition(caseMachine, snap, ev);
  next.case = persist<CaseSnapshot>(caseMachine, after);
  effects.push(...effectsFrom(actions));
}

function stepCase(next: ProcedureState, ev: CaseEvent, effects: ProcedureEffect[], original: ProcedureState): void {
  const [after, emitted] = step(caseMachine, next.case, ev, caseChecks[ev.type], original);
  next.case = after;
  effects.push(...emitted);
}

function stepMediation(
  next: ProcedureState,
  claimId: string,
  ev: ClaimMediationEvent,
  effects: ProcedureEffect[],
  deps: ProcedureDeps,
  original: ProcedureState,
): void {
  const before = next.claims[claimId].mediation.context;
  const [after, emitted] = step(
    claimMediationMachine,
    next.claims[claimId].mediation,
    ev,
    claimMediationChecks[ev.type],
    original,
    claimId,
  );
  next.claims[claimId] = { ...next.claims[claimId], mediation: after };
  effects.push(...emitted);

  const ctx = after.context;
  if (ctx.outcome === before.outcome) return;
  if (ctx.outcome === null) return tellCase(next, { type: 'claim.reopened', claimId, at: ev.at }, effects);
  let owes = false;
  if (ctx.outcome === 'agreed' && ctx.agreement) {
    const r = openRestitution(claimId, ctx.agreement.signedOn, ctx.agreement.terms, deps);
    next.claims[claimId] = { ...next.claims[claimId], restitution: r };
    owes = r.value !== 'paidInFull';
  }
  tellCase(next, { type: 'claim.outcome', claimId, outcome: ctx.outcome, owes, at: ev.at }, effects);
}

function stepRestitution(
  next: ProcedureState,
  claimId: string,
  ev: RestitutionEvent,
  effects: ProcedureEffect[],
  original: ProcedureState,
): void {
  const persisted = next.claims[claimId].restitution!;
  const [after, emitted] = step(restitutionMachine, persisted, ev, restitutionChecks[ev.type], original, claimId);
  next.claims[claimId] = { ...next.claims[claimId], restitution: after };
  effects.push(...emitted);
  if (after.value === 'paidInFull' && persisted.value !== 'paidInFull')
    tellCase(next, { type: 'restitution.paid', claimId, at: ev.at }, effects);
}

function computeSchedule(deps: ProcedureDeps, i: InstalmentTerms, firstDueDate: LocalDate): ScheduleRow[] {
  let rows: ScheduleRow[];
  try {
    rows = deps.schedule({ outstanding: i.total, monthly: i.monthly, firstDueDate, dayOfMonth: i.dayOfMonth });
  } catch (e) {
    throw violation('instalments', 'schedule_invalid', `График не построен: ${(e as Error).message}`);
  }
  if (rows.reduce((s, r) => s + r.amount, 0) !== i.total)
    throw violation('instalments', 'schedule_does_not_add_up', 'Сумма платежей графика не равна сумме рассрочки');
  return rows.map((r) => ({ no: r.no, dueDate: r.dueDate, amount: r.amount }));
}

/** Instalments start the month after release on the agreed day, unless the agreement fixed the first due date. */
const monthAfter = (date: LocalDate, dayOfMonth: number): LocalDate => {
  const { year, month } = parts(firstOfNextMonth(date));
  return dayOfMonthIn(year, month, dayOfMonth);
};

function openRestitution(
  claimId: string,
  signedOn: LocalDate,
  terms: AgreementTerms,
  deps: ProcedureDeps,
): RestitutionSnapshot {
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
  return persist<RestitutionSnapshot>(restitutionMachine, snap);
}

function releaseRestitutions(
  next: ProcedureState,
  ev: Extract<CaseEvent, { type: 'convict.released' }>,
  effects: ProcedureEffect[],
  deps: ProcedureDeps,
): void {
  for (const [claimId, claim] of Object.entries(next.claims)) {
    if (!claim.restitution || !handledIn(restitutionMachine, claim.restitution).includes('convict.released')) continue;
    const ctx = claim.restitution.context;
    const needsSchedule = ctx.instalments !== null && ctx.instalments.total > 0 && ctx.schedule.length === 0;
    const schedule = needsSchedule
      ? computeSchedule(deps, ctx.instalments!, monthAfter(ev.releaseDate, ctx.instalments!.dayOfMonth))
      : undefined;
    const rev: RestitutionEvent = {
      type: 'convict.released',
      releaseDate: ev.releaseDate,
      at: ev.at,
      ...(schedule && { schedule }),
    };
    const [after, emitted] = step(
      restitutionMachine,
      claim.restitution,
      rev,
      restitutionChecks['convict.released'],
      next,
      claimId,
    );
    next.claims[claimId] = { ...claim, restitution: after };
    effects.push(...emitted);
  }
}

/**
 * The end of the term the event starts (reply period, mediation term or its extension, re-filing period), counted
 * here with the deps' calendar so that ГК 175 applies (ProcedureDeps.termEnd); a `termEnd` sent by a client is
 * dropped. Nothing is computed from a payload the machine's checks will refuse.
 */
function withTermEnd(
  state: ProcedureState,
  request: Omit<ProcedureEvent, 'actor' | 'claimId'>,
  claimId: unknown,
  deps: ProcedureDeps,
): Omit<ProcedureEvent, 'actor' | 'claimId'> {
  const { termEnd: _fromClient, ...ev } = request;
  const validDays = (d: unknown): d is number =>
    Number.isSafeInteger(d) && (d as number) > 0 && (d as number) < 100_000;
  let nominal: LocalDate | undefined;
  switch (ev.type) {
    case 'invitation.sent':
      if (ev.replyDays === undefined || validDays(ev.replyDays))
        nominal = addDays(ev.at as LocalDate, ev.replyDays ?? mediation.invitationReplyDays.value);
      break;
    case 'contract.signed':
      if (isLocalDate(ev.contractDate)) nominal = addDays(ev.contractDate, mediation.termDays.value);
      break;
    case 'term.extended': {
      const claim = typeof claimId === 'string' && Object.hasOwn(state.claims, claimId) ? state.claims[claimId] : null;
      const ends = claim?.mediation.context.termEndsOn;
      if (ends && validDays(ev.days)) nominal = addDays(ends, ev.days);
      break;
    }
    case 'court.decided':
      if (ev.decision === 'refused' && isLocalDate(ev.decisionDate))
        nominal = addMonths(ev.decisionDate, refilingMonths(state.case.context));
      break;
  }
  return nominal === undefined ? ev : { ...ev, termEnd: deps.termEnd(nominal) };
}

/**
 * A corrected release date reaches every restitution still being paid: a schedule that ran from the month after
 * release is recomputed from the corrected date; one with a fixed first date, or amended since, keeps its dates.
 */
function correctReleaseOfRestitutions(
  next: ProcedureState,
  ev: Extract<CaseEvent, { type: 'release.corrected' }>,
  effects: ProcedureEffect[],
  deps: ProcedureDeps,
): void {
  for (const [claimId, claim] of Object.entries(next.claims)) {
    if (!claim.restitution || !handledIn(restitutionMachine, claim.restitution).includes('release.corrected')) continue;
    const ctx = claim.restitution.context;
    const i = ctx.instalments;
    // Snapshots from before `scheduleFromRelease`: a first schedule without a fixed first date came from the release.
    const fromRelease = ctx.scheduleFromRelease ?? (ctx.scheduleVersion === 1 && ctx.schedule.length > 0);
    const recompute = i !== null && i.total > 0 && !i.firstDueDate && fromRelease;
    const rev: RestitutionEvent = {
      type: 'release.corrected',
      releaseDate: ev.releaseDate,
      at: ev.at,
      ...(recompute && { schedule: computeSchedule(deps, i, monthAfter(ev.releaseDate, i.dayOfMonth)) }),
    };
    const [after, emitted] = step(
      restitutionMachine,
      claim.restitution,
      rev,
      restitutionChecks['release.corrected'],
      next,
      claimId,
    );
    next.claims[claimId] = { ...claim, restitution: after };
    effects.push(...emitted);
  }
}

function withAmendedSchedule(
  ev: Extract<RestitutionEvent, { type: 'agreement.amended' }>,
  deps: ProcedureDeps,
): RestitutionEvent {
  const i = ev.instalments;
  const schedule =
    instalmentTermsProblems(i, { notBefore: ev.at }).length === 0
      ? computeSchedule(deps, i, i.firstDueDate ?? monthAfter(ev.at, i.dayOfMonth))
      : [];
  return { ...ev, schedule };
}

// ── reading the state ──────────────────────────────────────────────────────────────────────────────────
function claimNextEvents(caseState: CaseStateValue, claim: ClaimSnapshots): string[] {
  const events: string[] = [];
  if (includes(MEDIATION_OPEN, caseState))
    events.push(...handledIn(claimMediationMachine, claim.mediation).filter((t) => includes(MEDIATION_EVENTS, t)));
  if (claim.restitution && !includes(CASE_FINAL, caseState))
    events.push(...handledIn(restitutionMachine, claim.restitution).filter((t) => includes(RESTITUTION_EVENTS, t)));
  return events;
}

/**
 * The compensation part of УК 72 ч. 1 абз. 2 (mandatory parole): every claim paid in full (or waived, when
 * the setting counts a waiver as full compensation). The served part of the term and the absence of malicious
 * violations are checked elsewhere.
 */
function fullyCompensated(state: ProcedureState): boolean {
  return Object.values(state.claims).every((claim) => {
    const m = claim.mediation.context;
    if (m.outstanding === 0) return true;
    if (m.kind === 'state' || !claim.restitution) return false;
    const r = claim.restitution.context;
    if (r.waived > 0 && !settings.waiverCountsAsFullCompensation) return false;
    return claim.restitution.value === 'paidInFull';
  });
}

export function describeProcedure(state: ProcedureState): ProcedureDescription {
  const caseState = state.case.value;
  const ctx = state.case.context;
  return {
    state: caseState,
    nextEvents: handledIn(caseMachine, state.case).filter(
      (t) => includes(CASE_EVENTS, t) && !includes(PEOPLE_EVENTS, t),
    ),
    claims: Object.entries(state.claims).map(([id, claim]) => ({
      id,
      state: claim.mediation.value,
      outcome: claim.mediation.context.outcome,
      restitution: claim.restitution ? claim.restitution.value : null,
      nextEvents: claimNextEvents(caseState, claim),
    })),
    mandatoryParole: fullyCompensated(state),
    refileNotBefore: ctx.refileNotBefore,
  };
}

/** Deadlines the service's sweeper fires (as `system`); `key` is stable per deadline instance. */
export function pendingDeadlines(state: ProcedureState, deps: ProcedureDeps): Deadline[] {
  const caseState = state.case.value;
  const out: Deadline[] = [];
  const c = state.case.context;
  // The hearing is a tracked date: its reminder point, some days before. The key must be unique across cases and
  // the machines do not know the case id: every case has a claim, whose id is unique, so the first one stands in.
  const firstClaim = Object.keys(state.claims)[0];
  if (caseState === 'hearingScheduled' && c.hearingDate && c.hearingRemindedFor !== c.hearingDate && firstClaim) {
    const days = Math.max(0, deps.hearingReminderDays ?? settings.hearingReminderDaysBefore);
    out.push({
      key: `${firstClaim}:hearing:${c.petitions}:${c.hearingDate}`,
      type: 'hearing.reminder',
      claimId: null,
      dueDate: addDays(c.hearingDate, -days),
      payload: { hearingDate: c.hearingDate },
    });
  }
  for (const [claimId, claim] of Object.entries(state.claims)) {
    const m = claim.mediation.context;
    if (includes(MEDIATION_OPEN, caseState)) {
      // Silence counts once the last day of the reply period has ended.
      if (claim.mediation.value === 'invited' && m.replyBy)
        out.push({
          key: `${claimId}:invitation:${m.invitations}`,
          type: 'invitation.expired',
          claimId,
          dueDate: addDays(m.replyBy, 1),
          payload: {},
        });
      if (claim.mediation.value === 'negotiating' && m.termEndsOn)
        out.push({
          key: `${claimId}:term:${m.invitations}:${m.termEndsOn}`,
          type: 'term.expired',
          claimId,
          dueDate: addDays(m.termEndsOn, 1),
          payload: {},
        });
    }
    if (
      claim.restitution &&
      !includes(CASE_FINAL, caseState) &&
      handledIn(restitutionMachine, claim.restitution).includes('payment.overdue')
    ) {
      const r = claim.restitution.context;
      const row = nextInstalmentToWatch(r);
      if (row)
        out.push({
          key: `${claimId}:instalment:${r.scheduleVersion}:${row.no}`,
          type: 'payment.overdue',
          claimId,
          // The first day past the grace period, the day the ledger's views show the instalment overdue.
          dueDate: overdueFrom(row.dueDate, Math.max(0, deps.graceDays), deps.termEnd),
          payload: { instalmentNo: row.no },
        });
    }
  }
  return out;
}
