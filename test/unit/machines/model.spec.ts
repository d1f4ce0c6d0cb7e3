/**
 * Model-based tests: every state of each machine is reached by a shortest path over representative events;
 * each path is replayed through the pure `transition()` (with a JSON round-trip of the persisted snapshot at
 * every step) and the invariants of the procedure are checked after each step.
 */
import { type AnyStateMachine, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { addDays, addMonths } from '../../../src/common/local-date';
import { mediation, parolee, petition } from '../../../src/law/legal-rules';
import {
  type CaseContext,
  caseChecks,
  caseMachine,
  everyClaimHasOutcome,
  nothingLeftToPay,
} from '../../../machines/case.machine';
import {
  type ClaimMediationContext,
  claimMediationChecks,
  claimMediationMachine,
} from '../../../machines/claim-mediation.machine';
import type { CaseEvent, Check, ClaimMediationEvent, RestitutionEvent } from '../../../machines/events';
import { firstViolation } from '../../../machines/events';
import {
  type Payment,
  type RestitutionContext,
  balance,
  paymentOf,
  evasions,
  isCovered,
  nextInstalmentToWatch,
  openArrears,
  restitutionChecks,
  restitutionMachine,
} from '../../../machines/restitution.machine';
import { schedule } from './support';

type Snap = { value: unknown; context: any; status: string; can(e: any): boolean };

const isSafeCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * Replays every path, checking after each step: the JSON round-trip, the invariants, that a final state accepts
 * nothing, and that the checks the orchestrator reports agree with the machine's guards.
 */
function replayAll<M extends AnyStateMachine>(
  machine: M,
  paths: { steps: { event: any }[] }[],
  initial: Snap,
  events: (s: Snap) => any[],
  checks: Record<string, Check<any, any>[] | undefined>,
  invariant: (s: Snap, ledger: Payment[]) => void,
  internal: string[] = [],
) {
  for (const path of paths) {
    let s = initial;
    // The payments ledger as the store keeps it beside the snapshot: a row for each payment the machine counted.
    const ledger: Payment[] = [];
    for (const step of path.steps) {
      let event = step.event;
      if (event.type === 'xstate.init') continue;
      // A reversal's original is looked up in the ledger, as the store does: here, the latest payment on it.
      if (event.type === 'payment.reversed') {
        const last = ledger[ledger.length - 1];
        event = {
          ...event,
          reference: last?.reference ?? event.reference,
          original: last ? { amount: last.amount, date: last.date } : null,
          replacementOnRecord: null,
        };
      }
      const [next] = transition(machine, s as any, event) as unknown as [Snap];
      if (event.type === 'payment.recorded' && next.context.paymentCount === s.context.paymentCount + 1)
        ledger.push(paymentOf(event));
      if (event.type === 'payment.reversed' && (next.context.reversals ?? 0) === (s.context.reversals ?? 0) + 1) {
        ledger.splice(
          ledger.findIndex((p) => p.reference === event.reference),
          1,
        );
        if (event.replacement) ledger.push(paymentOf({ ...event.replacement, at: event.at }));
      }
      const persisted = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(next as any)));
      s = machine.resolveState(persisted);
      expect(s.value).toEqual(next.value);
      expect(s.context).toEqual(next.context);
      invariant(s, ledger);
      for (const e of events(s)) {
        if (s.status === 'done') {
          const [after] = transition(machine, s as any, e) as unknown as [Snap];
          expect(after.value).toEqual(s.value);
          expect(after.context).toEqual(s.context);
          continue;
        }
        const handled: string[] = machine.root.states[String(s.value)].ownEvents;
        if (!handled.includes(e.type) || internal.includes(e.type)) continue;
        const failed = firstViolation(checks[e.type], s.context, e);
        // The orchestrator names a rule exactly when the machine refuses the event.
        if (!(e.type === 'payment.recorded' && e.onRecord)) {
          expect({ type: e.type, state: s.value, can: s.can(e) }).toEqual({
            type: e.type,
            state: s.value,
            can: failed === undefined,
          });
        }
      }
    }
  }
}

