/**
 * Corrections (issue 9 item 5): a fact recorded wrongly is corrected by an event with its reason — never by
 * editing the original. The release date (the schedule that ran from it is recomputed), the hearing date, and a
 * payment (a reversal plus, optionally, the correct payment as a new entry). Replaying the history gives the same state.
 */
import {
  type ProcedureEvent,
  type ProcedureState,
  applyEvent,
  describeProcedure,
  initialProcedure,
  pendingDeadlines,
} from '../../../machines/procedure';
import { claimReading } from '../../../machines/read';
import { replayHistory, type RecordedEvent } from '../../../src/cases/domain/replay';
import type { CaseApplication } from '../../../src/cases/domain/case-application';
import { PaymentBook, deps, tenge } from './support';

const signed = { mediator: true, victim: true, convict: true };
const ev = (type: string, at: string, actor: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  actor: actor as ProcedureEvent['actor'],
  ...rest,
});
const onV1 = (type: string, at: string, actor: string, rest: Record<string, unknown> = {}) =>
  ev(type, at, actor, { claimId: 'v1', ...rest });
const pay = (at: string, amount: number, reference: string) =>
  onV1('payment.recorded', at, 'officer', { amount, date: at, reference, evidence: 'bank_transfer' });

/** One victim, 200 000 ₸ in instalments of 50 000 on the 10th from the month after release; released 25.02.2025. */
const history: ProcedureEvent[] = [
  ev('case.accepted', '2025-01-10', 'mediator'),
  onV1('invitation.sent', '2025-01-10', 'mediator'),
  onV1('invitation.accepted', '2025-01-11', 'mediator'),
  onV1('contract.signed', '2025-01-12', 'mediator', { contractDate: '2025-01-12' }),
  onV1('agreement.signed', '2025-01-25', 'mediator', {
    signedBy: signed,
    terms: {
      paidBeforeHearing: 0,
      waived: 0,
      instalments: { total: tenge(200_000), monthly: tenge(50_000), startsMonthAfterRelease: true, dayOfMonth: 10 },
    },
  }),
  ev('petition.filed', '2025-01-26', 'lawyer'),
  ev('hearing.scheduled', '2025-01-27', 'court', { hearingDate: '2025-02-18' }),
  ev('court.decided', '2025-02-20', 'court', { decision: 'parole', decisionDate: '2025-02-20' }),
  ev('convict.released', '2025-02-25', 'lawyer', { releaseDate: '2025-02-25' }),
];

const app = {
  procedure: 'parole',
  sentence: { lifeImprisonment: false },
  claims: [{ id: 'v1', kind: 'victim', amountAwarded: tenge(200_000), amountRecovered: 0 }],
} as unknown as CaseApplication;
const start = () =>
  initialProcedure({
    procedure: 'parole',
    lifeImprisonment: false,
    claims: [{ id: 'v1', kind: 'victim', awarded: tenge(200_000), recovered: 0 }],
  });

/** Applies the events as the store does (the payments ledger beside the snapshot); keeps the accepted ones. */
function record(events: ProcedureEvent[], book = new PaymentBook(), from = start()) {
  let state = from;
  const accepted: ProcedureEvent[] = [];
  for (const e of events) {
    const r = book.apply(state, withLedger(book, e));
    if (!r.ok) throw new Error(`${e.type} refused: ${JSON.stringify(r)}`);
    if (r.changed) accepted.push(e);
    state = r.state;
  }
  return { state, accepted, book };
}
/** `original` of a reversal from the ledger, as the store's look-up fills it in. */
function withLedger(book: PaymentBook, e: ProcedureEvent): ProcedureEvent {
  if (e.type !== 'payment.reversed') return e;
  const p = book.of('v1').find((x) => x.reference === e.reference);
  return { ...e, original: p ? { amount: p.amount, date: p.date } : null, replacementOnRecord: null };
}
const restitution = (s: ProcedureState) => claimReading(s, 'v1')!.restitution!;
const asHistory = (events: ProcedureEvent[]): RecordedEvent[] => [
  { seq: 1, type: 'case.applied', claimId: null, actorRole: 'lawyer', eventDate: '2025-01-09', payload: {} },
  ...events.map((e, i) => {
    const { type, claimId, actor, at, ...payload } = e;
    return {
      seq: i + 2,
      type,
      claimId: claimId ?? null,
      actorRole: actor,
      eventDate: at,
      payload,
    };
  }),
];

