import fc from 'fast-check';
import {
  type ProcedureEvent,
  type ProcedureState,
  arrearsOf,
  claimReading,
  initialProcedure,
  pendingDeadlines,
} from '../../../machines';
import { balance } from '../../../machines/restitution.machine';
import { claimLedgerView } from '../../../src/cases/claim-ledger';
import type { CaseApplication } from '../../../src/cases/domain/case-application';
import { addDays } from '../../../src/common/local-date';
import { documentViewModel, type CaseRecord } from '../../../src/documents/case-documents';
import { parolee } from '../../../src/law/legal-rules';
import { application, victimClaim } from '../../factories/case.factory';
import { overdueFrom } from '../../../src/restitution/domain/ledger';
import { termEndsOn } from '../../../src/restitution/domain/work-calendar';
import { PaymentBook, deps as plainDeps, tenge } from './support';

/** The production calendar: the grace period's last day moves off a non-working day (ГК 175) in both. */
const deps = { ...plainDeps, termEnd: termEndsOn };

/**
 * One ledger: the restitution machine and every view (the claim schedule, the payment statement, the arrears
 * report) read the same allocation of payments, so for any sequence of payments, overdue reports (fired by
 * the sweeper on the day they fall due), reasons and amendments they agree on the balance and the arrears.
 */
const GRACE = deps.graceDays;
const RELEASE = '2025-02-25';

type Op = { gap: number; kind: 'pay' | 'explain' | 'amend'; share: number; good: boolean; day: number };

/** The payments ledger beside the snapshot (the store's table), for the case of the current run. */
let book = new PaymentBook();

function apply(s: ProcedureState, e: ProcedureEvent): ProcedureState {
  const r = book.apply(s, e);
  if (!r.ok) throw new Error(`${e.type} refused: ${JSON.stringify(r)}`);
  return r.state;
}

