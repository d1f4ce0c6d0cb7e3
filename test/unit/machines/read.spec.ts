import {
  type ProcedureEvent,
  type ProcedureState,
  arrearsOf,
  caseContextOf,
  caseStateOf,
  claimLedger,
  claimReading,
  claimReadings,
  initialProcedure,
  nextDeadlines,
  nextEvents,
  outstandingBalance,
} from '../../../machines';
import { claimLedgerView } from '../../../src/cases/claim-ledger';
import type { CaseApplication } from '../../../src/cases/domain/case-application';
import { application, victimClaim } from '../../factories/case.factory';
import { deps, run, tenge } from './support';

const app = {
  ...application(),
  claims: [
    { id: 'v1', kind: 'victim', ...victimClaim() },
    { id: 'v2', kind: 'victim', ...victimClaim() },
  ],
} as unknown as CaseApplication;

/** The typed readers of machines/read.ts: what the views and documents read instead of casting snapshots. */
const twoVictims = () =>
  initialProcedure({
    procedure: 'parole',
    lifeImprisonment: false,
    claims: [
      { id: 'v1', kind: 'victim', awarded: tenge(200_000), recovered: 0 },
      { id: 'v2', kind: 'victim', awarded: tenge(50_000), recovered: 0 },
    ],
  });
const on = (claimId: string, type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  claimId,
  actor: 'mediator',
  ...rest,
});
const officer = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  claimId: 'v1',
  actor: 'officer',
  ...rest,
});
const system = (type: string, at: string, rest: Record<string, unknown> = {}): ProcedureEvent => ({
  type,
  at,
  claimId: 'v1',
  actor: 'system',
  ...rest,
});
const pay = (at: string, amount: number, reference: string) =>
  officer('payment.recorded', at, { amount, date: at, reference });
const signed = { mediator: true, victim: true, convict: true };