function reachedStates(paths: { state: { value: unknown } }[]): Set<string> {
  return new Set(paths.map((p) => String(p.state.value)));
}
const allStates = (m: AnyStateMachine) => Object.keys(m.root.states);

// ── claim mediation ────────────────────────────────────────────────────────────────────────────────────
describe('claim mediation machine', () => {
  const D = '2025-01-10';
  const signed = { mediator: true, victim: true, convict: true };
  const events = (s: Snap): ClaimMediationEvent[] => {
    const c = s.context as ClaimMediationContext;
    const replyBy = c.replyBy ?? D;
    const start = c.contractDate ?? D;
    const end = c.termEndsOn ?? D;
    return [
      { type: 'invitation.sent', at: D },
      { type: 'invitation.sent', at: D, replyDays: 5 },
      { type: 'invitation.sent', at: D, replyDays: 0 },
      { type: 'invitation.accepted', at: replyBy },
      { type: 'invitation.accepted', at: addDays(replyBy, 1) },
      { type: 'invitation.refused', at: replyBy },
      { type: 'invitation.expired', at: addDays(replyBy, 1) },
      { type: 'invitation.expired', at: replyBy },
      { type: 'contract.signed', at: c.acceptedOn ?? D, contractDate: c.acceptedOn ?? D },
      {
        type: 'contract.signed',
        at: c.acceptedOn ?? D,
        contractDate: c.acceptedOn ?? D,
        fee: 3_000_000,
        language: 'kk',
        meetingForms: ['video', 'in_person'],
      },
      { type: 'contract.signed', at: c.acceptedOn ?? D, contractDate: c.acceptedOn ?? D, fee: 0, language: 'ru' },
      { type: 'contract.signed', at: c.acceptedOn ?? D, contractDate: c.acceptedOn ?? D, fee: 100.5 },
      { type: 'contract.signed', at: c.acceptedOn ?? D, contractDate: c.acceptedOn ?? D, language: 'en' as never },
      {
        type: 'contract.signed',
        at: c.acceptedOn ?? D,
        contractDate: c.acceptedOn ?? D,
        meetingForms: ['video', 'video'],
      },
      { type: 'session.held', at: start, notes: 'confidential words' },
      { type: 'term.extended', at: start, days: mediation.maxExtensionDays.value },
      { type: 'term.extended', at: start, days: mediation.maxExtensionDays.value + 1 },
      { type: 'term.expired', at: addDays(end, 1) },
      { type: 'term.expired', at: end },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: signed,
        terms: { paidBeforeHearing: c.outstanding - 100, waived: 100 },
      },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: { ...signed, mediator: false },
        terms: { paidBeforeHearing: c.outstanding, waived: 0 },
      },
      { type: 'agreement.signed', at: start, signedBy: signed, terms: { paidBeforeHearing: 1, waived: 0 } },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: signed,
        terms: {
          paidBeforeHearing: c.outstanding,
          waived: 0,
          paymentDetails: { method: 'bank_transfer', account: 'KZ86125KZT5004100100', bank: 'АО «Halyk Bank»' },
        },
      },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: signed,
        terms: { paidBeforeHearing: c.outstanding, waived: 0, paymentDetails: { method: 'cash_receipt' } },
      },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: signed,
        terms: {
          paidBeforeHearing: c.outstanding,
          waived: 0,
          paymentDetails: { method: 'bank_transfer', account: 'KZ86125KZT5004100101' },
        },
      },
      {
        type: 'agreement.signed',
        at: start,
        signedBy: signed,
        terms: {
          paidBeforeHearing: c.outstanding,
          waived: 0,
          paymentDetails: { method: 'bailiff', account: 'KZ86125KZT5004100100' },
        },
      },
      { type: 'mediation.terminated', at: start, reason: 'impossible' },
      { type: 'mediation.terminated', at: start, reason: 'refusal_of_party', party: 'victim' },
      { type: 'mediation.terminated', at: start, reason: 'refusal_of_party' },
      { type: 'mediation.terminated', at: start, reason: 'impossible', party: 'convict' },
      { type: 'mediation.terminated', at: start, reason: 'nope' as never },
    ];
  };
  const serializeState = (s: Snap) =>
    JSON.stringify([s.value, s.context.extensions, s.context.sessions > 0, s.context.invitations > 1]);
  const invariant = (s: Snap) => {
    const c = s.context as ClaimMediationContext;
    for (const n of [c.outstanding, c.invitations, c.sessions, c.extensions]) expect(isSafeCount(n)).toBe(true);
    expect(c.extensions).toBeLessThanOrEqual(mediation.maxExtensions.value);
    if (c.replyBy) expect(c.replyBy > c.invitedOn!).toBe(true);
    if (c.termEndsOn)
      expect(
        addDays(c.contractDate!, mediation.termDays.value + mediation.maxExtensionDays.value) >= c.termEndsOn,
      ).toBe(true);
    const withOutcome = ['refused', 'silent', 'terminated', 'agreed', 'tracked'].includes(String(s.value));
    expect(c.outcome !== null).toBe(withOutcome);
    if (c.agreement) {
      const t = c.agreement.terms;
      expect(t.paidBeforeHearing + t.waived + (t.instalments?.total ?? 0)).toBe(c.outstanding);
      expect(c.agreement.signedOn <= c.termEndsOn!).toBe(true);
    }
    expect(JSON.stringify(c)).not.toContain('confidential');
    // The contract's terms are kept exactly when mediation started; a refusing party only for art. 26 p. 4.
    expect(c.contract?.date ?? null).toBe(c.contractDate);
    if (c.contract?.fee != null) expect(isSafeCount(c.contract.fee)).toBe(true);
    expect(c.refusingParty !== null).toBe(c.terminationReason === 'refusal_of_party');
  };

  for (const kind of ['victim', 'state'] as const) {
    it(`${kind} claim: shortest paths replay with invariants`, () => {
      const input = { claimId: 'c', kind, outstanding: 1_000_000 };
      const paths = getShortestPaths(claimMediationMachine, { input, events, serializeState: serializeState as any });
      const initial = claimMediationMachine.resolveState(
        JSON.parse(JSON.stringify(claimMediationMachine.getPersistedSnapshot(paths[0].steps[0].state))),
      ) as unknown as Snap;
      replayAll(claimMediationMachine, paths, initial, events, claimMediationChecks as any, invariant);
      const reached = reachedStates(paths);
      if (kind === 'state') expect([...reached]).toEqual(['tracked']);
      else expect(new Set([...reached, 'tracked'])).toEqual(new Set(allStates(claimMediationMachine)));
    });
  }
});