function agreed(preHearing: number, instalments: number, monthly: number): ProcedureState {
  const signed = { mediator: true, victim: true, convict: true };
  book = new PaymentBook();
  let s = initialProcedure({
    procedure: 'parole',
    lifeImprisonment: false,
    claims: [{ id: 'v1', kind: 'victim', awarded: preHearing + instalments, recovered: 0 }],
  });
  const events: ProcedureEvent[] = [
    { type: 'case.accepted', at: '2025-01-10', actor: 'mediator' },
    { type: 'invitation.sent', claimId: 'v1', at: '2025-01-10', actor: 'mediator' },
    { type: 'invitation.accepted', claimId: 'v1', at: '2025-01-10', actor: 'mediator' },
    { type: 'contract.signed', claimId: 'v1', at: '2025-01-12', actor: 'mediator', contractDate: '2025-01-12' },
    {
      type: 'agreement.signed',
      claimId: 'v1',
      at: '2025-01-25',
      actor: 'mediator',
      signedBy: signed,
      terms: {
        paidBeforeHearing: preHearing,
        waived: 0,
        instalments: { total: instalments, monthly, startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
    },
    ...(preHearing > 0
      ? [
          {
            type: 'payment.recorded',
            claimId: 'v1',
            at: '2025-01-30',
            actor: 'officer' as const,
            amount: preHearing,
            date: '2025-01-30',
            reference: 'PRE',
          },
        ]
      : []),
    { type: 'petition.filed', at: '2025-02-01', actor: 'lawyer' },
    { type: 'court.decided', at: '2025-02-20', actor: 'court', decision: 'parole', decisionDate: '2025-02-20' },
    { type: 'convict.released', at: RELEASE, actor: 'lawyer', releaseDate: RELEASE },
  ];
  for (const e of events) s = apply(s, e);
  return s;
}

/** The sweeper on `day`: every payment.overdue deadline due by then, in turn. */
function sweep(s: ProcedureState, day: string): ProcedureState {
  for (;;) {
    const due = pendingDeadlines(s, deps).find((d) => d.type === 'payment.overdue' && d.dueDate <= day);
    if (!due) return s;
    s = apply(s, { type: due.type, claimId: due.claimId ?? undefined, at: day, actor: 'system', ...due.payload });
  }
}

function expectAgreement(s: ProcedureState, app: CaseApplication, day: string) {
  const r = claimReading(s, 'v1')!.restitution!;
  const c = r.context;
  const machineArrears = arrearsOf(s, 'v1')!;
  const view = claimLedgerView(s, app, 'v1', day, GRACE, book.of('v1'));

  // Balance and payments: the machine's figures everywhere.
  expect(view.paidTotal).toBe(c.paid);
  expect(view.balance).toBe(balance(c));
  if (c.schedule.length > 0) expect(view.instalments.reduce((sum, i) => sum + i.paid, 0)).toBe(c.paid);

  // Arrears: the machine is in arrears exactly when the views show an unpaid rest of a reported miss.
  expect(view.arrears).toBe(machineArrears.amount);
  expect(r.state === 'inArrears').toBe(view.arrears > 0);
  // The sweeper ran today: an instalment the view shows overdue (by its dates and the grace period) is exactly
  // a miss on the machine's record that the payments do not cover.
  const open = new Set(machineArrears.misses.map((m) => m.instalmentNo));
  for (const i of view.instalments.filter((x) => x.no > 0)) {
    expect({ no: i.no, overdue: i.status === 'overdue' }).toEqual({ no: i.no, overdue: open.has(i.no) });
    if (open.has(i.no)) expect(i.remaining > 0 && overdueFrom(i.dueDate, GRACE) <= day).toBe(true);
  }

  // The snapshot's totals are the ledger's; the views read the payments from the ledger.
  expect(c.paymentCount).toBe(book.of('v1').length);
  expect(book.of('v1').reduce((sum, p) => sum + p.amount, 0)).toBe(c.paid);
  expect(view.payments).toEqual(book.of('v1'));
  const kase: CaseRecord = {
    number: 'МД-2025-000001',
    machineVersion: 1,
    application: app,
    snapshot: s,
    payments: book.rows,
  };
  if (c.paymentCount > 0 || r.state === 'paidInFull') {
    const statement = documentViewModel(kase, 'payment-statement', 'v1', day);
    expect(statement.ledger.totalPaid).toBe(c.paid);
    expect(statement.ledger.remaining).toBe(balance(c));
    expect(statement.fullyPaid).toBe(r.state === 'paidInFull');
  }
  if (c.misses.length > 0 || r.state === 'inArrears') {
    const report = documentViewModel(kase, 'arrears-report', 'v1', day);
    // The headline is the table's sum: every instalment due and unpaid, within the grace period or past it …
    expect(report.arrears).toBe(report.misses.reduce((s, m) => s + m.shortfall, 0));
    expect(report.overdueArrears).toBe(view.arrears);
    // … and an instalment paid late is listed as paid late, never as missed.
    expect(report.misses.every((m) => m.shortfall > 0)).toBe(true);
    for (const late of report.paidLate) expect(report.misses.map((m) => m.number)).not.toContain(late.number);
    expect(report.missesWithoutGoodReason).toBe(view.missedWithoutGoodReason);
    expect(report.thresholdExceeded).toBe(view.revocationGround);
    expect(report.thresholdExceeded).toBe(
      view.missedWithoutGoodReason > parolee.maxEvasionsBeforeRevocationGround.value,
    );
    expect(report.paidSoFar).toBe(c.paid);
    for (const m of report.misses) expect(m.shortfall).toBe(view.instalments.find((i) => i.no === m.number)!.remaining);
  }
}

describe('one ledger: the machine and the views agree on balance and arrears', () => {
  it('for any sequence of payments, overdue reports, reasons and amendments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, tenge(50_000)),
        fc.integer({ min: 2, max: 8 }),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 70 }),
            kind: fc.constantFrom('pay', 'pay', 'pay', 'explain', 'amend'),
            share: fc.integer({ min: 1, max: 1000 }),
            good: fc.boolean(),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { maxLength: 14 },
        ),
        (preHearing, months, ops: Op[]) => {
          const monthly = tenge(40_000);
          const instalments = monthly * months - tenge(5_000);
          let s = agreed(preHearing, instalments, monthly);
          const app = {
            ...application(),
            claims: [{ id: 'v1', kind: 'victim', ...victimClaim({ amountAwarded: preHearing + instalments }) }],
          } as unknown as CaseApplication;
          let day = RELEASE;
          expectAgreement(s, app, day);
          ops.forEach((op, n) => {
            const r = claimReading(s, 'v1')!.restitution!;
            if (r.state === 'paidInFull') return;
            day = addDays(day, op.gap);
            s = sweep(s, day);
            const c = claimReading(s, 'v1')!.restitution!.context;
            if (op.kind === 'pay') {
              const amount = Math.max(1, Math.floor((balance(c) * op.share) / 1000));
              s = apply(s, {
                type: 'payment.recorded',
                claimId: 'v1',
                at: day,
                actor: 'officer',
                amount,
                date: day,
                reference: `P${n}`,
              });
            } else if (op.kind === 'explain') {
              const miss = c.misses.find((m) => m.scheduleVersion === c.scheduleVersion && m.goodReason === null);
              if (miss) {
                s = apply(s, {
                  type: 'payment.missed.explained',
                  claimId: 'v1',
                  at: day,
                  actor: 'officer',
                  instalmentNo: miss.instalmentNo,
                  goodReason: op.good,
                  reason: op.good ? 'болезнь' : 'без причины',
                });
              }
            } else {
              const rest = balance(c);
              const monthlyNow = Math.max(1, Math.ceil(rest / (1 + (op.share % 6))));
              s = apply(s, {
                type: 'agreement.amended',
                claimId: 'v1',
                at: day,
                actor: 'mediator',
                instalments: { total: rest, monthly: monthlyNow, dayOfMonth: op.day },
              });
            }
            expectAgreement(s, app, day);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