describe('release.corrected', () => {
  it('recomputes the schedule that ran from the month after release, keeps the original in the history', () => {
    const { state } = record(history);
    expect(restitution(state).context.schedule[0].dueDate).toBe('2025-03-10');
    const moved = ev('release.corrected', '2025-04-02', 'officer', {
      releaseDate: '2025-03-03',
      reason: 'По справке учреждения освобождён 03.03.2025',
    });
    const { state: after, accepted } = record([...history, moved]);
    expect(after.case.context.releaseDate).toBe('2025-03-03');
    const r = restitution(after).context;
    expect(r.releaseDate).toBe('2025-03-03');
    expect(r.schedule.map((x) => x.dueDate)).toEqual(['2025-04-10', '2025-05-10', '2025-06-10', '2025-07-10']);
    expect(r.scheduleVersion).toBe(2);
    // the original event and the correction are both in the history, and the history replays to the same state
    expect(accepted.map((e) => e.type).slice(-2)).toEqual(['convict.released', 'release.corrected']);
    expect(replayHistory(app, asHistory(accepted), deps)).toEqual(after);
  });

  it('withdraws the misses recorded under the wrong dates: the sweeper watches the corrected ones', () => {
    const { state } = record([
      ...history,
      onV1('payment.overdue', '2025-04-10', 'system', { instalmentNo: 1 }),
      onV1('payment.missed.explained', '2025-04-11', 'officer', {
        instalmentNo: 1,
        goodReason: false,
        reason: 'не платил',
      }),
    ]);
    expect(describeProcedure(state).claims[0].restitution).toBe('inArrears');
    const { state: after } = record(
      [ev('release.corrected', '2025-04-12', 'lawyer', { releaseDate: '2025-03-20', reason: 'дата из справки' })],
      new PaymentBook(),
      state,
    );
    expect(describeProcedure(after).claims[0].restitution).toBe('current');
    expect(restitution(after).context.misses).toEqual([]);
    expect(pendingDeadlines(after, deps)).toEqual([
      expect.objectContaining({ type: 'payment.overdue', key: 'v1:instalment:2:1', dueDate: '2025-05-11' }),
    ]);
  });

  it('needs a reason, a date not before the decision, and a different date; only the roles that record a release', () => {
    const { state } = record(history);
    const fix = (rest: Record<string, unknown>, actor = 'officer') =>
      applyEvent(state, ev('release.corrected', '2025-03-05', actor, rest), deps);
    expect(fix({ releaseDate: '2025-03-01', reason: '  ' })).toMatchObject({ rule: 'reason_required' });
    expect(fix({ releaseDate: '2025-02-19', reason: 'x' })).toMatchObject({ rule: 'release_date_invalid' });
    expect(fix({ releaseDate: '2025-02-25', reason: 'x' })).toMatchObject({ rule: 'date_unchanged' });
    expect(fix({ releaseDate: '2025-03-01', reason: 'x' }, 'mediator')).toMatchObject({ rule: 'role_not_allowed' });
  });

  it('is refused before a release is recorded', () => {
    const { state } = record(history.slice(0, -1));
    expect(
      applyEvent(
        state,
        ev('release.corrected', '2025-03-05', 'officer', { releaseDate: '2025-03-01', reason: 'x' }),
        deps,
      ),
    ).toMatchObject({ ok: false, error: 'event_not_allowed' });
  });
});

describe('hearing.corrected', () => {
  it('replaces the hearing date with its reason; refused when no hearing is recorded or the date is the same', () => {
    const beforeHearing = record(history.slice(0, 6)).state;
    const fix = (rest: Record<string, unknown>) => ev('hearing.corrected', '2025-02-01', 'court', rest);
    expect(applyEvent(beforeHearing, fix({ hearingDate: '2025-02-19', reason: 'x' }), deps)).toMatchObject({
      ok: false,
    });
    const { state } = record(history.slice(0, 7));
    expect(applyEvent(state, fix({ hearingDate: '2025-02-18', reason: 'x' }), deps)).toMatchObject({
      rule: 'date_unchanged',
    });
    expect(applyEvent(state, fix({ hearingDate: '2025-02-19' }), deps)).toMatchObject({ rule: 'reason_required' });
    const { state: after, accepted } = record([
      ...history.slice(0, 7),
      fix({ hearingDate: '2025-02-19', reason: 'В извещении суда — 19.02.2025' }),
    ]);
    expect(after.case.context.hearingDate).toBe('2025-02-19');
    expect(describeProcedure(after).state).toBe('hearingScheduled');
    expect(replayHistory(app, asHistory(accepted), deps)).toEqual(after);
  });
});