// ── restitution ────────────────────────────────────────────────────────────────────────────────────────
describe('restitution machine', () => {
  const AGREED = '2025-01-20';
  const RELEASED = '2025-03-05';
  const instalments = { total: 200_000, monthly: 50_000, dayOfMonth: 10, startsMonthAfterRelease: true };
  const events = (s: Snap): RestitutionEvent[] => {
    const c = s.context as RestitutionContext;
    const at = c.releaseDate ? '2025-12-31' : '2025-02-01';
    const watch = nextInstalmentToWatch(c);
    const unexplained = c.misses.find((m) => m.goodReason === null);
    const pay = (amount: number, reference: string): Extract<RestitutionEvent, { type: 'payment.recorded' }> => ({
      type: 'payment.recorded',
      at,
      amount,
      date: at,
      reference,
      evidence: 'victim_receipt',
    });
    const list: RestitutionEvent[] = [
      pay(balance(c), `full-${c.paymentCount}`),
      pay(balance(c) + 1, 'over'),
      pay(0, 'zero'),
      { type: 'payment.recorded', at, amount: 1, date: '2025-01-19', reference: 'early', evidence: 'victim_receipt' },
      {
        type: 'convict.released',
        at: RELEASED,
        releaseDate: RELEASED,
        schedule: schedule({
          outstanding: instalments.total,
          monthly: instalments.monthly,
          firstDueDate: '2025-04-10',
          dayOfMonth: 10,
        }),
      },
      { type: 'default.reported', at },
    ];
    if (c.paid < c.preHearingDue) list.push(pay(c.preHearingDue - c.paid, `pre-${c.paymentCount}`));
    if (c.schedule.length > 0 && c.paid >= c.preHearingDue && balance(c) > instalments.monthly)
      list.push(pay(instalments.monthly, `inst-${c.paymentCount}`));
    // A reference the ledger already holds (the store looks it up): the same payment again, or another one under it.
    if (c.paymentCount > 0) {
      const onRecord = { amount: 1, date: at };
      list.push(
        { ...pay(1, 'known'), onRecord },
        { ...pay(2, 'known'), onRecord },
        { ...pay(1, 'known'), date: c.agreementDate, onRecord },
      );
    }
    if (watch && c.misses.length < 3)
      list.push(
        { type: 'payment.overdue', at: addDays(watch.dueDate, 30), instalmentNo: watch.no },
        { type: 'payment.overdue', at: watch.dueDate, instalmentNo: watch.no },
      );
    // Corrections: a reversal (its original is looked up in the ledger on replay), with or without a new entry.
    // (bounded: one reversal, before any miss and amendment — the state space stays that of the other events)
    if (c.paymentCount === 1 && c.reversals === undefined && c.misses.length === 0 && c.scheduleVersion === 1) {
      const reversal = {
        type: 'payment.reversed' as const,
        at,
        reference: 'latest',
        reason: 'entered wrongly',
        original: { amount: 1, date: at },
        replacementOnRecord: null,
      };
      list.push(
        reversal,
        { ...reversal, reason: ' ' },
        { ...reversal, original: null },
        {
          ...reversal,
          replacement: { amount: 1, date: at, reference: `fix-${c.reversals ?? 0}`, evidence: 'bank_transfer' },
        },
      );
    }
    if (c.releaseDate && c.instalments && c.instalments.total > 0 && c.scheduleVersion === 1 && c.misses.length > 0)
      list.push({
        type: 'release.corrected',
        at: '2025-12-31',
        releaseDate: '2025-03-10',
        schedule: schedule({
          outstanding: c.instalments.total,
          monthly: c.instalments.monthly,
          firstDueDate: '2025-04-10',
          dayOfMonth: c.instalments.dayOfMonth,
        }),
      });
    if (c.releaseDate) list.push({ type: 'release.corrected', at: '2025-12-31', releaseDate: '2025-03-11' });
    if (unexplained)
      list.push({
        type: 'payment.missed.explained',
        at,
        instalmentNo: unexplained.instalmentNo,
        goodReason: false,
        reason: 'no reason given',
      });
    if (c.scheduleVersion < 2 && c.releaseDate) {
      const total = balance(c);
      const rows =
        total > 0 ? schedule({ outstanding: total, monthly: 100_000, firstDueDate: '2026-01-05', dayOfMonth: 5 }) : [];
      list.push({
        type: 'agreement.amended',
        at,
        instalments: { total, monthly: 100_000, dayOfMonth: 5 },
        schedule: rows,
      });
      list.push({
        type: 'agreement.amended',
        at,
        instalments: { total: 0, monthly: 0, dayOfMonth: 5 },
        waived: total,
        schedule: [],
      });
    }
    return list;
  };
  const serializeState = (s: Snap) => {
    const c = s.context as RestitutionContext;
    return JSON.stringify([
      s.value,
      c.paid,
      c.misses.map((m) => m.goodReason),
      c.scheduleVersion,
      c.releaseDate !== null,
      c.paymentCount > 0,
      c.reversals ?? 0,
    ]);
  };
  const invariant = (s: Snap, ledger: Payment[]) => {
    const c = s.context as RestitutionContext;
    for (const n of [c.owed, c.paid, c.preHearingDue, c.waived, c.scheduleOffset, balance(c), c.paymentCount])
      expect(isSafeCount(n)).toBe(true);
    // The snapshot's totals are those of the ledger rows.
    expect(c.paid).toBe(ledger.reduce((sum, p) => sum + p.amount, 0));
    // Every payment recorded is on the ledger, or was reversed (a reversal row refers to it).
    expect(c.paymentCount).toBe(ledger.length + (c.reversals ?? 0));
    const latest = ledger.reduce<string | null>((last, p) => (last !== null && last > p.date ? last : p.date), null);
    if ((c.reversals ?? 0) === 0) expect(c.lastPaymentOn).toBe(latest);
    else expect(latest === null || (c.lastPaymentOn !== null && c.lastPaymentOn >= latest)).toBe(true);
    expect(new Set(ledger.map((p) => p.reference)).size).toBe(ledger.length);
    for (const p of ledger) expect(p.amount > 0 && p.date >= c.agreementDate).toBe(true);
    if (c.schedule.length > 0) expect(c.schedule.reduce((sum, r) => sum + r.amount, 0)).toBe(c.instalments?.total);
    const state = String(s.value);
    expect(state === 'paidInFull').toBe(balance(c) === 0);
    if (state === 'current') expect(openArrears(c)).toHaveLength(0);
    if (state === 'inArrears') expect(openArrears(c).length).toBeGreaterThan(0);
    if (state === 'defaultReported')
      expect(evasions(c)).toBeGreaterThan(parolee.maxEvasionsBeforeRevocationGround.value);
    if (['current', 'inArrears', 'defaultReported'].includes(state)) expect(c.releaseDate).not.toBeNull();
    const watch = nextInstalmentToWatch(c);
    if (watch) expect(isCovered(c, watch.no)).toBe(false);
  };

  const inputs = {
    'pre-hearing part and instalments': {
      claimId: 'c',
      agreementDate: AGREED,
      preHearingDue: 100_000,
      waived: 0,
      instalments,
      schedule: [],
      releaseDate: null,
    },
    'all waived': {
      claimId: 'c',
      agreementDate: AGREED,
      preHearingDue: 0,
      waived: 300_000,
      instalments: null,
      schedule: [],
      releaseDate: null,
    },
  };
  const reached = new Set<string>();
  for (const [name, input] of Object.entries(inputs)) {
    it(`${name}: shortest paths replay with invariants`, () => {
      const paths = getShortestPaths(restitutionMachine, { input, events, serializeState: serializeState as any });
      const initial = restitutionMachine.resolveState(
        JSON.parse(JSON.stringify(restitutionMachine.getPersistedSnapshot(paths[0].steps[0].state))),
      ) as unknown as Snap;
      replayAll(restitutionMachine, paths, initial, events, restitutionChecks as any, invariant);
      reachedStates(paths).forEach((v) => reached.add(v));
    });
  }
  it('every state is reached (the transient opening state aside)', () => {
    expect(reached).toEqual(new Set(allStates(restitutionMachine).filter((s) => s !== 'opening')));
  });
});