/** v1: 4 instalments of 50 000 ₸ from the month after release (10 Mar – 10 Jun 2025); v2 invited, no answer. */
function released(): ProcedureState {
  return run(twoVictims(), [
    { type: 'case.accepted', at: '2025-01-10', actor: 'mediator' },
    on('v1', 'invitation.sent', '2025-01-10'),
    on('v1', 'invitation.accepted', '2025-01-11'),
    on('v1', 'contract.signed', '2025-01-12', { contractDate: '2025-01-12' }),
    on('v1', 'agreement.signed', '2025-01-25', {
      signedBy: signed,
      terms: {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: tenge(200_000), monthly: tenge(50_000), startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
    }),
    on('v2', 'invitation.sent', '2025-01-20'),
    on('v2', 'invitation.refused', '2025-01-21'),
    { type: 'petition.filed', at: '2025-01-26', actor: 'lawyer' },
    { type: 'court.decided', at: '2025-02-20', actor: 'court', decision: 'parole', decisionDate: '2025-02-20' },
    { type: 'convict.released', at: '2025-02-25', actor: 'lawyer', releaseDate: '2025-02-25' },
  ]);
}

describe('reading the case and its claims', () => {
  it('gives the case state and context, typed', () => {
    const s = released();
    expect(caseStateOf(s)).toBe('restitution');
    expect(caseContextOf(s)).toMatchObject({ releaseDate: '2025-02-25', decision: 'parole', petitions: 1 });
  });

  it('gives each claim: mediation state, outcome, agreement terms, reply-by and term-end dates, restitution', () => {
    const s = released();
    const v1 = claimReading(s, 'v1')!;
    expect(v1).toMatchObject({
      id: 'v1',
      mediationState: 'agreed',
      outcome: 'agreed',
      invitedOn: '2025-01-10',
      replyBy: '2025-01-20',
      termEndsOn: '2025-02-11',
    });
    expect(v1.agreement).toEqual({
      signedOn: '2025-01-25',
      terms: expect.objectContaining({ paidBeforeHearing: 0, waived: 0 }),
    });
    expect(v1.restitution?.state).toBe('current');
    expect(claimReading(s, 'v2')).toMatchObject({
      mediationState: 'refused',
      outcome: 'refused',
      agreement: null,
      restitution: null,
    });
    expect(claimReadings(s).map((c) => c.id)).toEqual(['v1', 'v2']);
  });

  it('knows no claim that is not in the case, including names of Object.prototype', () => {
    expect(claimReading(released(), 'nope')).toBeNull();
    expect(claimReading(released(), 'constructor')).toBeNull();
    expect(outstandingBalance(released(), '__proto__')).toBeNull();
  });
});

describe('balance and arrears', () => {
  it('the outstanding balance is what the agreement still obliges the convict to pay; none without an agreement', () => {
    let s = released();
    expect(outstandingBalance(s, 'v1')).toBe(tenge(200_000));
    expect(outstandingBalance(s, 'v2')).toBeNull();
    s = run(s, [pay('2025-03-05', tenge(70_000), 'R1')]);
    expect(outstandingBalance(s, 'v1')).toBe(tenge(130_000));
  });

  it('arrears are the reported misses the payments do not cover, with their unpaid rest', () => {
    let s = released();
    expect(arrearsOf(s, 'v1')).toEqual({ misses: [], amount: 0 });
    s = run(s, [system('payment.overdue', '2025-04-10', { instalmentNo: 1 })]);
    expect(arrearsOf(s, 'v1')).toMatchObject({
      misses: [{ instalmentNo: 1, dueDate: '2025-03-10' }],
      amount: tenge(50_000),
    });
    s = run(s, [pay('2025-04-10', tenge(30_000), 'R1')]);
    expect(arrearsOf(s, 'v1')).toMatchObject({ misses: [{ instalmentNo: 1 }], amount: tenge(20_000) });
    expect(claimReading(s, 'v1')!.restitution!.state).toBe('inArrears');
    s = run(s, [pay('2025-04-11', tenge(20_000), 'R2')]);
    expect(arrearsOf(s, 'v1')).toEqual({ misses: [], amount: 0 });
    expect(claimReading(s, 'v1')!.restitution!.state).toBe('current');
    expect(arrearsOf(s, 'v2')).toBeNull();
  });

  it('the claim ledger: the schedule with the payments allocated oldest first, statuses as of a day, evasions as the machine counts them', () => {
    let s = released();
    s = run(s, [
      system('payment.overdue', '2025-04-10', { instalmentNo: 1 }),
      officer('payment.missed.explained', '2025-04-10', { instalmentNo: 1, goodReason: true, reason: 'больница' }),
      pay('2025-04-20', tenge(60_000), 'R1'),
    ]);
    // The payments as the ledger table holds them (the snapshot keeps only their total).
    const l = claimLedger(s, 'v1', '2025-05-10', 30, [{ reference: 'R1', amount: tenge(60_000), date: '2025-04-20' }])!;
    expect(l.state).toBe('current');
    expect(l.ledger.instalments.map((i) => [i.no, i.paid / 100, i.status])).toEqual([
      [1, 50_000, 'paid'],
      [2, 10_000, 'partly_paid'],
      [3, 0, 'due'],
      [4, 0, 'upcoming'],
    ]);
    expect(l.ledger.instalments[0]).toMatchObject({ paidOn: '2025-04-20', paidLate: true });
    expect(l.ledger.balance).toBe(tenge(140_000));
    expect(l).toMatchObject({ arrears: { misses: [], amount: 0 }, evasions: 0, excusedMisses: 1 });
    expect(claimLedger(s, 'v2', '2025-05-20', 30, [])).toBeNull();
  });
});

describe('the claim schedule before release', () => {
  it('credits a payment beyond the pre-hearing part while the instalment dates are not fixed (no refusal)', () => {
    const s = run(twoVictims(), [
      { type: 'case.accepted', at: '2025-01-10', actor: 'mediator' },
      on('v1', 'invitation.sent', '2025-01-10'),
      on('v1', 'invitation.accepted', '2025-01-11'),
      on('v1', 'contract.signed', '2025-01-12', { contractDate: '2025-01-12' }),
      on('v1', 'agreement.signed', '2025-01-25', {
        signedBy: signed,
        terms: {
          paidBeforeHearing: tenge(50_000),
          waived: 0,
          instalments: { total: tenge(150_000), monthly: tenge(50_000), startsMonthAfterRelease: true, dayOfMonth: 10 },
        },
      }),
      pay('2025-01-30', tenge(80_000), 'R1'),
    ]);
    expect(claimReading(s, 'v1')!.restitution!.state).toBe('awaitingRelease');
    const payments = [
      { reference: 'R1', amount: tenge(80_000), date: '2025-01-30', evidence: null, recordedOn: '2025-01-30' },
    ];
    const l = claimLedger(s, 'v1', '2025-02-01', 30, payments)!;
    expect(l.ledger.instalments).toEqual([expect.objectContaining({ no: 0, amount: tenge(50_000), status: 'paid' })]);
    expect(outstandingBalance(s, 'v1')).toBe(tenge(120_000));
    expect(claimLedgerView(s, app, 'v1', '2025-02-01', 30, payments)).toMatchObject({
      paidTotal: tenge(80_000),
      balance: tenge(120_000),
      arrears: 0,
      scheduleFixed: false,
      payments,
    });
  });
});

describe('what may happen next', () => {
  it('lists the next events of the case and of each claim', () => {
    expect(nextEvents(twoVictims())).toEqual({
      case: ['case.accepted', 'case.declined', 'case.withdrawn'],
      claims: { v1: [], v2: [] },
    });
    const s = released();
    expect(nextEvents(s)).toEqual({
      case: ['parole.revoked', 'release.corrected', 'hearing.corrected'],
      claims: {
        v1: [
          'payment.recorded',
          'payment.reversed',
          'payment.overdue',
          'payment.missed.explained',
          'default.reported',
          'agreement.amended',
        ],
        v2: [],
      },
    });
  });

  it('lists the awaited deadlines, the earliest first', () => {
    const s = run(twoVictims(), [
      { type: 'case.accepted', at: '2025-01-10', actor: 'mediator' },
      on('v2', 'invitation.sent', '2025-01-15'),
      on('v1', 'invitation.sent', '2025-01-12', { replyDays: 5 }),
    ]);
    expect(nextDeadlines(s, deps)).toEqual([
      { key: 'v1:invitation:1', type: 'invitation.expired', claimId: 'v1', dueDate: '2025-01-18', payload: {} },
      { key: 'v2:invitation:1', type: 'invitation.expired', claimId: 'v2', dueDate: '2025-01-26', payload: {} },
    ]);
    expect(nextDeadlines(released(), deps)).toEqual([
      expect.objectContaining({ type: 'payment.overdue', claimId: 'v1', dueDate: '2025-04-10' }),
    ]);
  });
});