describe('payment.reversed', () => {
  it('un-applies a payment recorded wrongly, and records the correct one as a new entry under the same number', () => {
    const { state, book } = record([...history, pay('2025-03-10', tenge(100_000), 'PP-1')]);
    expect(restitution(state).context).toMatchObject({ paid: tenge(100_000), paymentCount: 1 });
    const reversal = onV1('payment.reversed', '2025-03-12', 'officer', {
      reference: 'PP-1',
      reason: 'Сумма по платёжному поручению — 50 000 ₸',
      replacement: { amount: tenge(50_000), date: '2025-03-10', reference: 'PP-1', evidence: 'bank_transfer' },
    });
    const r = applyEvent(state, withLedger(book, reversal), deps);
    expect(r.ok).toBe(true);
    const after = r.ok ? r.state : state;
    expect(restitution(after).context).toMatchObject({ paid: tenge(50_000), paymentCount: 2, reversals: 1 });
    expect(describeProcedure(after).claims[0].restitution).toBe('current');
  });

  it('a reversal alone can put the restitution back in arrears, and the history replays to that state', () => {
    const events = [
      ...history,
      pay('2025-03-10', tenge(50_000), 'PP-1'),
      onV1('payment.overdue', '2025-05-12', 'system', { instalmentNo: 2 }),
      pay('2025-05-13', tenge(50_000), 'PP-2'),
    ];
    const { state } = record(events);
    expect(describeProcedure(state).claims[0].restitution).toBe('current');
    const reversed = onV1('payment.reversed', '2025-05-14', 'officer', {
      reference: 'PP-2',
      reason: 'Платёж зачислен другому получателю',
    });
    const { state: inArrears, accepted } = record([...events, reversed]);
    expect(describeProcedure(inArrears).claims[0].restitution).toBe('inArrears');
    expect(restitution(inArrears).context.paid).toBe(tenge(50_000));
    expect(replayHistory(app, asHistory(accepted), deps)).toEqual(inArrears);
    // the same reversal again: the store's look-up finds no payment under PP-2 any more
    expect(applyEvent(inArrears, { ...reversed, original: null }, deps)).toMatchObject({
      rule: 'payment_not_on_record',
    });
  });

  it('needs a reason and a payment on record; the replacement cannot overpay or take another payment’s number', () => {
    const { state } = record([...history, pay('2025-03-10', tenge(50_000), 'PP-1')]);
    const reversal = (rest: Record<string, unknown>) =>
      onV1('payment.reversed', '2025-03-12', 'officer', {
        reference: 'PP-1',
        reason: 'ошибка',
        original: { amount: tenge(50_000), date: '2025-03-10' },
        replacementOnRecord: null,
        ...rest,
      });
    const entry = (amount: number) => ({ amount, date: '2025-03-10', reference: 'PP-1b', evidence: 'bank_transfer' });
    expect(applyEvent(state, reversal({ reason: '' }), deps)).toMatchObject({ rule: 'reason_required' });
    expect(applyEvent(state, reversal({ original: null }), deps)).toMatchObject({ rule: 'payment_not_on_record' });
    expect(applyEvent(state, reversal({ replacement: entry(0) }), deps)).toMatchObject({ rule: 'replacement_invalid' });
    expect(applyEvent(state, reversal({ replacement: entry(tenge(200_001)) }), deps)).toMatchObject({
      rule: 'overpayment',
    });
    expect(
      applyEvent(
        state,
        reversal({ replacement: entry(1), replacementOnRecord: { amount: 1, date: '2025-03-01' } }),
        deps,
      ),
    ).toMatchObject({ rule: 'payment_reference_conflict' });
    expect(applyEvent(state, { ...reversal({}), actor: 'court' }, deps)).toMatchObject({ rule: 'role_not_allowed' });
    // the whole balance as the replacement: paid in full, and the case closes
    const full = applyEvent(state, reversal({ replacement: entry(tenge(200_000)) }), deps);
    expect(full.ok && describeProcedure(full.state)).toMatchObject({
      state: 'closed',
      claims: [{ restitution: 'paidInFull' }],
    });
  });
});