// ── case ───────────────────────────────────────────────────────────────────────────────────────────────
describe('case machine', () => {
  const D = '2025-01-10';
  const events = (s: Snap): CaseEvent[] => {
    const c = s.context as CaseContext;
    const filedAt = c.refileNotBefore ?? '2025-03-01';
    const decided = c.petitionFiledOn ?? filedAt;
    const released = c.decisionDate ?? decided;
    return [
      { type: 'case.accepted', at: D },
      { type: 'case.declined', at: D, reason: 'conflict of interest' },
      { type: 'case.declined', at: D, reason: '' },
      { type: 'case.withdrawn', at: D, reason: 'changed his mind' },
      { type: 'claim.outcome', at: D, claimId: 'a', outcome: 'agreed', owes: true },
      { type: 'claim.outcome', at: D, claimId: 'b', outcome: 'refused', owes: false },
      { type: 'claim.reopened', at: D, claimId: 'b' },
      { type: 'restitution.paid', at: released, claimId: 'a' },
      { type: 'petition.filed', at: filedAt },
      { type: 'petition.filed', at: addDays(filedAt, -1) },
      { type: 'hearing.scheduled', at: decided, hearingDate: decided },
      { type: 'court.decided', at: decided, decision: 'parole', decisionDate: decided },
      { type: 'court.decided', at: decided, decision: 'refused', decisionDate: decided },
      { type: 'court.decided', at: decided, decision: 'replacement', decisionDate: decided },
      { type: 'convict.released', at: released, releaseDate: released },
      { type: 'convict.released', at: released, releaseDate: addDays(released, 1) },
      { type: 'parole.revoked', at: released, decisionDate: released, ground: 'УК 72 ч. 7 п. 1' },
      // Corrections of the release and the hearing dates.
      { type: 'release.corrected', at: addDays(released, 2), releaseDate: addDays(released, 1), reason: 'typo' },
      { type: 'release.corrected', at: addDays(released, 2), releaseDate: released, reason: '' },
      { type: 'hearing.corrected', at: decided, hearingDate: addDays(c.hearingDate ?? decided, 1), reason: 'typo' },
      { type: 'hearing.corrected', at: decided, hearingDate: c.hearingDate ?? decided, reason: 'typo' },
    ];
  };
  const serializeState = (s: Snap) => {
    const c = s.context as CaseContext;
    return JSON.stringify([s.value, c.claims, c.refileNotBefore !== null, c.decision, c.procedure]);
  };
  const invariant = (s: Snap) => {
    const c = s.context as CaseContext;
    const state = String(s.value);
    expect(isSafeCount(c.petitions)).toBe(true);
    if (state === 'readyForCourt') expect(everyClaimHasOutcome(c)).toBe(true);
    if (state === 'mediation') expect(everyClaimHasOutcome(c)).toBe(false);
    if (state === 'closed') expect(nothingLeftToPay(c)).toBe(true);
    if (state === 'restitution') expect(nothingLeftToPay(c)).toBe(false);
    if (state === 'refused')
      expect(c.refileNotBefore).toBe(addMonths(c.decisionDate!, petition.refilingAfterRefusalMonths.value));
    if (['paroleGranted', 'replaced', 'refused'].includes(state))
      expect(c.decisionDate! >= c.petitionFiledOn!).toBe(true);
    if (state === 'revoked') expect(c.decision).toBe('parole');
  };

  const reached = new Set<string>();
  for (const procedure of ['parole', 'replacement'] as const) {
    it(`${procedure}: shortest paths replay with invariants`, () => {
      const input = {
        procedure,
        lifeImprisonment: false,
        claims: [
          { id: 'a', outcome: null },
          { id: 'b', outcome: null },
        ],
      };
      const paths = getShortestPaths(caseMachine, { input, events, serializeState: serializeState as any });
      const initial = caseMachine.resolveState(
        JSON.parse(JSON.stringify(caseMachine.getPersistedSnapshot(paths[0].steps[0].state))),
      ) as unknown as Snap;
      replayAll(caseMachine, paths, initial, events, caseChecks as any, invariant, [
        'claim.outcome',
        'claim.reopened',
        'restitution.paid',
      ]);
      reachedStates(paths).forEach((v) => reached.add(v));
    });
  }
  it('every state is reached', () => {
    expect(reached).toEqual(new Set(allStates(caseMachine)));
  });
});
